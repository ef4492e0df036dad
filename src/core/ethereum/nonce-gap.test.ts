import { describe, expect, it } from 'vitest';
import { detectNonceProblem, poolNonces, STUCK_AFTER_MS, type NonceFacts } from './nonce-gap';

const NOW = 1_800_000_000_000;
const facts = (over: Partial<NonceFacts>): NonceFacts => ({ latest: 5, pending: 5, ours: [], pool: [], now: NOW, ...over });
const ME = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

describe('detectNonceProblem', () => {
  it('nothing waiting, or a fresh pending run from the mined nonce: no problem', () => {
    expect(detectNonceProblem(facts({}))).toBeNull();
    expect(detectNonceProblem(facts({ pending: 7, ours: [{ nonce: 5, hash: '0xa', createdAt: NOW - 1000 }] }))).toBeNull();
    expect(detectNonceProblem(facts({ pending: 6, pool: [5] }))).toBeNull();
  });

  it('a transaction queued above a nonce nobody sent: a gap at that nonce (pool view)', () => {
    // What anvil and geth show: the queued tx does not raise the pending count.
    expect(detectNonceProblem(facts({ pool: [6] }))).toEqual({ kind: 'gap', nonce: 5, waiting: [6] });
    expect(detectNonceProblem(facts({ pool: [7, 9] }))).toEqual({ kind: 'gap', nonce: 5, waiting: [7, 9] });
  });

  it('a gap from our own records (a nonce edited in an approval), and in the middle of a run', () => {
    expect(detectNonceProblem(facts({ ours: [{ nonce: 6, hash: '0xb', createdAt: NOW }] }))).toEqual({ kind: 'gap', nonce: 5, waiting: [6] });
    expect(detectNonceProblem(facts({ pending: 6, pool: [5, 7] }))).toEqual({ kind: 'gap', nonce: 6, waiting: [7] });
  });

  it('our head transaction pending for minutes: stuck, with the ones behind it', () => {
    const old = { nonce: 5, hash: '0xa', createdAt: NOW - STUCK_AFTER_MS - 60_000 };
    expect(detectNonceProblem(facts({ pending: 7, ours: [old, { nonce: 6, hash: '0xb', createdAt: NOW }] }))).toEqual({ kind: 'stuck', nonce: 5, hash: '0xa', minutes: 6, waiting: [6] });
    expect(detectNonceProblem(facts({ pending: 6, ours: [{ ...old, createdAt: NOW - 1000 }] }))).toBeNull();
  });

  it('ignores records below the mined nonce (already replaced or mined) and nonsense', () => {
    expect(detectNonceProblem(facts({ ours: [{ nonce: 2, hash: '0xa', createdAt: 0 }], pool: [-1, Number.NaN, 3] }))).toBeNull();
  });
});

describe('poolNonces', () => {
  it('reads txpool_inspect / txpool_content (per address, any case)', () => {
    const a = { pending: { [ME.toLowerCase()]: { '5': 'x' } }, queued: { [ME]: { '7': 'y', '9': 'z' }, '0xother': { '1': 'w' } } };
    expect(poolNonces(a, ME, true)).toEqual([5, 7, 9]);
  });
  it('reads txpool_contentFrom (this address only)', () => {
    expect(poolNonces({ pending: { '3': {} }, queued: { '4': {} } }, ME, false)).toEqual([3, 4]);
  });
  it('garbage gives nothing', () => {
    for (const g of [null, 'x', 1, [], { pending: 'x' }, { queued: { [ME]: { abc: 1, '-1': 2 } } }]) expect(poolNonces(g, ME, true)).toEqual([]);
  });
});
