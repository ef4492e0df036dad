import { describe, expect, it } from 'vitest';
import { MAX_METHOD_LENGTH, MAX_PARAMS_BYTES, PAGE_CHANNEL } from '../shared/provider-protocol';
import { checkPageMessage, MAX_PARAMS_DEPTH, normaliseParams } from './validate';

const req = (extra: Record<string, unknown> = {}) => ({ channel: PAGE_CHANNEL, dir: 'req', id: 'a1', chain: 'eth', method: 'eth_chainId', ...extra });

describe('checkPageMessage', () => {
  it('accepts a well-formed request', () => {
    expect(checkPageMessage(req())).toEqual({ kind: 'request', id: 'a1', chain: 'eth', method: 'eth_chainId' });
    expect(checkPageMessage(req({ chain: 'btc', method: 'getAccounts', params: [1, 'x', { a: null }] }))).toEqual({
      kind: 'request',
      id: 'a1',
      chain: 'btc',
      method: 'getAccounts',
      params: [1, 'x', { a: null }],
    });
  });

  it('ignores anything that is not a request on our channel', () => {
    for (const data of [null, undefined, 'x', 42, [], {}, { ...req(), channel: 'other' }, { ...req(), dir: 'res' }, { ...req(), dir: 'evt' }]) {
      expect(checkPageMessage(data)).toEqual({ kind: 'ignore' });
    }
  });

  it('ignores requests whose id cannot be answered', () => {
    for (const id of [undefined, 7, '', 'x'.repeat(129), { toString: () => 'a' }]) {
      expect(checkPageMessage(req({ id }))).toEqual({ kind: 'ignore' });
    }
    expect(checkPageMessage(req({ id: 'x'.repeat(128) })).kind).toBe('request');
  });

  it('answers a bad chain, method or params with invalid (→ -32602)', () => {
    const bad = [
      req({ chain: 'sol' }),
      req({ chain: undefined }),
      req({ method: '' }),
      req({ method: 3 }),
      req({ method: 'm'.repeat(MAX_METHOD_LENGTH + 1) }),
      req({ params: 10n }),
      req({ params: [NaN] }),
      req({ params: { d: new Date(0) } }),
      req({ params: new Map() }),
      req({ params: [() => 1] }),
      req({ params: [Symbol('s')] }),
    ];
    for (const [i, data] of bad.entries()) {
      const check = checkPageMessage(data);
      expect(check.kind, `case ${i}`).toBe('invalid');
      if (check.kind === 'invalid') expect(check.id).toBe('a1');
    }
    expect(checkPageMessage(req({ method: 'm'.repeat(MAX_METHOD_LENGTH) })).kind).toBe('request');
  });

  it('refuses cycles and deep nesting', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkPageMessage(req({ params: [cyclic] })).kind).toBe('invalid');
    let deep: unknown = 1;
    for (let i = 0; i < MAX_PARAMS_DEPTH + 1; i++) deep = [deep];
    expect(checkPageMessage(req({ params: deep })).kind).toBe('invalid');
  });

  it('enforces MAX_PARAMS_BYTES in UTF-8 bytes of the JSON', () => {
    const fits = 'a'.repeat(MAX_PARAMS_BYTES - 4); // ["…"] adds 4 bytes
    expect(checkPageMessage(req({ params: [fits] })).kind).toBe('request');
    expect(checkPageMessage(req({ params: [fits + 'a'] })).kind).toBe('invalid');
    // 3-byte characters: fewer UTF-16 units than the limit, more bytes.
    expect(checkPageMessage(req({ params: ['€'.repeat(MAX_PARAMS_BYTES / 3)] })).kind).toBe('invalid');
  });

  it('refuses a huge sparse array before serialising it', () => {
    const sparse: unknown[] = [];
    sparse.length = 1e9;
    const started = Date.now();
    expect(checkPageMessage(req({ params: sparse })).kind).toBe('invalid');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('normaliseParams', () => {
  it('returns the JSON form that is forwarded', () => {
    expect(normaliseParams([{ a: undefined, b: 1 }, undefined])).toEqual([{ b: 1 }, null]);
    expect(normaliseParams(Object.assign(Object.create(null), { x: 1 }) as unknown)).toEqual({ x: 1 });
    expect(normaliseParams(undefined)).toBeUndefined();
  });
});
