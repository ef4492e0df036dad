import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { Wallet } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTICALL3_ADDRESS, type BalanceQuery } from '../../src/core/ethereum/balances';
import { readBalances } from '../../src/background/services/balance-reader';
import { BalanceService } from '../../src/background/services/balance-service';
import { RpcCapabilities } from '../../src/background/services/rpc-capabilities';
import { memoryStore } from '../../src/background/services/store';
import { anvilRpc, ANVIL_ACCOUNTS } from '../e2e/helpers/anvil-rpc';
import { balanceOf, deployRevertingToken, deployTestToken, installMulticall3, transferToken } from '../e2e/helpers/erc20';
import { ROOT } from '../e2e/helpers/paths';

/**
 * DESIGN §8 budget "balances of 20 accounts × 5 tokens: one RPC round trip", proved by counting,
 * not timing: a real anvil (with and without the Multicall3 TEST FIXTURE), 5 TestTokens, 20
 * accounts holding different amounts, the wallet's balance reader pointed at a counting proxy in
 * front of anvil. Every number is compared with what anvil says to direct eth_getBalance and
 * balanceOf calls.
 */
interface Anvil {
  url: string;
  stop(): void;
}
type StartAnvil = (o: { port: number; chainId?: number }) => Promise<Anvil>;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

type Body = { method: string; params: unknown[]; id: unknown } | { method: string; params: unknown[]; id: unknown }[];

/** A JSON-RPC proxy in front of anvil that records every HTTP request; `refuseBatches` makes it answer a batch like endpoints that take none. */
async function countingProxy(target: string): Promise<{ url: string; requests: Body[]; refuseBatches: boolean; close(): Promise<void> }> {
  const state = { requests: [] as Body[], refuseBatches: false };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Body;
      state.requests.push(body);
      if (Array.isArray(body) && state.refuseBatches) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch requests are not supported' } }));
        return;
      }
      void fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text());
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(state, { url, close: () => new Promise<void>((ok) => server.close(() => ok())) });
}

const ISSUER = ANVIL_ACCOUNTS[9].address;
// 20 fresh addresses (not anvil's funded ones), so every balance below is one this test set.
const OWNERS = Array.from({ length: 20 }, (_, i) => new Wallet(`0x${(i + 1).toString(16).padStart(64, '0')}`).address);

let startAnvil: StartAnvil;
let withMc: Anvil;
let withoutMc: Anvil;
let tokens: string[];
let tokensWithout: string[];

/** 5 tokens with different decimals; owner o holds (o·7 + t) units of token t, except every 4th owner holds none of token 2. */
async function fund(url: string): Promise<string[]> {
  const decimals = [6, 18, 8, 0, 18];
  const list: string[] = [];
  for (let t = 0; t < 5; t++) list.push(await deployTestToken(url, { name: `Token ${t}`, symbol: `T${t}`, decimals: decimals[t]!, supply: 10n ** 30n, holder: ISSUER }));
  for (let o = 0; o < OWNERS.length; o++) {
    await anvilRpc(url, 'anvil_setBalance', [OWNERS[o], `0x${(BigInt(o) * 10n ** 17n + BigInt(o % 3)).toString(16)}`]);
    for (let t = 0; t < 5; t++) if (!(t === 2 && o % 4 === 0)) await transferToken(url, list[t]!, ISSUER, OWNERS[o]!, BigInt(o * 7 + t) * 10n ** BigInt(decimals[t]!) + 1n);
  }
  return list;
}

/** What anvil itself says, call by call. */
async function direct(url: string, q: BalanceQuery): Promise<{ native: bigint[]; tokens: bigint[][] }> {
  const native = await Promise.all(q.owners.map(async (o) => BigInt(await anvilRpc<string>(url, 'eth_getBalance', [o, 'latest']))));
  const tok = await Promise.all(q.owners.map((o) => Promise.all(q.tokens.map((t) => balanceOf(url, t, o)))));
  return { native, tokens: tok };
}

beforeAll(async () => {
  ({ startAnvil } = (await import(resolve(ROOT, 'scripts/anvil.mjs'))) as { startAnvil: StartAnvil });
  [withMc, withoutMc] = await Promise.all([startAnvil({ port: await freePort() }), startAnvil({ port: await freePort(), chainId: 31338 })]);
  await installMulticall3(withMc.url);
  [tokens, tokensWithout] = await Promise.all([fund(withMc.url), fund(withoutMc.url)]);
}, 120_000);

afterAll(() => {
  withMc?.stop();
  withoutMc?.stop();
});

describe('balances of 20 accounts × 5 tokens', () => {
  it('with Multicall3: exactly one HTTP request (one eth_call to aggregate3), every number as anvil says', async () => {
    const proxy = await countingProxy(withMc.url);
    try {
      const q = { owners: OWNERS, tokens };
      const m = await readBalances(proxy.url, 31337, q, new RpcCapabilities(memoryStore()));
      expect(proxy.requests).toHaveLength(1);
      const [only] = proxy.requests;
      expect(only).toMatchObject({ method: 'eth_call', params: [{ to: MULTICALL3_ADDRESS }, 'latest'] });
      const truth = await direct(withMc.url, q);
      expect(m.native).toEqual(truth.native);
      expect(m.tokens).toEqual(truth.tokens);
      expect(m.block).toBe(BigInt(await anvilRpc<string>(withMc.url, 'eth_blockNumber')));
      // The data is not trivially equal: zeros, different decimals, no two owners alike.
      expect(new Set(m.native.map(String)).size).toBe(20);
      expect(m.tokens[0]![2]).toBe(0n);
      expect(m.tokens[1]![2]).toBeGreaterThan(0n);
    } finally {
      await proxy.close();
    }
  });

  it('a reverting token and an address without code answer null; the rest of the call is intact', async () => {
    const proxy = await countingProxy(withMc.url);
    try {
      const reverting = await deployRevertingToken(withMc.url);
      const q = { owners: OWNERS.slice(0, 3), tokens: [tokens[0]!, reverting, OWNERS[19]!] };
      const m = await readBalances(proxy.url, 31337, q, new RpcCapabilities(memoryStore()));
      expect(proxy.requests).toHaveLength(1);
      const truth = await direct(withMc.url, { owners: q.owners, tokens: [tokens[0]!] });
      expect(m.native).toEqual(truth.native);
      expect(m.tokens).toEqual(truth.tokens.map(([t0]) => [t0, null, null]));
    } finally {
      await proxy.close();
    }
  });

  it('without Multicall3: the empty answer is noticed and remembered; from then on one JSON-RPC batch, same numbers', async () => {
    const proxy = await countingProxy(withoutMc.url);
    try {
      const caps = new RpcCapabilities(memoryStore());
      const q = { owners: OWNERS, tokens: tokensWithout };
      const first = await readBalances(proxy.url, 31338, q, caps);
      expect(proxy.requests.map((b) => (Array.isArray(b) ? `batch of ${b.length}` : b.method))).toEqual(['eth_call', 'batch of 121']);
      expect(await caps.multicallAbsent(31338)).toBe(true);
      proxy.requests.length = 0;
      const again = await readBalances(proxy.url, 31338, q, caps);
      expect(proxy.requests).toHaveLength(1);
      expect(Array.isArray(proxy.requests[0])).toBe(true);
      const truth = await direct(withoutMc.url, q);
      for (const m of [first, again]) {
        expect(m.native).toEqual(truth.native);
        expect(m.tokens).toEqual(truth.tokens);
      }
    } finally {
      await proxy.close();
    }
  });

  it('an endpoint that refuses batches: one call at a time, right numbers, and the refusal is remembered', async () => {
    const proxy = await countingProxy(withoutMc.url);
    proxy.refuseBatches = true;
    try {
      const caps = new RpcCapabilities(memoryStore());
      await caps.markMulticallAbsent(31338);
      const q = { owners: OWNERS.slice(0, 4), tokens: tokensWithout.slice(0, 2) };
      const m = await readBalances(proxy.url, 31338, q, caps);
      expect(proxy.requests.filter(Array.isArray)).toHaveLength(1);
      expect(proxy.requests.filter((b) => !Array.isArray(b))).toHaveLength(1 + 4 * 3);
      const truth = await direct(withoutMc.url, q);
      expect(m.native).toEqual(truth.native);
      expect(m.tokens).toEqual(truth.tokens);
      proxy.requests.length = 0;
      await readBalances(proxy.url, 31338, q, caps);
      expect(proxy.requests.filter(Array.isArray)).toHaveLength(0);
    } finally {
      await proxy.close();
    }
  });

  it('the background keeps the last answer with its block: asked for the cache, no request; another endpoint is another entry', async () => {
    const proxy = await countingProxy(withMc.url);
    try {
      const service = new BalanceService(memoryStore());
      const q = { owners: OWNERS.slice(0, 2), tokens };
      const fresh = await service.read({ chainId: 31337, rpcUrl: proxy.url }, q, 'network');
      expect(fresh.cached).toBe(false);
      expect(proxy.requests).toHaveLength(1);
      const kept = await service.read({ chainId: 31337, rpcUrl: proxy.url }, q, 'cache');
      expect(kept).toEqual({ balances: fresh.balances, cached: true });
      expect(proxy.requests).toHaveLength(1);
      expect(kept.balances.block).toBe(await service.head(withMc.url));
      // Same chain through another endpoint: its own read, never the other endpoint's numbers.
      expect((await service.read({ chainId: 31337, rpcUrl: withMc.url }, q, 'cache')).cached).toBe(false);
      // A new block (a transfer) changes the head; a read then sees the new balance.
      await transferToken(withMc.url, tokens[0]!, ISSUER, OWNERS[0]!, 5n);
      expect(await service.head(proxy.url)).not.toBe(kept.balances.block);
      const after = await service.read({ chainId: 31337, rpcUrl: proxy.url }, q, 'network');
      expect(BigInt(after.balances.tokens[0]![0]!)).toBe(BigInt(fresh.balances.tokens[0]![0]!) + 5n);
    } finally {
      await proxy.close();
    }
  });
});
