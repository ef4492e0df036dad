import { describe, expect, it, vi } from 'vitest';
import type { ProviderChain } from '../shared/provider-protocol';
import { rpcError } from './errors';
import { createEthereumProvider, readRequestArgs, type JsonRpcResponse } from './ethereum-provider';
import type { Done, EventHandler, Transport } from './transport';

/** A transport whose requests the test answers by hand. */
function fakeTransport() {
  const calls: { chain: ProviderChain; method: string; params: unknown; done: Done }[] = [];
  const handlers: Record<string, EventHandler> = {};
  const transport: Transport = {
    send: (chain, method, params, done) => void calls.push({ chain, method, params, done }),
    subscribe: (chain, handler) => void (handlers[chain] = handler),
  };
  const answer = (method: string, result: unknown) => {
    const i = calls.findIndex((c) => c.method === method);
    const [call] = calls.splice(i, 1);
    call!.done(null, result);
  };
  const fail = (method: string, code: number, message: string, data?: unknown) => {
    const i = calls.findIndex((c) => c.method === method);
    const [call] = calls.splice(i, 1);
    call!.done(rpcError(code, message, data));
  };
  const emit = (event: string, data: unknown) => handlers.eth!(event, data);
  return { transport, calls, answer, fail, emit };
}

describe('readRequestArgs', () => {
  it('rejects what EIP-1193 rejects with -32600 Errors', () => {
    for (const args of [undefined, null, 'eth_chainId', 1, [], [{ method: 'x' }], {}, { method: '' }, { method: 1 }, { method: 'x', params: 'a' }, { method: 'x', params: null }, { method: 'x', params: 1 }]) {
      const checked = readRequestArgs(args);
      expect(checked.error, JSON.stringify(args)).toBeInstanceOf(Error);
      expect(checked.error?.code).toBe(-32600);
      expect(typeof checked.error?.message).toBe('string');
    }
  });

  it('accepts a method with no params, array params or object params', () => {
    expect(readRequestArgs({ method: 'eth_chainId' })).toEqual({ error: null, method: 'eth_chainId', params: undefined });
    expect(readRequestArgs({ method: 'a', params: [1] })).toEqual({ error: null, method: 'a', params: [1] });
    expect(readRequestArgs({ method: 'a', params: { x: 1 } })).toEqual({ error: null, method: 'a', params: { x: 1 } });
  });

  it('turns a throwing getter or a revoked Proxy into a -32600 error, never the page exception', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = {
      get method(): string {
        throw new Error('page getter');
      },
    };
    for (const args of [throwing, proxy]) {
      const checked = readRequestArgs(args);
      expect(checked.error?.code).toBe(-32600);
      expect(checked.error).toBeInstanceOf(Error);
    }
  });

  it('reads each field once', () => {
    let reads = 0;
    const args = {
      get method() {
        reads++;
        return reads === 1 ? 'eth_chainId' : 42;
      },
    };
    expect(readRequestArgs(args)).toMatchObject({ error: null, method: 'eth_chainId' });
  });
});

describe('createEthereumProvider', () => {
  it('is frozen, says isDuoWallet and not isMetaMask', () => {
    const { transport } = fakeTransport();
    const p = createEthereumProvider(transport);
    expect(Object.isFrozen(p)).toBe(true);
    expect(p.isDuoWallet).toBe(true);
    expect((p as unknown as Record<string, unknown>).isMetaMask).toBeUndefined();
    expect(() => {
      (p as unknown as Record<string, unknown>).request = () => 1;
    }).toThrow(TypeError);
    expect(() => {
      (p as unknown as Record<string, unknown>).chainId = '0x1';
    }).toThrow(TypeError);
  });

  it('asks eth_chainId at start and emits connect once when it arrives', () => {
    const { transport, calls, answer, emit } = fakeTransport();
    const p = createEthereumProvider(transport);
    const connect = vi.fn();
    const chainChanged = vi.fn();
    p.on('connect', connect).on('chainChanged', chainChanged);
    expect(calls.map((c) => [c.chain, c.method])).toEqual([['eth', 'eth_chainId']]);
    expect(p.isConnected()).toBe(false);
    expect(p.chainId).toBeNull();
    answer('eth_chainId', '0x7a69');
    expect(p.chainId).toBe('0x7a69');
    expect(p.isConnected()).toBe(true);
    expect(connect).toHaveBeenCalledWith({ chainId: '0x7a69' });
    emit('chainChanged', '0x7a69');
    expect(chainChanged).not.toHaveBeenCalled();
    emit('chainChanged', '0x1');
    expect(chainChanged).toHaveBeenCalledWith('0x1');
    expect(p.chainId).toBe('0x1');
    emit('chainChanged', 'not hex');
    expect(p.chainId).toBe('0x1');
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('request resolves results and rejects with Error { code, message, data }', async () => {
    const { transport, calls, answer, fail } = fakeTransport();
    const p = createEthereumProvider(transport);
    const ok = p.request({ method: 'eth_blockNumber', params: [] });
    expect(calls[1]).toMatchObject({ chain: 'eth', method: 'eth_blockNumber', params: [] });
    answer('eth_blockNumber', '0x10');
    await expect(ok).resolves.toBe('0x10');
    const rejected = p.request({ method: 'personal_sign', params: ['0x00', '0xabc'] });
    fail('personal_sign', 4001, 'User rejected the request.', { reason: 'x' });
    const err = (await rejected.catch((e: unknown) => e)) as Error & { code: number; data: unknown };
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe(4001);
    expect(err.message).toBe('User rejected the request.');
    expect(err.data).toEqual({ reason: 'x' });
    await expect(p.request(undefined as never)).rejects.toMatchObject({ code: -32600 });
    await expect(p.request({ method: 7 } as never)).rejects.toMatchObject({ code: -32600 });
    expect(calls.length).toBe(1); // only the start-up eth_chainId: invalid args never leave
  });

  it('tracks selectedAddress from results and events; accountsChanged only on change', async () => {
    const { transport, answer, emit } = fakeTransport();
    const p = createEthereumProvider(transport);
    const changed = vi.fn();
    p.on('accountsChanged', changed);
    const accounts = p.enable();
    answer('eth_requestAccounts', ['0xaaa', '0xbbb']);
    await expect(accounts).resolves.toEqual(['0xaaa', '0xbbb']);
    expect(p.selectedAddress).toBe('0xaaa');
    expect(changed).toHaveBeenCalledTimes(1);
    const again = p.request({ method: 'eth_accounts' });
    answer('eth_accounts', ['0xaaa', '0xbbb']);
    await again;
    expect(changed).toHaveBeenCalledTimes(1);
    emit('accountsChanged', ['0xbbb']);
    expect(p.selectedAddress).toBe('0xbbb');
    emit('accountsChanged', []);
    expect(p.selectedAddress).toBeNull();
    emit('accountsChanged', [1]);
    expect(changed.mock.calls).toEqual([[['0xaaa', '0xbbb']], [['0xbbb']], [[]]]);
  });

  it('emits disconnect with an Error and connect again afterwards; relays message', () => {
    const { transport, answer, emit } = fakeTransport();
    const p = createEthereumProvider(transport);
    const events: unknown[] = [];
    p.on('connect', (x) => events.push(['connect', x]));
    p.on('disconnect', (x) => events.push(['disconnect', x]));
    p.on('message', (x) => events.push(['message', x]));
    answer('eth_chainId', '0x1');
    emit('disconnect', { code: 4900, message: 'Disconnected' });
    emit('disconnect', { code: 4900, message: 'Disconnected' });
    expect(p.isConnected()).toBe(false);
    emit('connect', { chainId: '0x1' });
    emit('message', { type: 'eth_subscription', data: 1 });
    expect(events).toHaveLength(4);
    const [, disconnect] = events[1] as [string, Error & { code: number }];
    expect(disconnect).toBeInstanceOf(Error);
    expect(disconnect.code).toBe(4900);
    expect(events[2]).toEqual(['connect', { chainId: '0x1' }]);
    expect(events[3]).toEqual(['message', { type: 'eth_subscription', data: 1 }]);
  });

  it('once / removeListener / off / removeAllListeners return the provider', () => {
    const { transport, emit } = fakeTransport();
    const p = createEthereumProvider(transport);
    const fn = vi.fn();
    expect(p.once('message', fn)).toBe(p);
    emit('message', 1);
    emit('message', 2);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(p.addListener('message', fn).removeListener('message', fn)).toBe(p);
    p.on('message', fn).off('message', fn);
    p.on('message', fn).removeAllListeners();
    emit('message', 3);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('supports the legacy send / sendAsync forms', async () => {
    const { transport, answer, fail } = fakeTransport();
    const p = createEthereumProvider(transport);
    const viaSend = p.send('eth_blockNumber', []) as Promise<JsonRpcResponse>;
    answer('eth_blockNumber', '0x5');
    await expect(viaSend).resolves.toEqual({ id: undefined, jsonrpc: '2.0', result: '0x5' });

    const single = new Promise((resolve) => p.sendAsync({ id: 9, jsonrpc: '2.0', method: 'eth_gasPrice' }, (e, r) => resolve([e, r])));
    fail('eth_gasPrice', -32603, 'boom');
    const [e, r] = (await single) as [Error & { code: number }, JsonRpcResponse];
    expect(e.code).toBe(-32603);
    expect(r).toEqual({ id: 9, jsonrpc: '2.0', error: { code: -32603, message: 'boom' } });

    const batch = new Promise((resolve) =>
      p.send([{ id: 1, method: 'a' }, { id: 2, method: 'b' }, { id: 3 }], (err: unknown, res: unknown) => resolve([err, res])),
    );
    answer('b', 'B');
    answer('a', 'A');
    const [batchErr, batchRes] = (await batch) as [unknown, JsonRpcResponse[]];
    expect(batchErr).toBeNull();
    expect(batchRes).toEqual([
      { id: 1, jsonrpc: '2.0', result: 'A' },
      { id: 2, jsonrpc: '2.0', result: 'B' },
      { id: 3, jsonrpc: '2.0', error: { code: -32600, message: "'args.method' must be a non-empty string.", data: { id: 3 } } },
    ]);

    expect(p.send({ id: 4, method: 'eth_accounts' })).toEqual({ id: 4, jsonrpc: '2.0', result: [] });
    expect(() => p.send({ id: 5, method: 'eth_sign' })).toThrow();
  });

  it('ignores a polluted Object.prototype when reading its own responses', async () => {
    const { transport, answer } = fakeTransport();
    const p = createEthereumProvider(transport);
    const proto = Object.prototype as Record<string, unknown>;
    proto.error = { code: 1, message: 'injected' };
    try {
      const res = new Promise((resolve) => p.sendAsync({ id: 1, method: 'eth_blockNumber' }, (e, r) => resolve([e, r])));
      answer('eth_blockNumber', '0x1');
      const [e] = (await res) as [unknown];
      expect(e).toBeNull();
    } finally {
      delete proto.error;
    }
  });
});
