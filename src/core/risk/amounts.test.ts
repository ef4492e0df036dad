import { describe, expect, it } from 'vitest';
import { amountParam, amountText, expiry, FAR_FUTURE_SECONDS, isUnlimited, UNLIMITED_UINT256 } from './amounts';

const NOW = 1_700_000_000; // 2023-11-14T22:13:20Z

describe('isUnlimited', () => {
  it('uses 2^255 for uint256', () => {
    expect(isUnlimited(2n ** 256n - 1n)).toBe(true);
    expect(isUnlimited(UNLIMITED_UINT256)).toBe(true);
    expect(isUnlimited(UNLIMITED_UINT256 - 1n)).toBe(false);
    expect(isUnlimited(10n ** 30n, 'uint256')).toBe(false);
  });
  it('uses the type maximum for narrower uints (Permit2 uint160)', () => {
    expect(isUnlimited(2n ** 160n - 1n, 'uint160')).toBe(true);
    expect(isUnlimited(2n ** 160n - 2n, 'uint160')).toBe(false);
    expect(isUnlimited(2n ** 96n - 1n, 'uint96')).toBe(true);
  });
});

describe('amountText / amountParam', () => {
  it('says unlimited or gives raw units', () => {
    expect(amountText(2n ** 256n - 1n)).toBe('an unlimited amount');
    expect(amountText(1_000_000n)).toBe('1000000 raw units');
    expect(amountParam(2n ** 160n - 1n, 'uint160')).toBe('unlimited');
    expect(amountParam(5n, 'uint160')).toBe('5');
  });
});

describe('expiry', () => {
  it('gives a date, flagged when far in the future', () => {
    expect(expiry(BigInt(NOW + 3600), NOW)).toEqual({ text: 'until 2023-11-14', param: '2023-11-14T23:13:20.000Z', kind: 'until' });
    expect(expiry(BigInt(NOW + FAR_FUTURE_SECONDS + 1), NOW).text).toBe('until 2024-11-13 (far in the future)');
    expect(expiry(1893456000n, NOW)).toEqual({ text: 'until 2030-01-01 (far in the future)', param: '2030-01-01T00:00:00.000Z', kind: 'far' });
  });
  it('says when it has already expired', () => {
    expect(expiry(BigInt(NOW - 86400), NOW).text).toBe('(expired 2023-11-13)');
    expect(expiry(BigInt(NOW - 86400), NOW).kind).toBe('expired');
  });
  it('treats uint48 max and beyond-Date values as no expiry', () => {
    expect(expiry(2n ** 48n - 1n, NOW)).toEqual({ text: 'with no expiry', param: 'never', kind: 'never' });
    expect(expiry(2n ** 256n - 1n, NOW)).toEqual({ text: 'with no expiry', param: 'never', kind: 'never' });
  });
});
