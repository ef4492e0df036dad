import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { ROOT } from './paths';

/**
 * Random and mutated EIP-1193 requests for the provider fuzzer (issue 7, case 18).
 *
 * Requests are generated in Node with fast-check and travel to the page as JSON text; values
 * JSON cannot carry (NaN, BigInt, functions, symbols, huge strings, deep or cyclic objects,
 * Proxies) are sentinel strings that the page turns into the real thing (PAGE_REVIVER). Object
 * keys travel as entry lists so that `__proto__` arrives as an own key, as a hostile page
 * would build it, instead of setting a prototype.
 */

export interface FuzzRequest {
  /** How request() is called: normal `{ method, params? }`, or a malformed argument. */
  shape: 'normal' | 'no-params' | 'undefined-args' | 'null-args' | 'string-args' | 'array-args' | 'method-not-string' | 'params-string' | 'throwing-getter' | 'revoked-proxy';
  method: string;
  /** JSON text of the params (with sentinels), for 'normal'. */
  params?: string;
}

/** The wallet's real Ethereum method names, read from the source (DESIGN §5's list as built). */
export function realMethods(): string[] {
  const text = ['src/background/handlers/eth/index.ts', 'src/background/handlers/eth/read-only.ts'].map((f) => readFileSync(resolve(ROOT, f), 'utf8')).join('\n');
  const names = new Set([...text.matchAll(/'((?:eth|net|wallet|personal|web3)_[A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
  return [...names].sort();
}

/** The methods the wallet forwards to the node (its answers, -32603 included, are the node's). */
export function forwardedMethods(): Set<string> {
  const text = readFileSync(resolve(ROOT, 'src/background/handlers/eth/read-only.ts'), 'utf8');
  return new Set([...text.matchAll(/^ {2}'([a-z0-9]+_[A-Za-z0-9]+)',$/gm)].map((m) => m[1]!));
}

/**
 * The sats-connect dialect's method names (what a Bitcoin dApp sends to `request()`), read from
 * the source, plus the canonical background names (a page may send those too).
 */
export function realBtcMethods(): string[] {
  const dialect = readFileSync(resolve(ROOT, 'src/inpage/bitcoin-sats-connect.ts'), 'utf8');
  const handlers = [...dialect.matchAll(/^ {4}([A-Za-z_]+): \(/gm)].map((m) => m[1]!);
  const canonical = [...readFileSync(resolve(ROOT, 'src/shared/btc-protocol.ts'), 'utf8').matchAll(/^ {2}'([A-Za-z]+)',$/gm)].map((m) => m[1]!);
  return [...new Set([...handlers, ...canonical])].sort();
}

const OBJ = '\u0000obj';
const S = (name: string) => `\u0000${name}`;

/** JSON-able stand-in for any value: objects become { [OBJ]: [[key, value], ...] }. */
type Spec = string | number | boolean | null | Spec[] | { [OBJ]: [string, Spec][] };

const ACCOUNTS = ['0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'];
/** Account 0's SegWit address of the "test … junk" phrase on regtest (the E2E build's network). */
const BTC_ADDRESS = 'bcrt1qquv9lg5g2r4jkr0ahun0ddfg5xntxjelwjpnuw';

const specials = fc.constantFrom(
  S('NaN'),
  S('Infinity'),
  S('-Infinity'),
  S('bigint'), // 2n ** 256n
  S('undefined'),
  S('function'),
  S('symbol'),
  S('date'),
  S('regexp'),
  S('map'),
  S('cyclic'),
  S('proxy-throws'),
  S('deep:70'),
  S('deep:150'),
  S('deep:5000'),
);

const numbers = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, -0, 1, 2 ** 53, 2 ** 53 + 2, 2 ** 256, 1e308, -1e308, 5e-324, 31337, 4294967296),
);
const hexChars = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const hexish = fc.oneof(
  fc.string({ unit: hexChars, maxLength: 70 }).map((h) => `0x${h}`),
  fc.constantFrom('0x', '0x0', '0x1', '0x7a69', '0x00', '0xg', '7a69', '0X7A69', ...ACCOUNTS, '0x' + 'ff'.repeat(32), '0x' + 'f'.repeat(65)),
);
const strings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 4, arbitrary: hexish },
  { weight: 2, arbitrary: fc.constantFrom('latest', 'pending', 'earliest', 'safe', '__proto__', 'constructor', '', ' ', 'ERC20', 'ERC721', '2.0.0', 'http://127.0.0.1:9', 'javascript:alert(1)') },
);
const keys = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'then',
      'hasOwnProperty',
      'from',
      'to',
      'data',
      'value',
      'gas',
      'nonce',
      'chainId',
      'message',
      'types',
      'domain',
      'primaryType',
      'type',
      'options',
      'address',
      'calls',
      'eth_accounts',
    ),
  },
);

const leaf: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 6, arbitrary: strings },
  { weight: 4, arbitrary: numbers },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: specials },
);

const { value } = fc.letrec<{ value: Spec; arr: Spec[]; obj: { [OBJ]: [string, Spec][] } }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 4 }),
  obj: fc.array(fc.tuple(keys, tie('value')), { maxLength: 4 }).map((entries) => ({ [OBJ]: entries })),
}));

const obj = (o: Record<string, Spec>): Spec => ({ [OBJ]: Object.entries(o) });
const TYPED = JSON.stringify({
  types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Msg: [{ name: 'x', type: 'uint256' }] },
  primaryType: 'Msg',
  domain: { chainId: 31337 },
  message: { x: 1 },
});

/** Well-formed params per method: the starting points of the mutations. */
const TEMPLATES: Record<string, Spec> = {
  eth_getBalance: [ACCOUNTS[0]!, 'latest'],
  eth_call: [obj({ to: ACCOUNTS[1]!, data: '0x' }), 'latest'],
  eth_estimateGas: [obj({ from: ACCOUNTS[0]!, to: ACCOUNTS[1]!, value: '0x1' })],
  eth_getBlockByNumber: ['latest', false],
  eth_getLogs: [obj({ fromBlock: '0x0', toBlock: 'latest' })],
  eth_getTransactionCount: [ACCOUNTS[0]!, 'latest'],
  personal_sign: ['0x6869', ACCOUNTS[0]!],
  eth_signTypedData_v4: [ACCOUNTS[0]!, TYPED],
  eth_signTypedData_v3: [ACCOUNTS[0]!, TYPED],
  eth_sendTransaction: [obj({ from: ACCOUNTS[0]!, to: ACCOUNTS[1]!, value: '0x1' })],
  wallet_switchEthereumChain: [obj({ chainId: '0x1' })],
  wallet_addEthereumChain: [
    obj({ chainId: '0x7a6a', chainName: 'fuzz', rpcUrls: ['http://127.0.0.1:9'], nativeCurrency: obj({ name: 'E', symbol: 'E', decimals: 18 }) }),
  ],
  wallet_watchAsset: obj({ type: 'ERC20', options: obj({ address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'TST', decimals: 18 }) }),
  wallet_requestPermissions: [obj({ eth_accounts: obj({}) })],
  wallet_getCapabilities: [ACCOUNTS[0]!, ['0x7a69']],
  wallet_sendCalls: [
    obj({ version: '2.0.0', chainId: '0x7a69', from: ACCOUNTS[0]!, atomicRequired: false, calls: [obj({ to: ACCOUNTS[1]!, value: '0x1' })] }),
  ],
  wallet_getCallsStatus: ['0x' + '00'.repeat(32)],
  // Bitcoin (sats-connect request() params)
  getAddresses: obj({ purposes: ['payment', 'ordinals'] }),
  getAccounts: obj({ purposes: ['payment'] }),
  wallet_connect: obj({ addresses: ['payment', 'ordinals'] }),
  signMessage: obj({ address: BTC_ADDRESS, message: 'fuzz', protocol: 'ECDSA' }),
  signPsbt: obj({ psbt: 'cHNidP8BAAoCAAAAAAAAAAAAAAA=', signInputs: obj({ [BTC_ADDRESS]: [0] }), broadcast: false }),
  sendTransfer: obj({ recipients: [obj({ address: BTC_ADDRESS, amount: 1000 })] }),
};

/** Replaces, drops or adds one node somewhere in `spec` (path chosen by `pick`). */
function mutateAt(spec: Spec, pick: number[], replacement: Spec, op: 'replace' | 'drop' | 'add' | 'wrap'): Spec {
  const kids: Spec[] | null = Array.isArray(spec) ? spec : spec && typeof spec === 'object' ? spec[OBJ].map(([, v]) => v) : null;
  const [head, ...rest] = pick;
  if (!kids || kids.length === 0 || head === undefined || rest.length === 0 || Math.abs(head) % 3 === 0) {
    if (op === 'wrap') return [spec];
    if (!kids || op === 'replace') return replacement;
    if (Array.isArray(spec)) {
      const i = Math.abs(head ?? 0) % Math.max(1, spec.length);
      return op === 'drop' ? spec.filter((_, j) => j !== i) : [...spec, replacement];
    }
    const entries = (spec as { [OBJ]: [string, Spec][] })[OBJ];
    const i = Math.abs(head ?? 0) % Math.max(1, entries.length);
    return { [OBJ]: op === 'drop' ? entries.filter((_, j) => j !== i) : [...entries, ['__proto__', replacement]] };
  }
  const i = Math.abs(head) % kids.length;
  if (Array.isArray(spec)) return spec.map((v, j) => (j === i ? mutateAt(v, rest, replacement, op) : v));
  return { [OBJ]: (spec as { [OBJ]: [string, Spec][] })[OBJ].map(([k, v], j) => [k, j === i ? mutateAt(v, rest, replacement, op) : v]) };
}

function nearMiss(methods: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...methods), fc.nat(), fc.nat(0xffff)).map(([m, n, code]) => {
    const i = n % m.length;
    switch (n % 11) {
      case 0:
        return m.toUpperCase();
      case 1:
        return `${m} `;
      case 2:
        return m.slice(0, i) + m.slice(i + 1);
      case 3:
        return m.slice(0, i) + String.fromCharCode(code) + m.slice(i);
      case 4:
        return `${m}\u0000`;
      case 5:
        return m.replace('e', '\u0435'); // Cyrillic е
      case 6:
        return m.replace('_', '-');
      case 7:
        return `${m}_v5`;
      case 8:
        return `wallet_${m}`;
      case 9:
        return m.replace(/^[a-z]+_/, 'debug_');
      default:
        return m + m;
    }
  });
}

export function requestArbitrary(methods: string[]): fc.Arbitrary<FuzzRequest> {
  const special = fc.constantFrom(
    '',
    'eth_sign',
    'eth_sendRawTransaction',
    'eth_signTransaction',
    'debug_traceTransaction',
    'admin_peers',
    'personal_unlockAccount',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'getAccounts',
    'x'.repeat(129),
    'eth_'.repeat(40),
  );
  const method = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...methods) },
    { weight: 5, arbitrary: nearMiss(methods) },
    { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 2, arbitrary: special },
  );
  const templated = Object.keys(TEMPLATES).filter((m) => methods.includes(m));
  const mutated = fc
    .tuple(fc.constantFrom(...templated), fc.array(fc.integer(), { minLength: 1, maxLength: 5 }), value, fc.constantFrom<'replace' | 'drop' | 'add' | 'wrap'>('replace', 'drop', 'add', 'wrap'), fc.nat(4))
    .map(([m, pick, replacement, op, times]): FuzzRequest => {
      let spec: Spec = TEMPLATES[m]!;
      for (let i = 0; i <= times % 2; i++) spec = mutateAt(spec, pick.slice(i), replacement, op);
      return { shape: 'normal', method: m, params: JSON.stringify(spec) };
    });
  const random = fc.tuple(method, fc.oneof(fc.array(value, { maxLength: 4 }), value), fc.noBias(fc.nat(80))).map(([m, params, r]): FuzzRequest => {
    // ~1 in 27: a huge string (100 KB, 300 KB, or 1.2 MB: over the relay's 1 MB limit).
    if (r < 3) return { shape: 'normal', method: m, params: JSON.stringify([params, S(['huge:100000', 'huge:300000', 'huge:1200000'][r]!)]) };
    if (r < 8) return { shape: 'no-params', method: m };
    return { shape: 'normal', method: m, params: JSON.stringify(params) };
  });
  const malformed = fc
    .tuple(fc.constantFrom(...(['undefined-args', 'null-args', 'string-args', 'array-args', 'method-not-string', 'params-string', 'throwing-getter', 'revoked-proxy'] as const)), fc.constantFrom(...methods))
    .map(([shape, m]): FuzzRequest => ({ shape, method: m }));
  return fc.oneof({ weight: 45, arbitrary: random }, { weight: 45, arbitrary: mutated }, { weight: 4, arbitrary: malformed }, { weight: 6, arbitrary: fc.constantFrom<FuzzRequest>(...templated.map((m) => ({ shape: 'normal' as const, method: m, params: JSON.stringify(TEMPLATES[m]) }))) });
}

export function sampleRequests(methods: string[], count: number, seed: number): FuzzRequest[] {
  return fc.sample(requestArbitrary(methods), { numRuns: count, seed });
}

/**
 * Runs in the page: fires every request at once through window.ethereum.request, each
 * recorded in window.advFuzz (index → outcome). Returns immediately; the test polls.
 */
export const PAGE_FIRE = (batch: { offset: number; requests: FuzzRequest[]; target?: 'eth' | 'btc' }): void => {
  type Outcome = { state: 'pending' } | { state: 'result' } | { state: 'error'; code: unknown; message: unknown; isError: boolean; reason?: unknown };
  const w = window as unknown as {
    advFuzz?: Record<number, Outcome>;
    ethereum: { request(a: unknown): Promise<unknown> };
    duowallet: { satsConnect: { request(m: unknown, p?: unknown): Promise<unknown> } };
  };
  // Bitcoin: sats-connect's request(method, params), which always resolves a JSON-RPC
  // envelope; an error envelope counts as an error, an envelope with neither field as invalid.
  const btcRequest = (args: unknown): Promise<unknown> => {
    let method: unknown = args;
    let params: unknown;
    try {
      if (args && typeof args === 'object' && !Array.isArray(args)) ({ method, params } = args as { method?: unknown; params?: unknown });
    } catch {
      method = args; // a throwing getter / revoked proxy: handed over as the method itself
    }
    return w.duowallet.satsConnect.request(method, params).then((res) => {
      const r = res as { result?: unknown; error?: { code?: unknown; message?: unknown } } | null;
      if (r && typeof r === 'object' && 'error' in r && r.error) throw Object.assign(new Error(String(r.error.message)), { code: r.error.code });
      if (!r || typeof r !== 'object' || !('result' in r)) throw Object.assign(new Error(`invalid envelope ${JSON.stringify(r)}`), { code: 'invalid envelope' });
      return r.result;
    });
  };
  const store = (w.advFuzz ??= {});
  const SENTINEL = '\u0000';
  const special = (name: string): unknown => {
    if (name === 'NaN') return NaN;
    if (name === 'Infinity') return Infinity;
    if (name === '-Infinity') return -Infinity;
    if (name === 'bigint') return 2n ** 256n;
    if (name === 'undefined') return undefined;
    if (name === 'function') return () => 1;
    if (name === 'symbol') return Symbol('fuzz');
    if (name === 'date') return new Date(0);
    if (name === 'regexp') return /x/g;
    if (name === 'map') return new Map([[1, 2]]);
    if (name === 'cyclic') {
      const o: Record<string, unknown> = { a: 1 };
      o['self'] = o;
      return o;
    }
    if (name === 'proxy-throws') {
      return new Proxy(
        {},
        {
          get() {
            throw new Error('fuzz proxy');
          },
          ownKeys() {
            throw new Error('fuzz proxy');
          },
        },
      );
    }
    const [kind, n] = name.split(':');
    if (kind === 'huge') return 'h'.repeat(Number(n));
    if (kind === 'deep') {
      let v: unknown = 'bottom';
      for (let i = 0; i < Number(n); i++) v = i % 2 ? [v] : { d: v };
      return v;
    }
    return name;
  };
  const revive = (_k: string, v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith(SENTINEL)) return special(v.slice(1));
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '\u0000obj')) {
      const o: Record<string, unknown> = {};
      for (const [k, val] of (v as Record<string, [string, unknown][]>)['\u0000obj']!) Object.defineProperty(o, k, { value: val, enumerable: true, writable: true, configurable: true });
      return o;
    }
    return v;
  };
  batch.requests.forEach((r, i) => {
    const index = batch.offset + i;
    store[index] = { state: 'pending' };
    let args: unknown;
    switch (r.shape) {
      case 'normal':
        args = { method: r.method, params: JSON.parse(r.params ?? 'null', revive) as unknown };
        break;
      case 'no-params':
        args = { method: r.method };
        break;
      case 'undefined-args':
        args = undefined;
        break;
      case 'null-args':
        args = null;
        break;
      case 'string-args':
        args = r.method;
        break;
      case 'array-args':
        args = [{ method: r.method }];
        break;
      case 'method-not-string':
        args = { method: { toString: () => r.method } };
        break;
      case 'params-string':
        args = { method: r.method, params: 'not an array' };
        break;
      case 'throwing-getter':
        args = {
          get method(): string {
            throw new Error('fuzz getter');
          },
        };
        break;
      case 'revoked-proxy': {
        const { proxy, revoke } = Proxy.revocable({ method: r.method }, {});
        revoke();
        args = proxy;
        break;
      }
    }
    let p: Promise<unknown>;
    try {
      p = batch.target === 'btc' ? btcRequest(args) : w.ethereum.request(args);
    } catch (e) {
      store[index] = { state: 'error', code: 'threw synchronously', message: String(e), isError: false };
      return;
    }
    p.then(
      () => (store[index] = { state: 'result' }),
      (e: unknown) => {
        const err = e as { code?: unknown; message?: unknown; data?: unknown } | null;
        // data.reason 'internal' is how the worker reports a crash it did not expect.
        const data = err?.data;
        const reason = data && typeof data === 'object' ? (data as { reason?: unknown }).reason : undefined;
        store[index] = { state: 'error', code: err?.code, message: err?.message, isError: e instanceof Error, ...(reason === undefined ? {} : { reason }) };
      },
    );
  });
};
