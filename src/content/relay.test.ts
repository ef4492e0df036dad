import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_CHANNEL, type PageEvent, type PageResponse, type PortRequest } from '../shared/provider-protocol';
import { ALIVE_CHECK_MS, createRelay, MAX_CONNECT_FAILURES, QUICK_FAILURE_MS, type RelayPort } from './relay';

class FakePort implements RelayPort {
  sent: PortRequest[] = [];
  closed = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.messageListeners.push(cb) };
  onDisconnect = { addListener: (cb: () => void) => void this.disconnectListeners.push(cb) };
  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message as PortRequest);
  }
  disconnect(): void {
    this.closed = true;
  }
  /** The background answers / emits. */
  deliver(message: unknown): void {
    for (const cb of this.messageListeners) cb(message);
  }
  /** The worker stopped. */
  drop(): void {
    this.closed = true;
    for (const cb of this.disconnectListeners) cb();
  }
}

function setup() {
  const ports: FakePort[] = [];
  const page: (PageResponse | PageEvent)[] = [];
  let alive = true;
  let connectThrows = false;
  let n = 0;
  const relay = createRelay({
    connect: () => {
      if (connectThrows) throw new Error('Extension context invalidated.');
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    isAlive: () => alive,
    postToPage: (m) => void page.push(m),
    newId: () => `port-${++n}`,
  });
  const ask = (id: string, method = 'eth_chainId', params?: unknown) =>
    relay.handlePageMessage({ channel: PAGE_CHANNEL, dir: 'req', id, chain: 'eth', method, params });
  return {
    relay,
    ports,
    page,
    ask,
    kill: () => {
      alive = false;
      connectThrows = true;
    },
  };
}

describe('relay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forwards with its own id over one port and maps the answer back', () => {
    const { ask, ports, page } = setup();
    expect(ask('p1')).toBe(true);
    expect(ask('p2', 'eth_accounts', [])).toBe(true);
    expect(ports).toHaveLength(1);
    const port = ports[0]!;
    expect(port.sent).toEqual([
      { type: 'req', id: 'port-1', chain: 'eth', method: 'eth_chainId' },
      { type: 'req', id: 'port-2', chain: 'eth', method: 'eth_accounts', params: [] },
    ]);
    port.deliver({ type: 'res', id: 'port-2', result: [] });
    port.deliver({ type: 'res', id: 'port-1', error: { code: 4001, message: 'no', data: { x: 1 } } });
    port.deliver({ type: 'res', id: 'port-1', result: 'again' }); // answered already: dropped
    port.deliver({ type: 'res', id: 'p1', result: 'page ids mean nothing to the port' });
    expect(page).toEqual([
      { channel: PAGE_CHANNEL, dir: 'res', id: 'p2', result: [] },
      { channel: PAGE_CHANNEL, dir: 'res', id: 'p1', error: { code: 4001, message: 'no', data: { x: 1 } } },
    ]);
  });

  it('relays events and ignores page-written responses and events', () => {
    const { relay, ask, ports, page } = setup();
    ask('p1');
    expect(relay.handlePageMessage({ channel: PAGE_CHANNEL, dir: 'res', id: 'p1', result: 'forged' })).toBe(false);
    expect(relay.handlePageMessage({ channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'x', data: 1 })).toBe(false);
    expect(ports[0]!.sent).toHaveLength(1);
    ports[0]!.deliver({ type: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1' });
    ports[0]!.deliver({ type: 'evt', chain: 'sol', event: 'chainChanged', data: '0x1' });
    expect(page).toEqual([{ channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1' }]);
  });

  it('answers malformed requests itself with -32602 and forwards nothing', () => {
    const { relay, ports, page } = setup();
    expect(relay.handlePageMessage({ channel: PAGE_CHANNEL, dir: 'req', id: 'p1', chain: 'eth', method: '' })).toBe(true);
    expect(ports).toHaveLength(0);
    expect(page).toEqual([{ channel: PAGE_CHANNEL, dir: 'res', id: 'p1', error: { code: -32602, message: expect.any(String) as string } }]);
  });

  it('re-sends in-flight requests with the same port ids after the worker stopped', () => {
    const { ask, ports, page } = setup();
    ask('p1');
    ports[0]!.deliver({ type: 'res', id: 'port-1', result: '0x1' });
    ask('p2');
    ask('p3');
    ports[0]!.deliver({ type: 'res', id: 'port-3', result: '0x1' });
    ports[0]!.drop();
    vi.runOnlyPendingTimers();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ type: 'req', id: 'port-2', chain: 'eth', method: 'eth_chainId' }]);
    ports[1]!.deliver({ type: 'res', id: 'port-2', result: '0x1' });
    expect(page.map((m) => (m as PageResponse).id)).toEqual(['p1', 'p3', 'p2']);
  });

  it('reconnects lazily when nothing is in flight', () => {
    const { ask, ports } = setup();
    ask('p1');
    ports[0]!.deliver({ type: 'res', id: 'port-1', result: '0x1' });
    ports[0]!.drop();
    vi.runAllTimers();
    expect(ports).toHaveLength(1);
    ask('p2');
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toHaveLength(1);
  });

  it('treats a throwing postMessage as a disconnect and replays', () => {
    const { ask, ports } = setup();
    ask('p1');
    ports[0]!.deliver({ type: 'res', id: 'port-1', result: '0x1' });
    ports[0]!.closed = true; // closed, but onDisconnect not fired yet
    ask('p2');
    vi.runOnlyPendingTimers();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent.map((r) => r.id)).toEqual(['port-2']);
  });

  it('gives up with 4900 after repeated quick failures instead of hanging', () => {
    const { ask, ports, page } = setup();
    ask('p1');
    for (let i = 0; i < MAX_CONNECT_FAILURES; i++) {
      ports[ports.length - 1]!.drop();
      vi.runOnlyPendingTimers();
    }
    expect(ports).toHaveLength(MAX_CONNECT_FAILURES);
    expect(page).toEqual([{ channel: PAGE_CHANNEL, dir: 'res', id: 'p1', error: { code: 4900, message: 'Disconnected' } }]);
  });

  it('does not count slow disconnects (worker idled out during a long approval) as failures', () => {
    const { ask, ports, page } = setup();
    ask('p1', 'eth_requestAccounts');
    for (let i = 0; i < MAX_CONNECT_FAILURES + 2; i++) {
      vi.advanceTimersByTime(QUICK_FAILURE_MS + 1);
      ports[ports.length - 1]!.drop();
      vi.runOnlyPendingTimers();
    }
    expect(page).toEqual([]);
    const last = ports[ports.length - 1]!;
    expect(last.sent.map((r) => r.id)).toEqual(['port-1']);
    last.deliver({ type: 'res', id: 'port-1', result: ['0xabc'] });
    expect(page).toEqual([{ channel: PAGE_CHANNEL, dir: 'res', id: 'p1', result: ['0xabc'] }]);
  });

  it('answers 4900 at once, and tells the page, when the extension context is gone', () => {
    const { ask, ports, page, kill } = setup();
    ask('p1');
    ask('p2');
    kill();
    ports[0]!.drop();
    expect(page).toEqual([
      { channel: PAGE_CHANNEL, dir: 'res', id: 'p1', error: { code: 4900, message: 'Disconnected' } },
      { channel: PAGE_CHANNEL, dir: 'res', id: 'p2', error: { code: 4900, message: 'Disconnected' } },
      { channel: PAGE_CHANNEL, dir: 'evt', chain: 'eth', event: 'disconnect', data: { code: 4900, message: 'Disconnected' } },
      { channel: PAGE_CHANNEL, dir: 'evt', chain: 'btc', event: 'disconnect', data: { code: 4900, message: 'Disconnected' } },
    ]);
    page.length = 0;
    ask('p3');
    expect(page).toEqual([{ channel: PAGE_CHANNEL, dir: 'res', id: 'p3', error: { code: 4900, message: 'Disconnected' } }]);
    expect(ports).toHaveLength(1);
  });

  it('notices an extension reload whose reconnect produced a silent (zombie) port', () => {
    const { ask, ports, page, kill } = setup();
    ask('p1');
    ports[0]!.deliver({ type: 'res', id: 'port-1', result: '0x1' });
    ask('p2', 'eth_requestAccounts');
    ports[0]!.drop(); // onDisconnect fires while runtime.id is still there
    vi.advanceTimersByTime(0);
    expect(ports).toHaveLength(2); // reconnected; this port will never speak
    kill(); // …and now the context is invalidated
    vi.advanceTimersByTime(ALIVE_CHECK_MS);
    expect(page.slice(1, 2)).toEqual([{ channel: PAGE_CHANNEL, dir: 'res', id: 'p2', error: { code: 4900, message: 'Disconnected' } }]);
    expect(page.filter((m) => m.dir === 'evt')).toHaveLength(2);
  });

  it('checks liveness only while requests are in flight', () => {
    const { relay, ask, ports } = setup();
    expect(vi.getTimerCount()).toBe(0);
    ask('p1');
    expect(vi.getTimerCount()).toBe(1);
    ports[0]!.deliver({ type: 'res', id: 'port-1', result: '0x1' });
    expect(relay.pending()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers 4900 when connect throws (context invalidated before the first request)', () => {
    const { ask, page, kill } = setup();
    kill();
    ask('p1');
    expect(page[0]).toEqual({ channel: PAGE_CHANNEL, dir: 'res', id: 'p1', error: { code: 4900, message: 'Disconnected' } });
  });
});
