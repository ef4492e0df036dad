import { describe, expect, it } from 'vitest';
import type { TxFees } from '../../../shared/approvals';
import { editedFees } from './edited-fees';

const EIP1559: TxFees = { gas: '21000', nonce: 7, maxFeePerGas: '2000000000', maxPriorityFeePerGas: '1000000000' };
const LEGACY: TxFees = { gas: '21000', nonce: 7, gasPrice: '1000000000' };

const refused = (proposed: TxFees, edited: unknown) => {
  try {
    editedFees(proposed, edited as TxFees);
  } catch (e) {
    return (e as { code?: number }).code;
  }
  return 'accepted';
};

describe('editedFees: what the approval window sends back is checked again', () => {
  it('no edit: the proposed fees', () => {
    expect(editedFees(EIP1559, undefined)).toBe(EIP1559);
  });

  it('accepts an edited nonce, gas and fees of the same model, and keeps only known fields', () => {
    expect(editedFees(EIP1559, { gas: '50000', nonce: 9, maxFeePerGas: '3000000000', maxPriorityFeePerGas: '3000000000' })).toEqual({
      gas: '50000',
      nonce: 9,
      maxFeePerGas: '3000000000',
      maxPriorityFeePerGas: '3000000000',
    });
    expect(editedFees(LEGACY, { gas: '21000', nonce: 0, gasPrice: '0' })).toEqual({ gas: '21000', nonce: 0, gasPrice: '0' });
    expect(editedFees(LEGACY, { ...LEGACY, extra: 'ignored' } as TxFees)).toEqual(LEGACY);
  });

  it.each<[string, TxFees, unknown]>([
    ['gas not a decimal string', EIP1559, { ...EIP1559, gas: '0x5208' }],
    ['gas as a number', EIP1559, { ...EIP1559, gas: 21000 }],
    ['gas below 21000', EIP1559, { ...EIP1559, gas: '20999' }],
    ['gas zero', LEGACY, { ...LEGACY, gas: '0' }],
    ['gas of 79 digits', EIP1559, { ...EIP1559, gas: '9'.repeat(79) }],
    ['negative nonce', EIP1559, { ...EIP1559, nonce: -1 }],
    ['fractional nonce', EIP1559, { ...EIP1559, nonce: 1.5 }],
    ['nonce past 2^53', EIP1559, { ...EIP1559, nonce: 2 ** 53 }],
    ['nonce as a string', EIP1559, { ...EIP1559, nonce: '7' }],
    ['negative fee', EIP1559, { ...EIP1559, maxFeePerGas: '-1' }],
    ['fee in gwei text', EIP1559, { ...EIP1559, maxFeePerGas: '2.5' }],
    ['EIP-1559 without max fee', EIP1559, { gas: '21000', nonce: 7, maxPriorityFeePerGas: '1' }],
    ['EIP-1559 without priority fee', EIP1559, { gas: '21000', nonce: 7, maxFeePerGas: '1' }],
    ['EIP-1559 turned legacy', EIP1559, LEGACY],
    ['EIP-1559 with a gas price too', EIP1559, { ...EIP1559, gasPrice: '1' }],
    ['priority fee above max fee', EIP1559, { ...EIP1559, maxFeePerGas: '1', maxPriorityFeePerGas: '2' }],
    ['legacy without gas price', LEGACY, { gas: '21000', nonce: 7 }],
    ['legacy turned EIP-1559 (a chain without base fee refuses type 2)', LEGACY, EIP1559],
    ['legacy with a priority fee too', LEGACY, { ...LEGACY, maxPriorityFeePerGas: '1' }],
    ['not an object', EIP1559, 'fast'],
  ])('refuses %s with -32602', (_name, proposed, edited) => {
    expect(refused(proposed, edited)).toBe(-32602);
  });
});
