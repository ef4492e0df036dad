// The Esplora client against (1) the regtest Esplora TEST FIXTURE over real
// HTTP on 127.0.0.1 and (2) a tiny misbehaving server (timeouts, garbage, 5xx).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRegtestEsplora, type RegtestEsplora } from '../../../test/fixtures/regtest/server';
import { signTx, testKey } from '../../../test/fixtures/regtest/test-wallet';
import { EsploraError } from './errors';
import { createEsploraClient, type EsploraClient } from './esplora-client';
import { feeTiers } from './fees';
import { txidOf } from './txid';

const alice = testKey('client-alice', 'p2wpkh');
const bob = testKey('client-bob', 'p2tr');
const carol = testKey('client-carol', 'p2wpkh');

describe('Esplora client against the regtest fixture', () => {
  let esplora: RegtestEsplora;
  let client: EsploraClient;
  let clock: number;
  const tick = (ms: number) => (clock += ms);
  const count = (pred: (r: string) => boolean) => esplora.requests.filter(pred).length;

  beforeEach(async () => {
    esplora = await startRegtestEsplora();
    clock = 1_000_000;
    client = createEsploraClient({ baseUrl: esplora.url + '/', now: () => clock });
  });
  afterEach(async () => {
    await esplora.stop();
  });

  it('reads the tip, UTXOs, stats and history of funded addresses', async () => {
    const f1 = esplora.fund(alice.address, 100_000n, { mine: true });
    const f2 = esplora.fund(alice.address, 5_000n); // unconfirmed
    expect(await client.tipHeight()).toBe(1);
    const utxos = await client.utxos(alice.address);
    expect(utxos).toEqual(
      expect.arrayContaining([
        { txid: f1, vout: 0, value: 100_000n, status: { confirmed: true, blockHeight: 1, blockHash: esplora.state.tipHash, blockTime: esplora.state.blockAt(1)!.time } },
        { txid: f2, vout: 0, value: 5_000n, status: { confirmed: false } },
      ]),
    );
    const stats = await client.addressStats(alice.address);
    expect(stats).toMatchObject({ address: alice.address, confirmed: 100_000n, unconfirmed: 5_000n, total: 105_000n, txCount: 2 });
    expect(stats.chain).toEqual({ fundedTxoCount: 1, fundedTxoSum: 100_000n, spentTxoCount: 0, spentTxoSum: 0n, txCount: 1 });
    const txs = await client.addressTxs(alice.address);
    expect(txs.map((t) => t.txid)).toEqual([f2, f1]);
    expect(txs[1]!.inputs[0]).toMatchObject({ isCoinbase: true, prevout: null });
    expect(txs[1]!.outputs[0]).toMatchObject({ address: alice.address, scriptType: 'v0_p2wpkh', value: 100_000n });
  });

  it('reads the genesis hash (which names the network) and refuses bad heights without a request', async () => {
    expect(await client.blockHashAt(0)).toBe('0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206');
    const before = esplora.requests.length;
    await expect(client.blockHashAt(-1)).rejects.toThrow(TypeError);
    await expect(client.blockHashAt(1.5)).rejects.toThrow(TypeError);
    expect(esplora.requests.length).toBe(before);
  });

  it('broadcasts a signed spend, then follows it from mempool to block', async () => {
    const f = esplora.fund(alice.address, 100_000n, { mine: true });
    const tx = signTx(
      [{ key: alice, txid: f, vout: 0, value: 100_000n }],
      [
        { address: bob.address, value: 40_000n },
        { address: alice.address, value: 59_000n },
      ],
    );
    // Prime the caches, so we can see the broadcast invalidate them.
    expect((await client.addressStats(alice.address)).total).toBe(100_000n);
    expect(await client.broadcast(tx.hex)).toBe(tx.txid);
    expect(await client.txStatus(tx.txid)).toEqual({ confirmed: false });
    expect(await client.addressStats(alice.address)).toMatchObject({ confirmed: 100_000n, unconfirmed: -41_000n, total: 59_000n });
    const got = await client.tx(tx.txid);
    expect(got).toMatchObject({ txid: tx.txid, fee: 1_000n, vsize: tx.vsize, status: { confirmed: false } });
    expect(got!.inputs[0]!.prevout).toMatchObject({ address: alice.address, value: 100_000n });
    expect(got!.outputs.map((o) => [o.address, o.value])).toEqual([
      [bob.address, 40_000n],
      [alice.address, 59_000n],
    ]);
    expect((await client.addressTxs(alice.address)).map((t) => t.txid)).toEqual([tx.txid, f]);

    const [hash] = esplora.mine(1);
    tick(6_000); // past the tip TTL: the new tip invalidates tip-keyed answers
    expect(await client.txStatus(tx.txid)).toMatchObject({ confirmed: true, blockHeight: 2, blockHash: hash });
    expect(await client.balances([alice.address, bob.address])).toEqual([
      { address: alice.address, confirmed: 59_000n, unconfirmed: 0n, total: 59_000n },
      { address: bob.address, confirmed: 40_000n, unconfirmed: 0n, total: 40_000n },
    ]);
    // A confirmed tx is kept: no second request for it.
    const before = count((r) => r === `GET /tx/${tx.txid}`);
    await client.tx(tx.txid);
    await client.tx(tx.txid);
    expect(count((r) => r === `GET /tx/${tx.txid}`)).toBe(before + 1);
    tick(60_000);
    await client.tx(tx.txid);
    expect(count((r) => r === `GET /tx/${tx.txid}`)).toBe(before + 1);
  });

  it('reports a refused broadcast with bitcoind’s reason', async () => {
    const f = esplora.fund(alice.address, 100_000n, { mine: true });
    const tx = signTx([{ key: alice, txid: f, vout: 0, value: 100_000n }], [{ address: bob.address, value: 99_950n }]);
    const err = await client.broadcast(tx.hex).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EsploraError);
    expect(err).toMatchObject({ kind: 'http', status: 400, rejectReason: expect.stringMatching(/^min relay fee not met, 50 < \d+$/) as unknown, extra: { rejectCode: -26 } });
    expect((err as Error).message).toContain(`Esplora server 127.0.0.1:${esplora.port}`);
    await expect(client.broadcast('nothex')).rejects.toBeInstanceOf(TypeError);
  });

  it('returns null for a transaction the server no longer knows (replaced by fee)', async () => {
    const f = esplora.fund(alice.address, 100_000n, { mine: true });
    const first = signTx([{ key: alice, txid: f, vout: 0, value: 100_000n }], [{ address: bob.address, value: 99_000n }]);
    const bump = signTx([{ key: alice, txid: f, vout: 0, value: 100_000n }], [{ address: bob.address, value: 97_000n }]);
    await client.broadcast(first.hex);
    expect((await client.tx(first.txid))?.txid).toBe(first.txid);
    await client.broadcast(bump.hex);
    expect(await client.tx(first.txid)).toBeNull();
    expect(await client.tx('ab'.repeat(32))).toBeNull();
    expect(await client.txStatus(first.txid)).toEqual({ confirmed: false }); // esplora's answer for unknown txids
  });

  it('reads raw transactions (kept once checked) and who spends each output', async () => {
    const f = esplora.fund(alice.address, 100_000n, { mine: true });
    const tx = signTx([{ key: alice, txid: f, vout: 0, value: 100_000n }], [{ address: bob.address, value: 40_000n }, { address: alice.address, value: 59_000n }]);
    await client.broadcast(tx.hex);
    expect(await client.txHex(tx.txid)).toBe(tx.hex);
    const before = count((r) => r === `GET /tx/${tx.txid}/hex`);
    tick(60_000);
    expect(await client.txHex(tx.txid)).toBe(tx.hex);
    expect(count((r) => r === `GET /tx/${tx.txid}/hex`)).toBe(before);
    expect(await client.txHex('ab'.repeat(32))).toBeNull();
    expect(await client.outspends(f)).toEqual([{ spent: true, txid: tx.txid, vin: 0, status: { confirmed: false } }]);
    expect(await client.outspends(tx.txid)).toEqual([{ spent: false }, { spent: false }]);
    expect(await client.outspends('ab'.repeat(32))).toBeNull();
  });

  it('derives fast / normal / slow fee rates from the estimates, with floors', async () => {
    esplora.state.setFeeEstimates({ '1': 30.2, '2': 25, '3': 20, '6': 11.04, '12': 6, '24': 3.3, '144': 1.2, '1008': 0.5 });
    expect(await client.feeEstimates()).toEqual({ fast: 30.2, normal: 11.1, slow: 3.3 });
    esplora.state.setFeeEstimates({});
    client.clearCache();
    expect(await client.feeEstimates()).toEqual({ fast: 1, normal: 1, slow: 1 });
  });

  it('caches by tip, shares identical requests in flight, and bounds balance concurrency', async () => {
    esplora.fund(alice.address, 10_000n, { mine: true });
    await Promise.all([client.utxos(alice.address), client.utxos(alice.address), client.utxos(alice.address)]);
    await client.utxos(alice.address);
    expect(count((r) => r === `GET /address/${alice.address}/utxo`)).toBe(1);
    expect(count((r) => r === 'GET /blocks/tip/height')).toBe(1);

    // A new block is seen only after the tip TTL; then the UTXO answer is refreshed.
    esplora.fund(alice.address, 20_000n, { mine: true });
    expect(await client.utxos(alice.address)).toHaveLength(1);
    tick(5_001);
    expect(await client.utxos(alice.address)).toHaveLength(2);
    expect(count((r) => r === `GET /address/${alice.address}/utxo`)).toBe(2);
    // Same tip, but older than maxAgeMs: refreshed too (mempool activity shows up).
    esplora.fund(alice.address, 1_000n);
    tick(31_000);
    expect(await client.utxos(alice.address)).toHaveLength(3);

    // balances(): 12 addresses, never more than 4 requests at once.
    let inFlight = 0;
    let peak = 0;
    const spy: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 5));
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const keys = Array.from({ length: 12 }, (_, i) => testKey(`many-${i}`, i % 2 ? 'p2tr' : 'p2wpkh'));
    keys.forEach((k, i) => esplora.fund(k.address, 1_000n * BigInt(i + 1)));
    esplora.mine(1);
    const c2 = createEsploraClient({ baseUrl: esplora.url, fetch: spy });
    const balances = await c2.balances(keys.map((k) => k.address));
    expect(balances.map((b) => b.confirmed)).toEqual(keys.map((_, i) => 1_000n * BigInt(i + 1)));
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
  });

  it('refuses bad arguments without contacting the server', async () => {
    const n = esplora.requests.length;
    await expect(client.utxos('bad address/../x')).rejects.toBeInstanceOf(TypeError);
    await expect(client.tx('1234')).rejects.toBeInstanceOf(TypeError);
    expect(esplora.requests.length).toBe(n);
    expect(() => createEsploraClient({ baseUrl: 'ftp://x' })).toThrow(TypeError);
    expect(() => createEsploraClient({ baseUrl: 'not a url' })).toThrow(TypeError);
  });

  it('surfaces the server’s 400 for an address of another network as an http error', async () => {
    const err = await client.utxos('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'http', status: 400 });
    expect((err as Error).message).toContain('Invalid Bitcoin address');
  });
});

// ---- a tiny misbehaving server --------------------------------------------------------------

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

describe('Esplora client against a misbehaving server', () => {
  let server: Server;
  let base: string;
  let handler: Handler = (_q, r) => r.end();
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    server = createServer((req, res) => handler(req, res));
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  /** Serve `body` for `path` (tip height 100 for /blocks/tip/height unless overridden). */
  function serve(routes: Record<string, Handler | string>): void {
    handler = (req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      const r = routes[path] ?? (path === '/blocks/tip/height' ? '100' : undefined);
      if (r === undefined) {
        res.writeHead(404).end('Not Found');
      } else if (typeof r === 'string') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(r);
      } else {
        r(req, res);
      }
    };
  }

  const mk = (o: Partial<Parameters<typeof createEsploraClient>[0]> = {}) => createEsploraClient({ baseUrl: base, timeoutMs: 300, ...o });
  const A = 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080';
  const TXID = 'ab'.repeat(32);

  async function expectError(p: Promise<unknown>, kind: EsploraError['kind'], text?: string | RegExp): Promise<EsploraError> {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(EsploraError);
    const err = e as EsploraError;
    expect(err.kind).toBe(kind);
    expect(err.host).toBe(new URL(base).host);
    expect(err.message).toContain(`Esplora server ${new URL(base).host}`);
    if (text) expect(err.message).toMatch(text);
    return err;
  }

  it('times out on a server that never answers, and on one that stalls mid-body', async () => {
    serve({ '/blocks/tip/height': () => undefined });
    await expectError(mk().tipHeight(), 'timeout', /no answer within 300 ms/);
    serve({
      '/blocks/tip/height': (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('1');
      },
    });
    await expectError(mk().tipHeight(), 'timeout', /not complete/);
  });

  it('reports HTTP errors with their status and a short excerpt', async () => {
    serve({ [`/address/${A}/utxo`]: (_q, res) => res.writeHead(500).end('database\n\u0000exploded') });
    const e = await expectError(mk().utxos(A), 'http', /HTTP 500: "database exploded"/);
    expect(e.status).toBe(500);
    serve({ '/blocks/tip/height': (_q, res) => res.writeHead(429).end('Too Many Requests') });
    expect((await expectError(mk().tipHeight(), 'http')).status).toBe(429);
  });

  it('calls garbage garbage: not JSON, wrong shapes, impossible values', async () => {
    const cases: [string, string, (c: EsploraClient) => Promise<unknown>, RegExp][] = [
      ['/blocks/tip/height', '<html>hello</html>', (c) => c.tipHeight(), /tip height is not a number/],
      ['/block-height/0', '<html>hello</html>', (c) => c.blockHashAt(0), /block hash is not 32-byte hex/],
      [`/address/${A}/utxo`, '<!doctype html><p>maintenance', (c) => c.utxos(A), /not JSON/],
      [`/address/${A}/utxo`, '{"txid":1}', (c) => c.utxos(A), /unexpected answer/],
      [`/address/${A}/utxo`, JSON.stringify([{ txid: TXID, vout: 0, value: -5, status: { confirmed: false } }]), (c) => c.utxos(A), /at 0\.value/],
      [`/address/${A}/utxo`, JSON.stringify([{ txid: TXID, vout: 0, value: '5', status: { confirmed: false } }]), (c) => c.utxos(A), /at 0\.value/],
      [`/address/${A}/utxo`, JSON.stringify([{ txid: TXID, vout: 0, value: 3e15, status: { confirmed: false } }]), (c) => c.utxos(A), /at 0\.value/],
      [`/address/${A}/utxo`, JSON.stringify([{ txid: TXID, vout: 0, value: 1, status: { confirmed: true } }]), (c) => c.utxos(A), /status/],
      ['/fee-estimates', JSON.stringify({ '1': 1e9 }), (c) => c.feeEstimates(), /implausible/],
      ['/fee-estimates', JSON.stringify({ '1': -2 }), (c) => c.feeEstimates(), /unexpected answer/],
      ['/fee-estimates', JSON.stringify({ soon: 2 }), (c) => c.feeEstimates(), /unexpected answer/],
      ['/fee-estimates', 'null', (c) => c.feeEstimates(), /unexpected answer/],
      [
        `/address/${A}`,
        JSON.stringify({
          address: A,
          chain_stats: { funded_txo_count: 1, funded_txo_sum: 10, spent_txo_count: 1, spent_txo_sum: 20, tx_count: 2 },
          mempool_stats: { funded_txo_count: 0, funded_txo_sum: 0, spent_txo_count: 0, spent_txo_sum: 0, tx_count: 0 },
        }),
        (c) => c.addressStats(A),
        /spent exceed/,
      ],
      [
        `/address/${A}`,
        JSON.stringify({
          address: 'bcrt1qsomeoneelse0000000000000000000000',
          chain_stats: { funded_txo_count: 0, funded_txo_sum: 0, spent_txo_count: 0, spent_txo_sum: 0, tx_count: 0 },
          mempool_stats: { funded_txo_count: 0, funded_txo_sum: 0, spent_txo_count: 0, spent_txo_sum: 0, tx_count: 0 },
        }),
        (c) => c.addressStats(A),
        /another address/,
      ],
      [`/tx/${TXID}`, JSON.stringify(fakeTx('cd'.repeat(32))), (c) => c.tx(TXID), /another transaction/],
      [`/tx/${TXID}`, JSON.stringify({ ...fakeTx(TXID), vin: [{ ...fakeTx(TXID).vin[0], prevout: null }] }), (c) => c.tx(TXID), /no prevout/],
      [`/address/${A}/txs`, JSON.stringify([{ ...fakeTx(TXID), fee: 1.5 }]), (c) => c.addressTxs(A), /at 0\.fee/],
    ];
    for (const [path, body, call, msg] of cases) {
      serve({ [path]: body });
      await expectError(call(mk()), 'garbage', msg);
    }
    // A well-formed one passes, extra fields and all.
    serve({ [`/tx/${TXID}`]: JSON.stringify({ ...fakeTx(TXID), sigops: 1, extra: { x: 1 } }) });
    expect(await mk().tx(TXID)).toMatchObject({ txid: TXID, fee: 141n, vsize: 141 });
  });

  it('refuses oversized and non-UTF-8 answers', async () => {
    serve({ [`/address/${A}/txs`]: JSON.stringify(Array.from({ length: 200 }, () => fakeTx(TXID))) });
    await expectError(mk({ maxResponseBytes: 10_000 }).addressTxs(A), 'garbage', /larger than 10000 bytes/);
    serve({
      '/blocks/tip/height': (_q, res) => {
        res.writeHead(200);
        res.end(Buffer.from([0x31, 0xff, 0xfe]));
      },
    });
    await expectError(mk().tipHeight(), 'garbage');
  });

  it('reports unreachable servers and dropped connections as network errors', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await createEsploraClient({ baseUrl: `http://127.0.0.1:${port}` })
      .tipHeight()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', host: `127.0.0.1:${port}` });
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    serve({ '/blocks/tip/height': (req) => req.socket.destroy() });
    await expectError(mk().tipHeight(), 'network');
  });

  it('checks the txid a broadcast answers with', async () => {
    const hex = signTx([{ key: alice, txid: TXID, vout: 0, value: 10_000n }], [{ address: carol.address, value: 9_000n }]).hex;
    serve({ '/tx': (_q, res) => res.writeHead(200).end('cd'.repeat(32)) });
    await expectError(mk().broadcast(hex), 'garbage', /transaction's txid is/);
    serve({ '/tx': (_q, res) => res.writeHead(200).end('thanks!') });
    await expectError(mk().broadcast(hex), 'garbage', /not a txid/);
    serve({ '/tx': (_q, res) => res.writeHead(400).end('sendrawtransaction RPC error: {"code":-25,"message":"bad-txns-inputs-missingorspent"}') });
    const e = await expectError(mk().broadcast(hex), 'http', /transaction rejected: bad-txns-inputs-missingorspent/);
    expect(e.rejectReason).toBe('bad-txns-inputs-missingorspent');
    serve({ '/tx': (_q, res) => res.writeHead(200).end(txidOf(hex)) });
    expect(await mk().broadcast(hex)).toBe(txidOf(hex));
  });

  it('checks that a raw transaction is the one asked for (its hash is the txid)', async () => {
    const hex = signTx([{ key: alice, txid: TXID, vout: 0, value: 10_000n }], [{ address: carol.address, value: 9_000n }]).hex;
    const id = txidOf(hex)!;
    const other = signTx([{ key: alice, txid: TXID, vout: 0, value: 10_000n }], [{ address: carol.address, value: 8_000n }]).hex;
    serve({ [`/tx/${id}/hex`]: other });
    await expectError(mk().txHex(id), 'garbage', /answered with another transaction/);
    serve({ [`/tx/${id}/hex`]: 'not hex' });
    await expectError(mk().txHex(id), 'garbage', /not a raw transaction/);
    serve({ [`/tx/${id}/hex`]: hex });
    expect(await mk().txHex(id)).toBe(hex);
    serve({ [`/tx/${id}/outspends`]: '[{"spent":true}]' });
    await expectError(mk().outspends(id), 'garbage');
  });
});

describe('feeTiers', () => {
  it('maps targets to speeds, filling gaps from neighbours', () => {
    expect(feeTiers({ '2': 20, '5': 9, '10': 4, '144': 1.5 })).toEqual({ fast: 20, normal: 9, slow: 4 });
    expect(feeTiers({ '3': 12, '25': 2 })).toEqual({ fast: 12, normal: 12, slow: 12 }); // no target ≤ 24 but 3: use it
    expect(feeTiers({ '144': 3 })).toEqual({ fast: 3, normal: 3, slow: 3 });
  });

  it('never goes below the floor, keeps slow ≤ normal ≤ fast, rounds up to 0.1', () => {
    expect(feeTiers({})).toEqual({ fast: 1, normal: 1, slow: 1 });
    expect(feeTiers({ '1': 0.2, '6': 0.1, '24': 0.1 })).toEqual({ fast: 1, normal: 1, slow: 1 });
    expect(feeTiers({ '1': 2, '6': 5, '24': 8 })).toEqual({ fast: 8, normal: 8, slow: 8 });
    expect(feeTiers({ '1': 10.01, '6': 4.44, '24': 1.05 })).toEqual({ fast: 10.1, normal: 4.5, slow: 1.1 });
    expect(feeTiers({ '1': 3 }, 5)).toEqual({ fast: 5, normal: 5, slow: 5 });
  });
});

describe('txidOf', () => {
  it('computes segwit and legacy txids, refuses junk', () => {
    const signed = signTx([{ key: bob, txid: TXID_, vout: 1, value: 50_000n }], [{ address: alice.address, value: 49_000n }]);
    expect(txidOf(signed.hex)).toBe(signed.txid);
    const genesisCoinbase =
      '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000';
    expect(txidOf(genesisCoinbase)).toBe('4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b');
    expect(txidOf(signed.hex + '00')).toBeUndefined();
    expect(txidOf(signed.hex.slice(0, -2))).toBeUndefined();
    expect(txidOf('zz')).toBeUndefined();
  });
});

const TXID_ = '12'.repeat(32);

/** A plausible esplora tx JSON (p2wpkh → p2wpkh, fee 141). */
function fakeTx(txid: string) {
  const out = { scriptpubkey: '0014' + '11'.repeat(20), scriptpubkey_asm: 'OP_0 OP_PUSHBYTES_20 ' + '11'.repeat(20), scriptpubkey_type: 'v0_p2wpkh', scriptpubkey_address: alice.address, value: 10_000 };
  return {
    txid,
    version: 2,
    locktime: 0,
    vin: [{ txid: TXID_, vout: 0, prevout: { ...out, value: 10_141 }, scriptsig: '', scriptsig_asm: '', witness: ['30', '02'], is_coinbase: false, sequence: 4294967293 }],
    vout: [out],
    size: 222,
    weight: 561,
    fee: 141,
    status: { confirmed: false },
  };
}
