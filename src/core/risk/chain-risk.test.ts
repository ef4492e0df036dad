import { describe, expect, it } from 'vitest';
import { chainMismatchRisks } from './chain-risk';

describe('chainMismatchRisks', () => {
  it('is empty when no chain is named or it matches', () => {
    expect(chainMismatchRisks(undefined, 1n)).toEqual([]);
    expect(chainMismatchRisks(8453n, 8453n)).toEqual([]);
  });
  it('flags another chain', () => {
    expect(chainMismatchRisks(1n, 31337n)).toEqual([
      {
        kind: 'chain_mismatch',
        text: 'chain',
        severity: 'danger',
        message: 'This request is for chain 1, but the wallet is on chain 31337.',
        params: { requested: '1', current: '31337' },
      },
    ]);
  });
});
