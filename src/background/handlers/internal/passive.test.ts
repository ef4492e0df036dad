import { describe, expect, it } from 'vitest';
import { isPassive } from './passive';

describe('requests that do not count as user activity (auto-lock)', () => {
  it('the block check and the reads a new block causes are passive; what the user asks for is not', () => {
    expect(isPassive('balances_block', {})).toBe(true);
    expect(isPassive('balances_get', { source: 'block' })).toBe(true);
    expect(isPassive('balances_accounts', { indexes: [0], source: 'block' })).toBe(true);
    expect(isPassive('balances_get', {})).toBe(false);
    expect(isPassive('balances_get', { source: 'cache' })).toBe(false);
    expect(isPassive('send_confirm', { source: 'block' })).toBe(false);
  });
});
