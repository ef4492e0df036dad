import { describe, expect, it } from 'vitest';
import { formatDisplay, formatUnits, parseUnits } from './units';

describe('units', () => {
  it('formats wei and sats', () => {
    expect(formatUnits(1_000_000_000_000_000_000n, 18)).toBe('1');
    expect(formatUnits('1500000000000000000', 18)).toBe('1.5');
    expect(formatUnits(1n, 18)).toBe('0.000000000000000001');
    expect(formatUnits(0n, 18)).toBe('0');
    expect(formatUnits(12_345_678n, 8)).toBe('0.12345678');
    expect(formatUnits(-5n, 1)).toBe('-0.5');
    expect(formatUnits(42n, 0)).toBe('42');
  });
  it('parses decimals strictly', () => {
    expect(parseUnits('1.5', 18)).toBe(1_500_000_000_000_000_000n);
    expect(parseUnits('.5', 1)).toBe(5n);
    expect(parseUnits('0.00000001', 8)).toBe(1n);
    expect(parseUnits('0.000000001', 8)).toBeNull();
    expect(parseUnits('1e18', 18)).toBeNull();
    expect(parseUnits('-1', 18)).toBeNull();
    expect(parseUnits('', 18)).toBeNull();
    expect(parseUnits('1.', 2)).toBe(100n);
  });
  it('round-trips', () => {
    for (const s of ['0', '1', '0.1', '123.456', '0.000000000000000001']) expect(formatUnits(parseUnits(s, 18)!, 18)).toBe(s);
  });
});

describe('formatDisplay', () => {
  it('cuts to 6 decimals, never rounding up; tiny amounts say so', () => {
    expect(formatDisplay(9998749876384190944982n, 18)).toBe('9998.749876');
    expect(formatDisplay(10n ** 22n, 18)).toBe('10000');
    expect(formatDisplay(1_999_999_999_999_999_999n, 18)).toBe('1.999999');
    expect(formatDisplay('45769981908000', 18)).toBe('0.000045');
    expect(formatDisplay(1n, 18)).toBe('<0.000001');
    expect(formatDisplay(0n, 18)).toBe('0');
    expect(formatDisplay('12500000', 6, 2)).toBe('12.5');
    expect(formatDisplay(-1_500_000n, 6)).toBe('-1.5');
  });
});
