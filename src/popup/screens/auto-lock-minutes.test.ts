import { describe, expect, it } from 'vitest';
import { parseAutoLockMinutes } from './auto-lock-minutes';

describe('parseAutoLockMinutes', () => {
  it('whole minutes from 1 to 1440', () => {
    expect(parseAutoLockMinutes('1')).toBe(1);
    expect(parseAutoLockMinutes(' 15 ')).toBe(15);
    expect(parseAutoLockMinutes('1440')).toBe(1440);
  });
  it('refuses out of range, fractions, signs, words and empty', () => {
    for (const bad of ['0', '1441', '5000', '1.5', '-3', '+3', '1e2', 'ten', '', ' ', '0x10']) expect(parseAutoLockMinutes(bad), bad).toBeNull();
  });
});
