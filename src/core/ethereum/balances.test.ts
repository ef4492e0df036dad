import { AbiCoder, getAddress, Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import { BalanceAnswerError, batchCalls, decodeAggregate3, decodeBatch, decodeQuantity, decodeWord, encodeAggregate3, isNoCode, MULTICALL3_ADDRESS } from './balances';

// Multicall3's ABI as published with the contract (mds1/multicall3), written out here so the
// test does not just mirror the module's own Interface.
const published = new Interface([
  'function aggregate3(tuple(address target, bool allowFailure, bytes callData)[] calls) payable returns (tuple(bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function balanceOf(address) view returns (uint256)',
]);
const word = (n: bigint) => AbiCoder.defaultAbiCoder().encode(['uint256'], [n]);
const A = '0x1111111111111111111111111111111111111111';
const B = '0x2222222222222222222222222222222222222222';
const T1 = '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const T2 = '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const q = { owners: [A, B], tokens: [T1, T2] };
const answer = (results: [boolean, string][]) => published.encodeFunctionResult('aggregate3', [results]);

describe('balances in one aggregate3 call', () => {
  it('encodes block number, then per owner getEthBalance and balanceOf of each token, every call allowed to fail', () => {
    const [calls] = published.decodeFunctionData('aggregate3', encodeAggregate3(q)) as unknown as [[string, boolean, string][]];
    const described = calls.map(([target, allowFailure, data]) => {
      const fn = published.parseTransaction({ data });
      return [target.toLowerCase(), allowFailure, fn?.name, ...(fn?.args.map(String) ?? [])].join(' ');
    });
    const mc = MULTICALL3_ADDRESS.toLowerCase();
    expect(described).toEqual([
      `${mc} true getBlockNumber`,
      `${mc} true getEthBalance ${getAddress(A)}`,
      `${T1} true balanceOf ${getAddress(A)}`,
      `${T2} true balanceOf ${getAddress(A)}`,
      `${mc} true getEthBalance ${getAddress(B)}`,
      `${T1} true balanceOf ${getAddress(B)}`,
      `${T2} true balanceOf ${getAddress(B)}`,
    ]);
  });

  it('decodes the answer into a matrix; a failed call or a short answer is null, not zero', () => {
    const m = decodeAggregate3(
      q,
      answer([
        [true, word(17n)],
        [true, word(10n ** 22n)],
        [true, word(5n)],
        [false, '0x08c379a0'], // T2 reverted for A
        [true, word(0n)],
        [true, '0x'], // T1 at B answered nothing (no code)
        [true, word(2n ** 256n - 1n)],
      ]),
    );
    expect(m).toEqual({ block: 17n, native: [10n ** 22n, 0n], tokens: [[5n, null], [null, 2n ** 256n - 1n]] });
  });

  it('refuses an answer that is not aggregate3 answering this query', () => {
    expect(() => decodeAggregate3(q, '0x')).toThrow(BalanceAnswerError);
    expect(() => decodeAggregate3(q, 'garbage')).toThrow(BalanceAnswerError);
    expect(() => decodeAggregate3(q, word(1n))).toThrow(BalanceAnswerError);
    expect(() => decodeAggregate3(q, answer([[true, word(1n)]]))).toThrow(/1 results for 7 calls/);
    expect(() => decodeAggregate3(q, 42)).toThrow(BalanceAnswerError);
  });

  it('tells "not deployed" (empty answer) apart', () => {
    expect(isNoCode('0x')).toBe(true);
    expect(isNoCode(word(0n))).toBe(false);
    expect(isNoCode(null)).toBe(false);
  });
});

describe('the same query as a JSON-RPC batch', () => {
  it('lists eth_blockNumber, then per owner eth_getBalance and the balanceOf calls', () => {
    expect(batchCalls({ owners: [A], tokens: [T1] })).toEqual([
      { method: 'eth_blockNumber', params: [] },
      { method: 'eth_getBalance', params: [A, 'latest'] },
      { method: 'eth_call', params: [{ to: T1, data: published.encodeFunctionData('balanceOf', [A]) }, 'latest'] },
    ]);
    expect(batchCalls(q)).toHaveLength(7);
  });

  it('decodes answers; errors, missing and malformed entries are null', () => {
    const m = decodeBatch(q, [
      { ok: true, result: '0x2a' },
      { ok: true, result: '0xde0b6b3a7640000' },
      { ok: true, result: word(3n) },
      { ok: false },
      { ok: true, result: '12' }, // not hex
      { ok: true, result: '0x05' }, // a quantity where an ABI word belongs
      // the last one is missing
    ]);
    expect(m).toEqual({ block: 42n, native: [10n ** 18n, null], tokens: [[3n, null], [null, null]] });
  });

  it('reads quantities and words strictly', () => {
    expect(decodeQuantity('0x0')).toBe(0n);
    expect(decodeQuantity('0x')).toBeNull();
    expect(decodeQuantity(`0x1${'0'.repeat(64)}`)).toBeNull(); // more than 256 bits
    expect(decodeQuantity(7)).toBeNull();
    expect(decodeWord(word(9n))).toBe(9n);
    expect(decodeWord(word(9n) + '00')).toBeNull();
    expect(decodeWord('0x09')).toBeNull();
  });
});
