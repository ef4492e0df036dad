// Esplora REST client (Blockstream esplora / mempool.space API) for the
// wallet's Bitcoin side. Pure TypeScript over `fetch` + AbortController, so it
// runs unchanged in the MV3 service worker, a page or Node.
//
// - Every answer is validated (valibot); anything unexpected becomes an
//   EsploraError ('timeout' | 'http' | 'garbage' | 'network') naming the host.
// - No request storms: answers are cached per instance until the chain tip
//   changes (the tip itself for a few seconds), identical GETs in flight are
//   shared, and at most `maxConcurrent` requests run at once.
import * as v from 'valibot';
import { EsploraError } from './errors';
import { feeTiers, type FeeTiers } from './fees';
import {
  AddressInfoSchema,
  DEFAULT_MAX_FEE_RATE,
  feeEstimatesSchema,
  hash64,
  OutspendsSchema,
  TxListSchema,
  TxSchema,
  TxStatusSchema,
  UtxoListSchema,
  type RawAddressInfo,
  type RawTx,
  type RawTxStatus,
} from './schemas';
import { txidOf } from './txid';

export type TxStatus = { confirmed: true; blockHeight: number; blockHash: string; blockTime: number } | { confirmed: false };

export interface EsploraUtxo {
  txid: string;
  vout: number;
  /** sats */
  value: bigint;
  status: TxStatus;
}

export interface EsploraOutput {
  /** scriptPubKey hex */
  script: string;
  /** esplora's scriptpubkey_type: v0_p2wpkh, v1_p2tr, p2pkh, p2sh, v0_p2wsh, op_return, … */
  scriptType: string;
  address?: string;
  /** sats */
  value: bigint;
}

export interface EsploraInput {
  txid: string;
  vout: number;
  isCoinbase: boolean;
  sequence: number;
  /** the output spent; null only for coinbase inputs */
  prevout: EsploraOutput | null;
  witness: string[];
}

export interface EsploraTx {
  txid: string;
  version: number;
  locktime: number;
  size: number;
  weight: number;
  vsize: number;
  /** sats */
  fee: bigint;
  inputs: EsploraInput[];
  outputs: EsploraOutput[];
  status: TxStatus;
}

/** Who spends an output (Esplora `/tx/:txid/outspends`, one entry per output). */
export type Outspend = { spent: false } | { spent: true; txid: string; vin: number; status: TxStatus };

export interface TxoStats {
  fundedTxoCount: number;
  fundedTxoSum: bigint;
  spentTxoCount: number;
  spentTxoSum: bigint;
  txCount: number;
}

export interface AddressBalance {
  address: string;
  /** confirmed sats (chain funded − chain spent) */
  confirmed: bigint;
  /** net effect of unconfirmed transactions (mempool funded − mempool spent); negative while a send is pending */
  unconfirmed: bigint;
  /** confirmed + unconfirmed */
  total: bigint;
}

export interface AddressStats extends AddressBalance {
  chain: TxoStats;
  mempool: TxoStats;
  txCount: number;
}

export interface EsploraClientOptions {
  /** e.g. https://blockstream.info/api, https://mempool.space/testnet4/api, http://127.0.0.1:3002 */
  baseUrl: string;
  /** per request, including reading the body (default 10 s) */
  timeoutMs?: number;
  /** injected fetch (tests); default globalThis.fetch */
  fetch?: typeof fetch;
  /** how long `tipHeight()` is reused (default 5 s) */
  tipTtlMs?: number;
  /** upper bound on reusing tip-keyed answers even if the tip did not move, so new mempool activity shows (default 30 s) */
  maxAgeMs?: number;
  /** requests in flight at once per client (default 6) */
  maxConcurrent?: number;
  /** answers larger than this are 'garbage' (default 8 MB) */
  maxResponseBytes?: number;
  /** floor of every fee tier, sat/vB (default 1) */
  minFeeRate?: number;
  /** fee estimates above this are 'garbage' (default 10 000 sat/vB) */
  maxFeeRate?: number;
  /** clock for the caches (tests) */
  now?: () => number;
}

export interface EsploraClient {
  readonly baseUrl: string;
  readonly host: string;
  tipHeight(): Promise<number>;
  /** Hash of the block at `height` (height 0: the genesis block, which names the network). */
  blockHashAt(height: number): Promise<string>;
  utxos(address: string): Promise<EsploraUtxo[]>;
  /** newest first: up to 50 unconfirmed, then the 25 newest confirmed (one Esplora page) */
  addressTxs(address: string): Promise<EsploraTx[]>;
  /** the next 25 confirmed transactions after `lastSeenTxid` (paging `addressTxs`) */
  addressTxsAfter(address: string, lastSeenTxid: string): Promise<EsploraTx[]>;
  addressStats(address: string): Promise<AddressStats>;
  /** the transaction, or null when the server does not know it (never seen, dropped or replaced) */
  tx(txid: string): Promise<EsploraTx | null>;
  /**
   * The raw transaction (hex, with witnesses), checked against `txid` (its hash must be it): an
   * answer the server cannot forge, unlike the JSON of `tx()`. null when the server does not know it.
   */
  txHex(txid: string): Promise<string | null>;
  /** For each output of `txid`: unspent, or the transaction (confirmed or in the mempool) spending it. null when unknown. */
  outspends(txid: string): Promise<Outspend[] | null>;
  /** Esplora answers {confirmed:false} for unknown txids too: use `tx()` to tell "dropped" apart */
  txStatus(txid: string): Promise<TxStatus>;
  feeEstimates(): Promise<FeeTiers>;
  /** raw estimates (target blocks → sat/vB), validated */
  rawFeeEstimates(): Promise<Record<string, number>>;
  /** broadcast raw tx hex; resolves to the txid. A refusal is EsploraError 'http' with `rejectReason`. */
  broadcast(txHex: string): Promise<string>;
  /** balances of several addresses, in input order, at most `concurrency` (default 4) fetched at once */
  balances(addresses: readonly string[], opts?: { concurrency?: number }): Promise<AddressBalance[]>;
  /** forget every cached answer */
  clearCache(): void;
}

interface CacheEntry {
  tip: number;
  at: number;
  value: unknown;
}

const MAX_CACHE_ENTRIES = 500;
const ADDRESS_RE = /^[A-Za-z0-9]{14,100}$/;
const TXID_RE = /^[0-9a-fA-F]{64}$/;

export function createEsploraClient(opts: EsploraClientOptions): EsploraClient {
  let base: URL;
  try {
    base = new URL(opts.baseUrl);
  } catch {
    throw new TypeError(`invalid Esplora base URL: ${opts.baseUrl}`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError(`Esplora base URL must be http(s): ${opts.baseUrl}`);
  if (base.username || base.password) throw new TypeError('Esplora base URL must not contain credentials');
  const baseUrl = (base.origin + base.pathname).replace(/\/+$/, '');
  const host = base.host;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const tipTtlMs = opts.tipTtlMs ?? 5_000;
  const maxAgeMs = opts.maxAgeMs ?? 30_000;
  const maxResponseBytes = opts.maxResponseBytes ?? 8_000_000;
  const minFeeRate = opts.minFeeRate ?? 1;
  const feeSchema = feeEstimatesSchema(opts.maxFeeRate ?? DEFAULT_MAX_FEE_RATE);
  const now = opts.now ?? (() => Date.now());
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));

  // ---- concurrency limit --------------------------------------------------------------------
  const maxConcurrent = Math.max(1, opts.maxConcurrent ?? 6);
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<void> => {
    if (running < maxConcurrent) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  // ---- one HTTP request ---------------------------------------------------------------------
  const fail = (kind: EsploraError['kind'], request: string, detail: string, extra?: EsploraError['extra']) =>
    new EsploraError(kind, host, request, detail, extra);

  async function request(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; text: string }> {
    const label = `${method} ${path}`;
    await acquire();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      let res: Response;
      try {
        res = await doFetch(baseUrl + path, {
          method,
          signal: controller.signal,
          headers: method === 'POST' ? { 'content-type': 'text/plain' } : { accept: 'application/json, text/plain' },
          ...(body === undefined ? {} : { body }),
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch (e) {
        if (timedOut) throw fail('timeout', label, `no answer within ${timeoutMs} ms`);
        throw fail('network', label, `unreachable (${errorText(e)})`, { cause: e });
      }
      let text: string;
      try {
        text = await readText(res, maxResponseBytes);
      } catch (e) {
        if (timedOut) throw fail('timeout', label, `answer not complete within ${timeoutMs} ms`);
        if (e instanceof TooLarge) throw fail('garbage', label, `answer larger than ${maxResponseBytes} bytes`);
        if (e instanceof TypeError && /decode|utf/i.test(e.message)) throw fail('garbage', label, 'answer is not valid UTF-8 text');
        throw fail('network', label, `connection broke while reading the answer (${errorText(e)})`, { cause: e });
      }
      return { status: res.status, text };
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** GET a 2xx answer's text; non-2xx is an 'http' error (unless `allow404`, which yields null). */
  async function getText(path: string, allow404 = false): Promise<string | null> {
    const { status, text } = await request('GET', path);
    if (status === 404 && allow404) return null;
    if (status < 200 || status > 299) throw fail('http', `GET ${path}`, `HTTP ${status}${snippet(text)}`, { status });
    return text;
  }

  function parseJson<S extends v.GenericSchema>(path: string, text: string, schema: S): v.InferOutput<S> {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw fail('garbage', `GET ${path}`, `answer is not JSON${snippet(text)}`);
    }
    const r = v.safeParse(schema, data);
    if (!r.success) {
      const issue = r.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      throw fail('garbage', `GET ${path}`, `unexpected answer${where ? ` at ${where}` : ''}: ${issue.message}`);
    }
    return r.output;
  }

  // ---- dedup + cache ------------------------------------------------------------------------
  const inflight = new Map<string, Promise<unknown>>();
  const cache = new Map<string, CacheEntry>();
  let tipCache: { value: number; at: number } | undefined;

  function dedup<T>(key: string, run: () => Promise<T>): Promise<T> {
    const existing = inflight.get(key);
    if (existing) return existing as Promise<T>;
    const p = run().finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  function remember(key: string, tip: number, value: unknown): void {
    cache.delete(key);
    cache.set(key, { tip, at: now(), value });
    while (cache.size > MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  }

  /** Answer for `key`, reused while the tip stays the same (and for at most maxAgeMs). */
  async function byTip<T>(key: string, load: () => Promise<T>): Promise<T> {
    const tip = await tipHeight();
    const hit = cache.get(key);
    if (hit && hit.tip === tip && now() - hit.at < maxAgeMs) return hit.value as T;
    const value = await dedup(key, load);
    remember(key, tip, value);
    return value;
  }

  function tipHeight(): Promise<number> {
    if (tipCache && now() - tipCache.at < tipTtlMs) return Promise.resolve(tipCache.value);
    return dedup('tip', async () => {
      const path = '/blocks/tip/height';
      const text = (await getText(path))!.trim();
      if (!/^\d{1,9}$/.test(text)) throw fail('garbage', `GET ${path}`, `tip height is not a number${snippet(text)}`);
      const value = Number(text);
      if (tipCache && value !== tipCache.value) {
        for (const [k, e] of cache) if (e.tip !== value && !k.startsWith('tx-confirmed:')) cache.delete(k);
      }
      tipCache = { value, at: now() };
      return value;
    });
  }

  // ---- argument checks (caller mistakes are TypeErrors, not server errors) --------------------
  const addr = (a: string): string => {
    if (typeof a !== 'string' || !ADDRESS_RE.test(a)) throw new TypeError(`not a Bitcoin address: ${String(a).slice(0, 120)}`);
    return a;
  };
  const txidArg = (t: string): string => {
    if (typeof t !== 'string' || !TXID_RE.test(t)) throw new TypeError(`not a txid: ${String(t).slice(0, 120)}`);
    return t.toLowerCase();
  };

  // ---- API ----------------------------------------------------------------------------------
  async function addressStats(address: string): Promise<AddressStats> {
    const a = addr(address);
    const path = `/address/${a}`;
    return byTip(`stats:${a}`, async () => {
      const info = parseJson(path, (await getText(path))!, AddressInfoSchema);
      return toStats(a, info, (d) => fail('garbage', `GET ${path}`, d));
    });
  }

  const client: EsploraClient = {
    baseUrl,
    host,
    tipHeight,

    async utxos(address) {
      const a = addr(address);
      const path = `/address/${a}/utxo`;
      return byTip(`utxo:${a}`, async () =>
        parseJson(path, (await getText(path))!, UtxoListSchema).map((u) => ({ txid: u.txid, vout: u.vout, value: BigInt(u.value), status: toStatus(u.status) })),
      );
    },

    async addressTxs(address) {
      const a = addr(address);
      const path = `/address/${a}/txs`;
      return byTip(`txs:${a}`, async () => parseJson(path, (await getText(path))!, TxListSchema).map(toTx));
    },

    async addressTxsAfter(address, lastSeenTxid) {
      const a = addr(address);
      const last = txidArg(lastSeenTxid);
      const path = `/address/${a}/txs/chain/${last}`;
      return byTip(`txs:${a}:${last}`, async () => parseJson(path, (await getText(path))!, TxListSchema).map(toTx));
    },

    addressStats,

    async blockHashAt(height) {
      if (!Number.isInteger(height) || height < 0 || height > 1e9) throw new TypeError(`invalid block height: ${height}`);
      const path = `/block-height/${height}`;
      const text = (await getText(path))!.trim().toLowerCase();
      if (!TXID_RE.test(text)) throw fail('garbage', `GET ${path}`, `block hash is not 32-byte hex${snippet(text)}`);
      return text;
    },

    async tx(txid) {
      const id = txidArg(txid);
      const confirmedKey = `tx-confirmed:${id}`;
      const hit = cache.get(confirmedKey);
      if (hit) return hit.value as EsploraTx; // a confirmed tx does not change
      const path = `/tx/${id}`;
      const tx = await byTip(`tx:${id}`, async () => {
        const text = await getText(path, true);
        if (text === null) return null;
        const raw = parseJson(path, text, TxSchema);
        if (raw.txid !== id) throw fail('garbage', `GET ${path}`, `answered with another transaction (${raw.txid})`);
        return toTx(raw);
      });
      if (tx?.status.confirmed) remember(confirmedKey, -1, tx);
      return tx;
    },

    async txHex(txid) {
      const id = txidArg(txid);
      const path = `/tx/${id}/hex`;
      // A txid names its transaction for good (witnesses aside): a checked answer never goes stale.
      const key = `tx-confirmed:hex:${id}`;
      const hit = cache.get(key);
      if (hit) return hit.value as string;
      const hex = await dedup(`hex:${id}`, async () => {
        const text = await getText(path, true);
        if (text === null) return null;
        const raw = text.trim().toLowerCase();
        if (!/^(?:[0-9a-f]{2})+$/.test(raw)) throw fail('garbage', `GET ${path}`, `answer is not a raw transaction in hex${snippet(text)}`);
        const actual = txidOf(raw);
        if (actual !== id) throw fail('garbage', `GET ${path}`, actual ? `answered with another transaction (${actual})` : 'answer does not parse as a transaction');
        return raw;
      });
      if (hex !== null) remember(key, -1, hex);
      return hex;
    },

    async outspends(txid) {
      const id = txidArg(txid);
      const path = `/tx/${id}/outspends`;
      return byTip(`outspends:${id}`, async () => {
        const text = await getText(path, true);
        if (text === null) return null;
        return parseJson(path, text, OutspendsSchema).map((o): Outspend => (o.spent ? { spent: true, txid: o.txid, vin: o.vin, status: toStatus(o.status) } : { spent: false }));
      });
    },

    async txStatus(txid) {
      const id = txidArg(txid);
      const path = `/tx/${id}/status`;
      return byTip(`status:${id}`, async () => toStatus(parseJson(path, (await getText(path))!, TxStatusSchema)));
    },

    rawFeeEstimates() {
      const path = '/fee-estimates';
      return byTip('fees', async () => parseJson(path, (await getText(path))!, feeSchema));
    },

    async feeEstimates() {
      return feeTiers(await client.rawFeeEstimates(), minFeeRate);
    },

    async broadcast(txHex) {
      const hex = typeof txHex === 'string' ? txHex.trim().toLowerCase() : '';
      if (!/^(?:[0-9a-f]{2})+$/.test(hex) || hex.length > 8_000_000) throw new TypeError('broadcast: not a raw transaction in hex');
      const path = '/tx';
      const label = `POST ${path}`;
      const { status, text } = await request('POST', path, hex);
      if (status < 200 || status > 299) {
        const rejected = parseReject(text);
        throw fail('http', label, `HTTP ${status}${rejected ? `: transaction rejected: ${rejected.message}` : snippet(text)}`, {
          status,
          ...(rejected ? { rejectReason: rejected.message, ...(rejected.code === undefined ? {} : { rejectCode: rejected.code }) } : {}),
        });
      }
      const txid = text.trim();
      if (!v.is(hash64, txid)) throw fail('garbage', label, `answer is not a txid${snippet(text)}`);
      const expected = txidOf(hex);
      if (expected !== undefined && expected !== txid) throw fail('garbage', label, `answered txid ${txid}, but the transaction's txid is ${expected}`);
      // The mempool changed: address answers cached for this tip are stale now.
      for (const k of [...cache.keys()]) if (!k.startsWith('tx-confirmed:')) cache.delete(k);
      return txid;
    },

    async balances(addresses, o = {}) {
      const list = addresses.map(addr);
      const limit = Math.max(1, Math.min(o.concurrency ?? 4, 16));
      const out: AddressBalance[] = new Array<AddressBalance>(list.length);
      let next = 0;
      let failed = false;
      const worker = async () => {
        while (!failed && next < list.length) {
          const i = next++;
          try {
            const s = await addressStats(list[i]!);
            out[i] = { address: s.address, confirmed: s.confirmed, unconfirmed: s.unconfirmed, total: s.total };
          } catch (e) {
            failed = true;
            throw e;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
      return out;
    },

    clearCache() {
      cache.clear();
      tipCache = undefined;
    },
  };
  return client;
}

// ---- helpers ----------------------------------------------------------------------------------

class TooLarge extends Error {}

/** Read a body as strict UTF-8, refusing more than `max` bytes. */
async function readText(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (!res.body) return decoder.decode(new Uint8Array(await res.arrayBuffer()));
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.byteLength;
  }
  return decoder.decode(all);
}

function errorText(e: unknown): string {
  const err = e as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code = typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
  const msg = typeof err?.message === 'string' ? err.message : String(e);
  return code ? `${msg}: ${code}` : msg;
}

/** A short, printable excerpt of a server's text for error messages. */
function snippet(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  if (!clean) return '';
  return `: "${clean.length > 200 ? clean.slice(0, 200) + '…' : clean}"`;
}

/** bitcoind's refusal as esplora/mempool.space relay it: `sendrawtransaction RPC error: {"code":-26,"message":"…"}`. */
function parseReject(text: string): { code?: number; message: string } | undefined {
  const m = /\{.*\}/s.exec(text);
  if (m) {
    try {
      const j = JSON.parse(m[0]) as { code?: unknown; message?: unknown };
      if (typeof j.message === 'string') {
        return { message: j.message.slice(0, 300), ...(typeof j.code === 'number' ? { code: j.code } : {}) };
      }
    } catch {
      // fall through to plain text
    }
  }
  const plain = text.replace(/[^\x20-\x7e]+/g, ' ').trim();
  return plain ? { message: plain.slice(0, 300) } : undefined;
}

function toStatus(s: RawTxStatus): TxStatus {
  return s.confirmed ? { confirmed: true, blockHeight: s.block_height, blockHash: s.block_hash, blockTime: s.block_time } : { confirmed: false };
}

function toTx(t: RawTx): EsploraTx {
  const out = (o: RawTx['vout'][number]): EsploraOutput => ({
    script: o.scriptpubkey,
    scriptType: o.scriptpubkey_type,
    ...(o.scriptpubkey_address === undefined ? {} : { address: o.scriptpubkey_address }),
    value: BigInt(o.value),
  });
  return {
    txid: t.txid,
    version: t.version,
    locktime: t.locktime,
    size: t.size,
    weight: t.weight,
    vsize: Math.ceil(t.weight / 4),
    fee: BigInt(t.fee),
    inputs: t.vin.map((i) => ({
      txid: i.txid,
      vout: i.vout,
      isCoinbase: i.is_coinbase,
      sequence: i.sequence,
      prevout: i.prevout ? out(i.prevout) : null,
      witness: i.witness ?? [],
    })),
    outputs: t.vout.map(out),
    status: toStatus(t.status),
  };
}

function toStats(address: string, info: RawAddressInfo, garbage: (detail: string) => EsploraError): AddressStats {
  if (info.address.toLowerCase() !== address.toLowerCase()) throw garbage(`answered for another address (${info.address.slice(0, 100)})`);
  const part = (p: RawAddressInfo['chain_stats']): TxoStats => ({
    fundedTxoCount: p.funded_txo_count,
    fundedTxoSum: BigInt(p.funded_txo_sum),
    spentTxoCount: p.spent_txo_count,
    spentTxoSum: BigInt(p.spent_txo_sum),
    txCount: p.tx_count,
  });
  const chain = part(info.chain_stats);
  const mempool = part(info.mempool_stats);
  const confirmed = chain.fundedTxoSum - chain.spentTxoSum;
  const unconfirmed = mempool.fundedTxoSum - mempool.spentTxoSum;
  if (confirmed < 0n) throw garbage('confirmed outputs spent exceed those funded');
  if (confirmed + unconfirmed < 0n) throw garbage('outputs spent exceed those funded');
  if (chain.spentTxoCount > chain.fundedTxoCount) throw garbage('more outputs spent than funded');
  return { address, chain, mempool, confirmed, unconfirmed, total: confirmed + unconfirmed, txCount: chain.txCount + mempool.txCount };
}
