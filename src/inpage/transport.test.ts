import { describe, expect, it, vi } from 'vitest';
import { PAGE_CHANNEL, type PageRequest } from '../shared/provider-protocol';
import { announceEip6963, type AnnounceWindow, type Eip6963ProviderInfo } from './eip6963';
import { createTransport, type TransportWindow } from './transport';

/** A window stand-in: an EventTarget whose postMessage dispatches a 'message' event from itself. */
function fakeWindow(origin = 'https://dapp.example') {
  const target = new EventTarget();
  const posted: { message: PageRequest; targetOrigin: string }[] = [];
  const deliver = (data: unknown, source: unknown = win) => {
    const event = new Event('message');
    Object.defineProperty(event, 'data', { value: data });
    Object.defineProperty(event, 'source', { value: source });
    target.dispatchEvent(event);
    return event;
  };
  const win = {
    origin,
    postMessage(message: unknown, targetOrigin: string) {
      structuredClone(message); // throws DataCloneError like the real one
      posted.push({ message: message as PageRequest, targetOrigin });
    },
    addEventListener: target.addEventListener.bind(target) as TransportWindow['addEventListener'] & AnnounceWindow['addEventListener'],
    dispatchEvent: target.dispatchEvent.bind(target),
    CustomEvent,
  };
  return { win, posted, deliver, target };
}

describe('createTransport', () => {
  it('posts a PageRequest to its own origin and resolves on the matching response only once', async () => {
    const { win, posted, deliver } = fakeWindow();
    const t = createTransport(win);
    const answer = t.request('eth', 'eth_chainId');
    expect(posted).toHaveLength(1);
    const { message, targetOrigin } = posted[0]!;
    expect(targetOrigin).toBe('https://dapp.example');
    expect(message).toMatchObject({ channel: PAGE_CHANNEL, dir: 'req', chain: 'eth', method: 'eth_chainId' });
    expect(message.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: 'someone-else', result: 'wrong' });
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: message.id, result: '0x7a69' });
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: message.id, error: { code: 1, message: 'late' } });
    await expect(answer).resolves.toBe('0x7a69');
  });

  it("targets '*' from an opaque origin", () => {
    const { win, posted } = fakeWindow('null');
    void createTransport(win).request('eth', 'eth_chainId');
    expect(posted[0]!.targetOrigin).toBe('*');
  });

  it('rejects with an Error carrying the wire error', async () => {
    const { win, posted, deliver } = fakeWindow();
    const t = createTransport(win);
    const answer = t.request('btc', 'getAccounts', []);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: posted[0]!.message.id, error: { code: 4100, message: 'Unauthorized', data: 1 } });
    await expect(answer).rejects.toMatchObject({ code: 4100, message: 'Unauthorized', data: 1 });
  });

  it('ignores messages from other windows and hides our responses/events from later listeners', async () => {
    const { win, posted, deliver, target } = fakeWindow();
    const t = createTransport(win);
    const pageListener = vi.fn();
    target.addEventListener('message', pageListener);
    const answer = t.request('eth', 'eth_chainId');
    const id = posted[0]!.message.id;
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id, result: 'from a frame' }, {});
    expect(pageListener).toHaveBeenCalledTimes(1);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id, result: '0x1' });
    deliver({ channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'x', data: 1 });
    deliver({ channel: PAGE_CHANNEL, dir: 'req', id: 'x', chain: 'eth', method: 'm' });
    expect(pageListener).toHaveBeenCalledTimes(2); // only the 'req' went on
    await expect(answer).resolves.toBe('0x1');
  });

  it('reads only own fields of incoming messages (polluted Object.prototype)', async () => {
    const { win, posted, deliver } = fakeWindow();
    const t = createTransport(win);
    const answer = t.request('eth', 'eth_chainId');
    const id = posted[0]!.message.id;
    const proto = Object.prototype as Record<string, unknown>;
    proto.dir = 'res';
    proto.channel = PAGE_CHANNEL;
    proto.error = { code: 4001, message: 'injected' };
    proto.then = (resolve: (v: unknown) => void) => resolve('hijacked');
    try {
      deliver({ id, result: 'forged' });
      deliver({ channel: PAGE_CHANNEL, dir: 'res', id, result: '0x1' });
    } finally {
      delete proto.dir;
      delete proto.channel;
      delete proto.error;
      delete proto.then;
    }
    await expect(answer).resolves.toBe('0x1');
  });

  it('rejects -32602 when params cannot be cloned, without leaving it pending', async () => {
    const { win } = fakeWindow();
    const t = createTransport(win);
    await expect(t.request('eth', 'x', [() => 1])).rejects.toMatchObject({ code: -32602 });
  });

  it('delivers events to subscribers of the chain', () => {
    const { win, deliver } = fakeWindow();
    const t = createTransport(win);
    const eth = vi.fn();
    const btc = vi.fn();
    t.subscribe('eth', eth);
    t.subscribe('btc', btc);
    deliver({ channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1' });
    expect(eth).toHaveBeenCalledWith('chainChanged', '0x1');
    expect(btc).not.toHaveBeenCalled();
  });
});

describe('announceEip6963', () => {
  it('announces a frozen { info, provider } now and on every requestProvider', () => {
    const { win, target } = fakeWindow();
    const provider = Object.freeze({});
    const seen: CustomEvent[] = [];
    target.addEventListener('eip6963:announceProvider', (e) => seen.push(e as CustomEvent));
    const info = announceEip6963(win, provider);
    expect(info.name).toBe('DuoWallet');
    target.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(seen).toHaveLength(2);
    const detail = seen[0]!.detail as { info: Eip6963ProviderInfo; provider: object };
    expect(seen[1]!.detail).toBe(detail);
    expect(Object.isFrozen(detail) && Object.isFrozen(detail.info)).toBe(true);
    expect(detail.provider).toBe(provider);
    expect(detail.info).toMatchObject({ name: 'DuoWallet', rdns: 'dev.duowallet' });
    expect(detail.info.icon.startsWith('data:image/svg+xml')).toBe(true);
    expect(detail.info.uuid).toMatch(/^[0-9a-f-]{36}$/);
  });
});
