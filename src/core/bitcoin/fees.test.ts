import { describe, expect, it } from 'vitest';
import {
  assertFeeRate,
  dustLimit,
  feeFor,
  feeForWeight,
  feeRateOf,
  FeeRateError,
  INPUT_WEIGHT,
  OUTPUT_BYTES,
  overheadWeight,
  txVsize,
  txWeight,
} from './fees';

describe('sizes', () => {
  it('inputs: P2WPKH 68 vB, P2TR key path 57.5 vB, P2PKH 148 vB, P2SH-P2WPKH 91 vB', () => {
    expect(INPUT_WEIGHT.p2wpkh / 4).toBe(68);
    expect(INPUT_WEIGHT.p2tr / 4).toBe(57.5);
    expect(INPUT_WEIGHT.p2pkh / 4).toBe(148);
    expect(INPUT_WEIGHT['p2sh-p2wpkh'] / 4).toBe(91);
  });

  it('outputs: 31 / 43 / 34 / 32 / 43 bytes', () => {
    expect(OUTPUT_BYTES).toEqual({ p2wpkh: 31, p2tr: 43, p2pkh: 34, p2sh: 32, p2wsh: 43 });
  });

  it('overhead: 10.5 vB for segwit, 10 for legacy, larger counts past 252', () => {
    expect(overheadWeight(1, 2) / 4).toBe(10.5);
    expect(overheadWeight(1, 2, false) / 4).toBe(10);
    expect(overheadWeight(253, 1) - overheadWeight(252, 1)).toBe(8);
  });

  it('well-known totals: 1-in 2-out P2WPKH is 141 vB, 1-in 1-out P2TR is 111 vB', () => {
    expect(txVsize({ inputs: ['p2wpkh'], outputScriptLengths: [22, 22] })).toBe(141);
    // 10.5 + 57.5 + 43 = 111
    expect(txVsize({ inputs: ['p2tr'], outputScriptLengths: [34] })).toBe(111);
    expect(txWeight({ inputs: ['p2tr', 'p2tr'], outputScriptLengths: [34] }) / 4).toBe(168.5);
    expect(txVsize({ inputs: ['p2tr', 'p2tr'], outputScriptLengths: [34] })).toBe(169);
  });
});

describe('fees', () => {
  it('rounds up to the satoshi without float drift', () => {
    expect(feeFor(141, 1)).toBe(141n);
    expect(feeFor(10, 1.1)).toBe(11n); // 10 × 1.1 is 11.000000000000002 in floats
    expect(feeFor(141, 1.5)).toBe(212n); // 211.5 → 212
    expect(feeFor(3, 0.333)).toBe(1n);
    expect(feeFor(0, 10)).toBe(0n);
    expect(feeForWeight(230, 1)).toBe(58n); // 57.5 vB → 58
    expect(feeForWeight(230, 2)).toBe(115n);
    expect(() => feeFor(1.5, 1)).toThrow(RangeError);
  });

  it('displays fee rates with two decimals', () => {
    expect(feeRateOf(212n, 141)).toBe(1.5);
    expect(feeRateOf(1000n, 3)).toBe(333.33);
    expect(feeRateOf(1n, 0)).toBe(0);
  });

  it('dust limits follow Bitcoin Core', () => {
    expect([dustLimit('p2pkh'), dustLimit('p2sh'), dustLimit('p2wpkh'), dustLimit('p2wsh'), dustLimit('p2tr')]).toEqual([
      546n, 540n, 294n, 330n, 330n,
    ]);
  });

  it('refuses zero, negative, absurd and over-precise fee rates', () => {
    for (const bad of [0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 5_001, 1.0001]) {
      expect(() => assertFeeRate(bad)).toThrow(FeeRateError);
    }
    expect(() => assertFeeRate('5' as unknown as number)).toThrow(FeeRateError);
    for (const ok of [1, 1.5, 2.125, 250, 5_000]) expect(() => assertFeeRate(ok)).not.toThrow();
    expect(() => assertFeeRate(0.1, { min: 0.1 })).not.toThrow();
  });
});
