import { describe, expect, it } from 'vitest';
import { NodeRpcError, toSerializedError, WalletError, walletError } from '../shared/errors';
import { forPopup } from './popup-errors';

describe('forPopup', () => {
  it("gives a node's refusal a reason and keeps its words as the detail", () => {
    expect(toSerializedError(forPopup(new NodeRpcError(-32003, 'nonce too low', undefined)))).toEqual({
      code: -32000,
      message: 'nonce too low',
      data: { reason: 'nonce_used', detail: 'nonce too low' },
    });
    const odd = toSerializedError(forPopup(new NodeRpcError(-32000, 'x'.repeat(500), '0x08c379a0')));
    expect(odd.data).toEqual({ reason: 'node_refused', detail: 'x'.repeat(200) });
  });

  it("leaves the wallet's own errors and unknown throws alone (those become 'internal')", () => {
    const own = walletError('locked', 'The wallet is locked.');
    expect(forPopup(own)).toBe(own);
    expect(toSerializedError(forPopup(new Error('secret detail')))).toEqual({ code: -32603, message: 'Internal error', data: { reason: 'internal' } });
    expect(forPopup(own)).toBeInstanceOf(WalletError);
  });
});
