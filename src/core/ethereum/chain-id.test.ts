import { describe, expect, it } from 'vitest';
import { CHAIN_ID_LIMIT, chainIdToHex, parseChainId } from './chain-id';
import { InvalidParamsError } from './errors';

describe('parseChainId', () => {
  it.each<[unknown, bigint]>([
    [8453, 8453n],
    ['8453', 8453n],
    ['0x2105', 8453n],
    ['0xAA36A7', 11155111n],
    [1, 1n],
    ['1', 1n],
    ['0x1', 1n],
    [31337, 31337n],
    ['0x7a69', 31337n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
    ['18446744073709551615', CHAIN_ID_LIMIT - 1n],
    ['0xffffffffffffffff', CHAIN_ID_LIMIT - 1n],
    [10n, 10n],
  ])('accepts %s', (input, expected) => {
    expect(parseChainId(input)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['trailing junk', '8453abc'],
    ['empty string', ''],
    ['bare 0x', '0x'],
    ['zero', 0],
    ['zero string', '0'],
    ['zero hex', '0x0'],
    ['negative number', -1],
    ['negative string', '-1'],
    ['float', 1.5],
    ['float string', '1.5'],
    ['exponent string', '1e3'],
    ['unsafe number', 2 ** 53],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['2^64', '18446744073709551616'],
    ['2^64 hex', '0x10000000000000000'],
    ['leading zero decimal', '08453'],
    ['leading zero hex', '0x02105'],
    ['upper-case prefix', '0X2105'],
    ['whitespace', ' 8453'],
    ['binary literal', '0b101'],
    ['octal literal', '0o17'],
    ['hex without prefix', '2105ab'],
    ['null', null],
    ['undefined', undefined],
    ['boolean', true],
    ['object', { chainId: 1 }],
    ['array', [1]],
    ['bigint zero', 0n],
    ['huge string', '9'.repeat(10_000)],
  ])('rejects %s', (_name, input) => {
    expect(() => parseChainId(input)).toThrow(InvalidParamsError);
  });

  it('names the bad value', () => {
    expect(() => parseChainId('8453abc')).toThrow(/Invalid chainId "8453abc"/);
  });
});

describe('chainIdToHex', () => {
  it('writes EIP-695 hex', () => {
    expect(chainIdToHex(1n)).toBe('0x1');
    expect(chainIdToHex(8453n)).toBe('0x2105');
    expect(chainIdToHex(31337n)).toBe('0x7a69');
    expect(chainIdToHex(11155111n)).toBe('0xaa36a7');
  });

  it('round-trips through parseChainId', () => {
    for (const id of [1n, 10n, 137n, 8453n, 42161n, CHAIN_ID_LIMIT - 1n]) {
      expect(parseChainId(chainIdToHex(id))).toBe(id);
    }
  });

  it('refuses out-of-range ids', () => {
    expect(() => chainIdToHex(0n)).toThrow(RangeError);
    expect(() => chainIdToHex(CHAIN_ID_LIMIT)).toThrow(RangeError);
  });
});
