import { describe, expect, it } from 'vitest';
import { nodeErrorReason } from './node-error';

describe('nodeErrorReason', () => {
  it.each([
    // anvil 1.7 (checked against the binary the E2E suite runs)
    ['nonce too low', 'nonce_used'],
    ['replacement transaction underpriced', 'fee_too_low'],
    ['max fee per gas less than block base fee', 'fee_too_low'],
    ['Insufficient funds for gas * price + value', 'insufficient_funds'],
    ['transaction already imported', 'node_refused'],
    ['intrinsic gas too low', 'node_refused'],
    // geth / erigon wordings
    ['nonce too low: next nonce 5, tx nonce 3', 'nonce_used'],
    ['transaction underpriced', 'fee_too_low'],
    ['insufficient funds for gas * price + value: balance 0, tx cost 21000', 'insufficient_funds'],
    ['execution reverted: ERC20: transfer amount exceeds balance', 'tx_would_fail'],
    ['already known', 'node_refused'],
    ['', 'node_refused'],
  ])('%j → %s', (message, reason) => {
    expect(nodeErrorReason(message)).toBe(reason);
  });
});
