import { describe, expect, it } from 'vitest';
import { ApprovalQueue, type ApprovalWindowLike } from './approval-queue';
import { memoryStore } from './store';

function setup() {
  const session = memoryStore();
  const shown: string[] = [];
  let closes = 0;
  const win: ApprovalWindowLike = {
    show: (id) => {
      shown.push(id);
      return Promise.resolve();
    },
    closeIfEmpty: () => {
      closes++;
      return Promise.resolve();
    },
  };
  return { session, shown, closes: () => closes, queue: new ApprovalQueue(session, win), win };
}

const sign = { kind: 'personal_sign' as const, address: '0x' + '1'.repeat(40), text: 'hi', hex: '0x6869' };

describe('ApprovalQueue', () => {
  it('holds at most 5 pending approvals and one connect per origin, even for a burst of concurrent requests', async () => {
    const { queue } = setup();
    const burst = Array.from({ length: 20 }, (_, i) => queue.request(`s${i}`, 'https://a.example', sign).then(() => 'decided', (e: { code: number }) => e.code));
    const connects = Array.from({ length: 5 }, (_, i) =>
      queue.request(`c${i}`, 'https://b.example', { kind: 'connect', accounts: [], preselected: [] }).then(() => 'decided', (e: { code: number }) => e.code),
    );
    await expect.poll(async () => (await queue.pending()).length).toBe(6);
    const settled = await Promise.all([...burst.slice(5), ...connects.slice(1)]);
    expect(settled).toEqual(Array(19).fill(-32002));
    const pending = await queue.pending();
    expect(pending.filter((a) => a.origin === 'https://a.example')).toHaveLength(5);
    expect(pending.filter((a) => a.origin === 'https://b.example')).toHaveLength(1);
    // Another site is not affected.
    void queue.request('other', 'https://c.example', sign);
    await expect.poll(async () => (await queue.pending()).length).toBe(7);
    // Only requests that reached an approval count as asked (refused ones did not).
    expect(queue.takeAsked('s0')).toBe(true);
    expect(queue.takeAsked('s0')).toBe(false);
    expect(queue.takeAsked('s9')).toBe(false);
  });

  it('takeAsked covers the parts of a request (key:unlock, key:0…)', async () => {
    const { queue } = setup();
    void queue.request('r1:unlock', 'https://a.example', { kind: 'unlock' });
    await expect.poll(() => queue.takeAsked('r1')).toBe(true);
    expect(queue.takeAsked('r1')).toBe(false);
    expect(queue.takeAsked('r')).toBe(false);
  });

  it('resolves the waiting request with the decision and forgets it', async () => {
    const { queue, shown } = setup();
    const decided = queue.request('k1', 'https://a.example', sign);
    await expect.poll(() => shown.length).toBe(1);
    const [pending] = await queue.pending();
    expect(pending).toMatchObject({ origin: 'https://a.example', body: sign });
    expect(await queue.resolve(pending!.id, { approve: true })).toBe(true);
    expect(await decided).toEqual({ approve: true });
    expect(await queue.pending()).toEqual([]);
  });

  it('survives a worker restart: a re-sent request finds its approval, and a decision made meanwhile is kept for it', async () => {
    const { session, shown, win } = setup();
    const first = new ApprovalQueue(session, win);
    void first.request('k1', 'https://a.example', sign);
    await expect.poll(() => shown.length).toBe(1);
    // The worker dies; a new one sees the stored approval and the user answers before the page re-sends.
    const second = new ApprovalQueue(session, win);
    const [pending] = await second.pending();
    expect(await second.resolve(pending!.id, { approve: false })).toBe(true);
    expect(await second.pending()).toEqual([]);
    expect(await second.request('k1', 'https://a.example', sign)).toEqual({ approve: false });
    // Consumed: the same key now asks again rather than replaying.
    void second.request('k1', 'https://a.example', sign);
    await expect.poll(async () => (await second.pending()).length).toBe(1);
  });

  it('rejectAll (window closed) rejects everything pending, never approves', async () => {
    const { queue } = setup();
    const a = queue.request('a', 'https://a.example', sign);
    const b = queue.request('b', 'https://b.example', { kind: 'unlock' });
    await expect.poll(async () => (await queue.pending()).length).toBe(2);
    await queue.rejectAll();
    expect(await a).toEqual({ approve: false });
    expect(await b).toEqual({ approve: false });
  });

  it('counts pending per origin and kind (for -32002)', async () => {
    const { queue } = setup();
    void queue.request('a', 'https://a.example', { kind: 'connect', accounts: [], preselected: [] });
    await expect.poll(async () => queue.countPending('https://a.example')).toBe(1);
    expect(await queue.hasPending('https://a.example', 'connect')).toBe(true);
    expect(await queue.hasPending('https://a.example', 'connect', 'a')).toBe(false);
    expect(await queue.hasPending('https://b.example', 'connect')).toBe(false);
  });

  it('resolveKind answers all unlock waits without closing the window', async () => {
    const { queue, closes } = setup();
    const u = queue.request('u', 'https://a.example', { kind: 'unlock' });
    await expect.poll(async () => (await queue.pending()).length).toBe(1);
    await queue.resolveKind('unlock', { approve: true });
    expect(await u).toEqual({ approve: true });
    expect(closes()).toBe(0);
  });

  it('an unknown id resolves nothing', async () => {
    const { queue } = setup();
    expect(await queue.resolve('nope', { approve: true })).toBe(false);
  });
});
