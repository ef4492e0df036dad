import { describe, expect, it } from 'vitest';
import { base64Decode, bytesEqual, bytesToHex, encodeWitness, txidFromHash, varint, varintLength } from './encoding';

describe('encoding helpers', () => {
  it('CompactSize', () => {
    for (const [n, hex] of [[0, '00'], [252, 'fc'], [253, 'fdfd00'], [0xffff, 'fdffff'], [0x10000, 'fe00000100']] as const) {
      expect(bytesToHex(varint(n))).toBe(hex);
      expect(varintLength(n)).toBe(hex.length / 2);
    }
    expect(() => varint(-1)).toThrow(RangeError);
    expect(() => varint(2 ** 32)).toThrow(RangeError);
  });

  it('witness stacks, byte comparison, txid byte order', () => {
    expect(bytesToHex(encodeWitness([Uint8Array.of(1, 2), new Uint8Array(0)]))).toBe('0202010200');
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
    expect(txidFromHash(Uint8Array.of(1, 2, 3))).toBe('030201');
  });

  it('strict base64', () => {
    expect(base64Decode('AQI=')).toEqual(Uint8Array.of(1, 2));
    expect(() => base64Decode('AQI')).toThrow(/Invalid base64/);
  });
});
