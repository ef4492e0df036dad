import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRpcError, WalletError } from '../../shared/errors';
import { BatchRefusedError, rpcBatch, rpcCall } from './rpc-client';

// A tiny JSON-RPC server on loopback: answers by method name, like a node (or a broken one).
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.url === '/500') return res.writeHead(500).end('oops');
      if (req.url === '/413') return res.writeHead(413).end('too large');
      if (req.url === '/single') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch not supported"}}');
      if (req.url === '/garbage') return res.writeHead(200).end('not json');
      const body = JSON.parse(raw) as { id: number; method: string } | { id: number; method: string }[];
      const answer = (r: { id: number; method: string }) =>
        r.method === 'eth_chainId' ? { jsonrpc: '2.0', id: r.id, result: '0x7a69' } : { jsonrpc: '2.0', id: r.id, error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(body) ? body.map(answer).reverse() : answer(body)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('rpc-client', () => {
  it('returns the result', async () => {
    expect(await rpcCall(url, 'eth_chainId')).toBe('0x7a69');
  });
  it('passes a node error through with its code, message and data (revert reasons reach the dApp)', async () => {
    await expect(rpcCall(url, 'eth_call')).rejects.toEqual(new NodeRpcError(3, 'execution reverted', '0x08c379a0'));
  });
  it('turns HTTP errors, garbage and a dead endpoint into -32603 naming only the host', async () => {
    await expect(rpcCall(`${url}/500`, 'eth_chainId')).rejects.toMatchObject({ code: -32603, message: expect.stringContaining('HTTP 500') as unknown });
    await expect(rpcCall(`${url}/garbage`, 'eth_chainId')).rejects.toBeInstanceOf(WalletError);
    await expect(rpcCall(`${url}/garbage`, 'eth_chainId')).rejects.toMatchObject({ code: -32603, message: expect.stringContaining('answered garbage') as unknown });
    await expect(rpcCall('http://127.0.0.1:1', 'eth_chainId')).rejects.toMatchObject({ code: -32603, message: 'RPC 127.0.0.1:1 is unreachable' });
    // Each with a reason the popup translates.
    await expect(rpcCall(`${url}/500`, 'eth_chainId')).rejects.toMatchObject({ data: { reason: 'rpc_unavailable' } });
    await expect(rpcCall('http://127.0.0.1:1', 'eth_chainId')).rejects.toMatchObject({ data: { reason: 'rpc_unavailable' } });
  });
  it('batches several calls in one request and matches answers by id, whatever their order', async () => {
    const r = await rpcBatch(url, [
      { method: 'eth_chainId', params: [] },
      { method: 'eth_call', params: [] },
      { method: 'eth_chainId', params: [] },
    ]);
    expect(r).toEqual([
      { ok: true, result: '0x7a69' },
      { ok: false, error: { code: 3, message: 'execution reverted' } },
      { ok: true, result: '0x7a69' },
    ]);
    expect(await rpcBatch(url, [])).toEqual([]);
  });
  it('tells a refused batch (a single object, or an HTTP refusal) apart from a broken endpoint', async () => {
    const calls = [{ method: 'eth_chainId', params: [] }];
    await expect(rpcBatch(`${url}/single`, calls)).rejects.toBeInstanceOf(BatchRefusedError);
    await expect(rpcBatch(`${url}/413`, calls)).rejects.toBeInstanceOf(BatchRefusedError);
    await expect(rpcBatch(`${url}/500`, calls)).rejects.not.toBeInstanceOf(BatchRefusedError);
    await expect(rpcBatch('http://127.0.0.1:1', calls)).rejects.not.toBeInstanceOf(BatchRefusedError);
  });
});

describe('rpc-client: a node that never answers', () => {
  // Loopback servers that take the request and then say nothing: no headers, or headers and no body.
  const silent: Server[] = [];
  const requests: string[] = [];
  async function hanging(sendHeaders: boolean): Promise<string> {
    const s = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (sendHeaders) res.writeHead(200, { 'content-type': 'application/json' }).write('{"jsonrpc":"2.0",');
    });
    silent.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const addr = s.address();
    return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }
  afterAll(async () => {
    for (const s of silent) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  });

  it('gives up after the timeout with -32603 and the rpc_timeout reason (the popup says so in its language)', async () => {
    const quiet = await hanging(false);
    const err = await rpcCall(quiet, 'eth_chainId', [], { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WalletError);
    expect(err).toMatchObject({ code: -32603, message: `RPC ${new URL(quiet).host} timed out after 0.2 s`, data: { reason: 'rpc_timeout', count: 0.2 } });
    expect(requests).toContain('/'); // the request did reach the server: this is the timeout, not a refused connection
  });

  it('also when the headers come but the body never does, and for a batch', async () => {
    const half = await hanging(true);
    await expect(rpcCall(half, 'eth_chainId', [], { timeoutMs: 200 })).rejects.toMatchObject({ data: { reason: 'rpc_timeout' } });
    await expect(rpcBatch(half, [{ method: 'eth_chainId', params: [] }], { timeoutMs: 200 })).rejects.toMatchObject({ data: { reason: 'rpc_timeout' } });
  });
});
