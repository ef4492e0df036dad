import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';
import { isHexString, parseQuantity, toQuantity } from './hex';

describe('isHexString', () => {
  it.each([
    ['0x', true],
    ['0x00', true],
    ['0xdeadBEEF', true],
    ['0xf0f0f', true], // odd length is still hex when no byte count is asked for
    ['0X00', false],
    ['00', false],
    ['0xzz', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isHexString(s)).toBe(ok);
  });

  it('checks the byte length when given', () => {
    expect(isHexString(`0x${'ab'.repeat(20)}`, 20)).toBe(true);
    expect(isHexString(`0x${'ab'.repeat(20)}`, 32)).toBe(false);
    expect(isHexString('0x', 0)).toBe(true);
    expect(isHexString('0xf0f0f', 3)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isHexString(42)).toBe(false);
    expect(isHexString(null)).toBe(false);
    expect(isHexString(new Uint8Array(2))).toBe(false);
  });
});

describe('parseQuantity', () => {
  // Examples from the Ethereum JSON-RPC spec, "Hex value encoding / Quantities".
  it('accepts the spec examples', () => {
    expect(parseQuantity('0x41')).toBe(65n);
    expect(parseQuantity('0x400')).toBe(1024n);
    expect(parseQuantity('0x0')).toBe(0n);
  });

  it.each([
    ['0x', /no digits/],
    ['0x0400', /leading zeros/],
    ['ff', /must start with "0x"/],
    ['0X41', /must start with "0x"/],
    ['0x00', /leading zeros/],
    ['0xg1', /not valid hex/],
    [' 0x1', /must start/],
    ['0x1 ', /not valid hex/],
    ['-0x1', /must start/],
    ['', /must start/],
  ])('rejects the spec/edge example %j', (s, msg) => {
    expect(() => parseQuantity(s)).toThrow(InvalidParamsError);
    expect(() => parseQuantity(s)).toThrow(msg);
  });

  it('accepts mixed-case digits and the full 256-bit range', () => {
    expect(parseQuantity('0xDeadBeef')).toBe(0xdeadbeefn);
    expect(parseQuantity(`0x${'f'.repeat(64)}`)).toBe(2n ** 256n - 1n);
  });

  it('rejects values wider than 256 bits', () => {
    expect(() => parseQuantity(`0x1${'0'.repeat(64)}`)).toThrow(/exceeds 256 bits/);
  });

  it('accepts non-negative safe integer numbers only', () => {
    expect(parseQuantity(0)).toBe(0n);
    expect(parseQuantity(21000)).toBe(21000n);
    expect(parseQuantity(Number.MAX_SAFE_INTEGER)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity]) {
      expect(() => parseQuantity(bad)).toThrow(/non-negative safe integer/);
    }
  });

  it('rejects other types', () => {
    for (const bad of [null, undefined, 1n, true, {}, []]) {
      expect(() => parseQuantity(bad)).toThrow(InvalidParamsError);
    }
  });

  it('names the field in the message', () => {
    expect(() => parseQuantity('0x01', 'gasPrice')).toThrow(/^gasPrice has leading zeros: "0x01"$/);
  });

  it('truncates long echoed input', () => {
    expect(() => parseQuantity(`zz${'a'.repeat(100)}`)).toThrow(/…"$/);
  });
});

describe('toQuantity', () => {
  it('writes the most compact form', () => {
    expect(toQuantity(0n)).toBe('0x0');
    expect(toQuantity(65n)).toBe('0x41');
    expect(toQuantity(1024n)).toBe('0x400');
    expect(toQuantity(2n ** 256n - 1n)).toBe(`0x${'f'.repeat(64)}`);
  });

  it('round-trips with parseQuantity', () => {
    for (const n of [0n, 1n, 15n, 16n, 255n, 256n, 8453n, 2n ** 64n, 2n ** 255n]) {
      expect(parseQuantity(toQuantity(n))).toBe(n);
    }
  });

  it('refuses negative values', () => {
    expect(() => toQuantity(-1n)).toThrow(RangeError);
  });
});
