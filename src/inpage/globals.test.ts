import { describe, expect, it } from 'vitest';
import { defineIfFree } from './globals';

describe('defineIfFree (window.ethereum, window.unisat)', () => {
  it('defines the name when nobody owns it, like a plain assignment', () => {
    const win: Record<string, unknown> = {};
    const ours = Object.freeze({ ours: true });
    expect(defineIfFree(win, 'unisat', ours)).toBe(true);
    expect(win.unisat).toBe(ours);
    expect(Object.getOwnPropertyDescriptor(win, 'unisat')).toMatchObject({ writable: true, enumerable: true, configurable: true });
  });

  it("never overwrites another wallet's object (or any existing name, even one holding undefined)", () => {
    const theirs = { isUnisat: true };
    const win: Record<string, unknown> = { unisat: theirs, ethereum: undefined };
    expect(defineIfFree(win, 'unisat', {})).toBe(false);
    expect(defineIfFree(win, 'ethereum', {})).toBe(false);
    expect(win.unisat).toBe(theirs);
    expect(win.ethereum).toBeUndefined();
    const inherited = Object.create({ unisat: theirs }) as Record<string, unknown>;
    expect(defineIfFree(inherited, 'unisat', {})).toBe(false);
  });

  it('lets a wallet injected after us take the name (assignment or a non-writable defineProperty, as UniSat does)', () => {
    const win: Record<string, unknown> = {};
    defineIfFree(win, 'unisat', { ours: true });
    const theirs = { isUnisat: true };
    Object.defineProperty(win, 'unisat', { value: theirs, writable: false });
    expect(win.unisat).toBe(theirs);
    const win2: Record<string, unknown> = {};
    defineIfFree(win2, 'ethereum', { ours: true });
    win2.ethereum = theirs;
    expect(win2.ethereum).toBe(theirs);
  });

  it('gives up quietly on a window that takes no new names', () => {
    expect(defineIfFree(Object.freeze({}), 'unisat', {})).toBe(false);
  });
});
