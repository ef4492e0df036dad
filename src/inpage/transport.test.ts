import { describe, expect, it, vi } from 'vitest';
import { PAGE_CHANNEL, type PageRequest, type ProviderChain } from '../shared/provider-protocol';
import { announceEip6963, type Eip6963ProviderInfo } from './eip6963';
import { createTransport, type PagePort, type Transport, type TransportHost } from './transport';

/** A host whose port the test hands over (or not yet) and whose traffic it sees. */
function fakeHost() {
  const posted: PageRequest[] = [];
  let onPort: ((port: PagePort) => void) | null = null;
  let handler: ((data: unknown) => void) | null = null;
  const host: TransportHost = { connect: (cb) => void (onPort = cb) };
  const port: PagePort = {
    post: (message) => {
      structuredClone(message); // throws DataCloneError like the real one
      posted.push(message);
    },
    listen: (h) => void (handler = h),
  };
  const handOver = () => onPort!(port);
  const deliver = (data: unknown) => handler!(data);
  return { host, posted, handOver, deliver };
}

/** transport.send as a Promise (the provider builds its own Promises on send). */
function request(t: Transport, chain: ProviderChain, method: string, params?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => t.send(chain, method, params, (error, result) => (error ? reject(error) : resolve(result))));
}

function connected() {
  const h = fakeHost();
  const t = createTransport(h.host);
  h.handOver();
  return { ...h, t };
}

describe('createTransport', () => {
  it('posts a PageRequest over the port and resolves on the matching response only once', async () => {
    const { t, posted, deliver } = connected();
    const answer = request(t, 'eth', 'eth_chainId');
    expect(posted).toHaveLength(1);
    const message = posted[0]!;
    expect(message).toMatchObject({ channel: PAGE_CHANNEL, dir: 'req', chain: 'eth', method: 'eth_chainId' });
    expect(message.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: 'someone-else', result: 'wrong' });
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: message.id, result: '0x7a69' });
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: message.id, error: { code: 1, message: 'late' } });
    await expect(answer).resolves.toBe('0x7a69');
  });

  it('keeps requests made before the port arrives and sends them in order when it does', async () => {
    const { host, posted, handOver, deliver } = fakeHost();
    const t = createTransport(host);
    const first = request(t, 'eth', 'a');
    const second = request(t, 'eth', 'b', [1]);
    expect(posted).toHaveLength(0);
    handOver();
    expect(posted.map((m) => m.method)).toEqual(['a', 'b']);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: posted[1]!.id, result: 'B' });
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: posted[0]!.id, result: 'A' });
    await expect(Promise.all([first, second])).resolves.toEqual(['A', 'B']);
  });

  it('sends a copy of params taken when request() was called', () => {
    const { host, posted, handOver } = fakeHost();
    const t = createTransport(host);
    const params = [{ to: '0x1' }];
    void request(t, 'eth', 'eth_call', params);
    params[0]!.to = '0x2';
    handOver();
    expect(posted[0]!.params).toEqual([{ to: '0x1' }]);
  });

  it('rejects with an Error carrying the wire error', async () => {
    const { t, posted, deliver } = connected();
    const answer = request(t, 'btc', 'getAccounts', []);
    deliver({ channel: PAGE_CHANNEL, dir: 'res', id: posted[0]!.id, error: { code: 4100, message: 'Unauthorized', data: 1 } });
    await expect(answer).rejects.toMatchObject({ code: 4100, message: 'Unauthorized', data: 1 });
  });

  it('reads only own fields of incoming messages (polluted Object.prototype)', async () => {
    const { t, posted, deliver } = connected();
    const answer = request(t, 'eth', 'eth_chainId');
    const id = posted[0]!.id;
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
    const { t, posted } = connected();
    await expect(request(t, 'eth', 'x', [() => 1])).rejects.toMatchObject({ code: -32602 });
    const getterThrows = { get x() {
      throw new Error('page getter');
    } };
    await expect(request(t, 'eth', 'x', [getterThrows])).rejects.toMatchObject({ code: -32602 });
    expect(posted).toHaveLength(0);
  });

  it('delivers events to subscribers of the chain', () => {
    const { t, deliver } = connected();
    const eth = vi.fn();
    const btc = vi.fn();
    t.subscribe('eth', eth);
    t.subscribe('btc', btc);
    deliver({ channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1' });
    expect(eth).toHaveBeenCalledWith('chainChanged', '0x1');
    expect(btc).not.toHaveBeenCalled();
  });
});

/** A window stand-in for EIP-6963: an EventTarget. */
function fakeWindow() {
  const target = new EventTarget();
  const win = {
    addEventListener: target.addEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
    CustomEvent,
  };
  return { win, target };
}

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
