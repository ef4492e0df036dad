import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalanceService } from './balance-service';
import { memoryStore } from './store';

// Endpoints that misbehave, on loopback: one that never answers, one that answers garbage, one
// that answers well-formed JSON-RPC with values that are not balances. (The well-behaved case runs
// against anvil in test/unit/balances-one-round-trip.test.ts.)
const hanging = new Set<ServerResponse>();
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.url === '/hang') return void hanging.add(res);
      if (req.url === '/garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":');
      if (req.url === '/html') return void res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
      // '/lies': valid JSON-RPC, wrong kinds of values
      const body = JSON.parse(raw) as { id: number; method: string } | { id: number; method: string }[];
      const answer = (r: { id: number; method: string }) => ({ jsonrpc: '2.0', id: r.id, result: r.method === 'eth_call' ? '0xzz' : r.method === 'eth_getBalance' ? 'lots' : { block: 1 } });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Array.isArray(body) ? body.map(answer) : answer(body)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
});

const q = { owners: ['0x1111111111111111111111111111111111111111'], tokens: ['0x2222222222222222222222222222222222222222'] };

describe('balances from an RPC that is down, hangs or answers garbage', () => {
  const unavailable = { data: { reason: 'rpc_unavailable' } };

  it('down, hanging, garbage, an HTTP error page: rpc_unavailable (bounded by the timeout), nothing cached', async () => {
    const session = memoryStore();
    const s = new BalanceService(session, 300);
    for (const url of ['http://127.0.0.1:1', `${base}/hang`, `${base}/garbage`, `${base}/html`]) {
      await expect(s.read({ chainId: 1, rpcUrl: url }, q, 'network')).rejects.toMatchObject(unavailable);
      await expect(s.head(url)).rejects.toMatchObject(unavailable);
    }
    expect(session.dump()['balanceCache']).toBeUndefined();
  });

  it('well-formed answers with values that are not numbers: no number comes out, none is made up', async () => {
    const s = new BalanceService(memoryStore(), 1000);
    const r = await s.read({ chainId: 1, rpcUrl: `${base}/lies` }, q, 'network');
    expect(r.balances).toEqual({ block: null, native: [null], tokens: [[null]] });
    await expect(s.head(`${base}/lies`)).rejects.toMatchObject(unavailable);
  });
});
