// Coin selection, ours (selectCoins) vs coinselect@3.1.13, on the same seeded
// random UTXO sets. Both sides' input sets are scored with ONE formula
// (bench/coin-select-eval.ts). Prints one JSON line last; run via bench/run.mjs
// (node --expose-gc --import tsx bench/coin-select-bench.ts). Env: BENCH_COIN_SEED,
// BENCH_COIN_CASES (default 1200, of which a sixth have exactly 500 UTXOs), BENCH_COIN_REPEAT
// (default 5: each case is run this many times per side and timed by its median run).
// Times are CPU time of this process (process.cpuUsage: µs, GC and compiler threads included),
// which time slices lost to other processes on a shared machine do not inflate; wall-clock
// times are reported beside them.

import { loadavg } from 'node:os';
import coinSelect from 'coinselect';
import { selectCoins, type Selection } from '../src/core/bitcoin/coin-select';
import { InsufficientFundsError } from '../src/core/bitcoin/errors';
import type { Utxo } from '../src/core/bitcoin/types';
import { makeCases, type CoinCase } from './coin-select-cases';
import { assess, DISCARD_RATE, invalidReason, LONG_TERM_RATE, type Outcome } from './coin-select-eval';

const SEED = Number(process.env['BENCH_COIN_SEED'] ?? 0x5eed2025);
const COUNT = Math.max(1, Number(process.env['BENCH_COIN_CASES'] ?? 1200));
const AT_500 = Math.ceil(COUNT / 6);
const REPEAT = Math.max(1, Number(process.env['BENCH_COIN_REPEAT'] ?? 5));
/** The per-case time goal (< 5 ms) applies to every case with at least this many UTXOs. */
const LARGE = 400;
const NET = 'mainnet';
const DEST = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu'; // BIP84 test vector m/84'/0'/0'/0/0
const TXID = 'ab'.repeat(32);

// coinselect byte model: p2wpkh input 41 + 27 = 68 vB and output 9 + 22 = 31 vB, as ours.
// The first target gets one byte more: coinselect's 10-byte overhead has no segwit
// marker/flag (0.5 vB), which our vsize rounds up to 11. (Its change output stays
// 34 bytes and its change threshold 148 × rate: those are not parameters.)
const IN_SCRIPT = { length: 27 };
const OUT_SCRIPT = { length: 22 };
const FIRST_OUT_SCRIPT = { length: 23 };

interface Picked {
  picked: number[];
  fee: number;
  change: number;
  /** as the selector reported it (coinselect reports none: NaN) */
  waste: number;
  /** CPU time of the call */
  ms: number;
  /** wall-clock time of the call */
  wall: number;
  algorithm: string;
}

/** Starts the clocks; the function returned reads CPU and wall time since, in ms. */
function start(): () => { ms: number; wall: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  return () => {
    const wall = performance.now() - t;
    const d = process.cpuUsage(cpu);
    return { ms: (d.user + d.system) / 1000, wall };
  };
}

function runOurs(c: CoinCase, utxos: Utxo[]): Picked {
  const recipients = c.recipients.map((v) => ({ address: DEST, value: BigInt(v) }));
  const params = { utxos, recipients, feeRate: c.rate, changeType: 'p2wpkh', network: NET, longTermFeeRate: LONG_TERM_RATE, discardFeeRate: DISCARD_RATE } as const;
  const clock = start();
  let s: Selection;
  try {
    s = selectCoins(params);
  } catch (e) {
    if (e instanceof InsufficientFundsError) return { picked: [], fee: 0, change: 0, waste: NaN, ...clock(), algorithm: 'none' };
    throw e;
  }
  const took = clock();
  return { picked: s.inputs.map((u) => u.vout), fee: Number(s.fee), change: Number(s.change), waste: s.waste, ...took, algorithm: s.algorithm };
}

function runTheirs(c: CoinCase, utxos: { i: number; value: number; script: { length: number } }[]): Picked {
  const targets = c.recipients.map((value, j) => ({ value, script: j === 0 ? FIRST_OUT_SCRIPT : OUT_SCRIPT }));
  const clock = start();
  const r = coinSelect(utxos, targets, c.rate);
  const took = clock();
  if (!r.inputs || !r.outputs) return { picked: [], fee: 0, change: 0, waste: NaN, ...took, algorithm: 'none' };
  const change = r.outputs.slice(targets.length).reduce((s, o) => s + o.value, 0);
  return { picked: r.inputs.map((u) => u.i), fee: r.fee, change, waste: NaN, ...took, algorithm: r.outputs.length > targets.length ? 'change' : 'no change' };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
}
const timing = (xs: number[]) => ({ cases: xs.length, median: pct(xs, 0.5), p95: pct(xs, 0.95), max: pct(xs, 1) });

function side() {
  return { slowest: { id: -1, n: 0, ms: 0 }, slowestWall: 0, failures: 0, invalid: 0, invalidReasons: {} as Record<string, number>, totalFee: 0, totalWaste: 0, ms: [] as number[], msLarge: [] as number[], wallLarge: [] as number[], algorithms: {} as Record<string, number> };
}
const bump = (o: Record<string, number>, k: string) => void (o[k] = (o[k] ?? 0) + 1);

const cases = makeCases(SEED, COUNT, AT_500);
const ours = side();
const theirs = side();
let theirsFeeAsReturned = 0;
let formulaMismatch = 0;
const cmp = { compared: 0, oursMoreFee: 0, oursLessFee: 0, equalFee: 0, oursMoreWaste: 0, oursLessWaste: 0, equalWaste: 0 };
const bands = [
  { label: `< ${LONG_TERM_RATE} sat/vB`, lo: 0, hi: LONG_TERM_RATE },
  { label: `≥ ${LONG_TERM_RATE} sat/vB`, lo: LONG_TERM_RATE, hi: Infinity },
].map((b) => ({ ...b, compared: 0, oursFee: 0, theirsFee: 0, oursMoreFee: 0, oursLessFee: 0 }));
const worst: { id: number; rate: number; n: number; exact: boolean; diff: number; ours: string; theirs: string }[] = [];
const bothFail = { count: 0 };
/** Cases where ours paid more fee, by how its waste compared (higher waste = a better selection was missed). */
const oursMoreFeeBy = { lowerWaste: 0, equalWaste: 0, higherWaste: 0 };
const missed: typeof worst = [];

function score(s: ReturnType<typeof side>, r: Picked, c: CoinCase): Outcome | null {
  s.ms.push(r.ms);
  if (r.ms > s.slowest.ms) s.slowest = { id: c.id, n: c.utxos.length, ms: r.ms };
  if (c.utxos.length >= LARGE) {
    s.msLarge.push(r.ms);
    s.wallLarge.push(r.wall);
  }
  bump(s.algorithms, r.algorithm);
  if (r.picked.length === 0) {
    s.failures++;
    return null;
  }
  const values = r.picked.map((i) => c.utxos[i] ?? NaN);
  const why = invalidReason(r.picked, c.utxos.length, c.recipients, c.rate, r.fee, r.change, values.reduce((a, v) => a + v, 0));
  if (why) {
    s.invalid++;
    bump(s.invalidReasons, why);
  }
  return assess(values, c.recipients, c.rate);
}

const describe = (r: Picked, o: Outcome) => `${r.algorithm}, ${r.picked.length} in, fee ${o.fee}, change ${o.change}, waste ${o.waste}`;

// Each side's own input shape, built per case (outside the timing) so the heap stays small
// and GC pauses do not land on whichever selection happens to run next.
const prepare = (c: CoinCase) => ({
  mine: c.utxos.map((value, vout): Utxo => ({ txid: TXID, vout, value: BigInt(value), address: DEST, confirmed: true, scriptType: 'p2wpkh' })),
  cs: c.utxos.map((value, i) => ({ i, value, script: IN_SCRIPT })),
});
// Warm-up (JIT) on the first cases, not recorded.
for (const c of cases.slice(0, 100)) {
  const { mine, cs } = prepare(c);
  runOurs(c, mine);
  runTheirs(c, cs);
}

// With --expose-gc (run.mjs passes it): a young-generation GC before each case, outside the
// timing, so a pause owed to earlier cases or to building the inputs does not land inside one.
const gc = (globalThis as { gc?: (o?: { type: 'minor' | 'major' }) => void }).gc;
/** One run, its times kept in `runs`. A case is scored by its first run's selection (both selectors are deterministic) and timed by its median run. */
function timed(run: () => Picked, runs: { ms: number[]; wall: number[] }): Picked {
  const r = run();
  runs.ms.push(r.ms);
  runs.wall.push(r.wall);
  return r;
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[(xs.length - 1) >> 1]!;
for (const c of cases) {
  const { mine, cs } = prepare(c);
  const runsA = { ms: [] as number[], wall: [] as number[] };
  const runsB = { ms: [] as number[], wall: [] as number[] };
  let a: Picked | undefined;
  let b: Picked | undefined;
  for (let k = 0; k < REPEAT; k++) {
    gc?.({ type: 'minor' });
    // Alternate who goes first so neither side always runs on a colder cache.
    if ((c.id + k) % 2) {
      const rb = timed(() => runTheirs(c, cs), runsB);
      const ra = timed(() => runOurs(c, mine), runsA);
      a ??= ra;
      b ??= rb;
    } else {
      const ra = timed(() => runOurs(c, mine), runsA);
      const rb = timed(() => runTheirs(c, cs), runsB);
      a ??= ra;
      b ??= rb;
    }
  }
  ours.slowestWall = Math.max(ours.slowestWall, ...runsA.wall);
  theirs.slowestWall = Math.max(theirs.slowestWall, ...runsB.wall);
  a = { ...a!, ms: median(runsA.ms), wall: median(runsA.wall) };
  b = { ...b!, ms: median(runsB.ms), wall: median(runsB.wall) };
  const oa = score(ours, a, c);
  const ob = score(theirs, b, c);
  // Self-check: the common formula must reproduce exactly what ours reported.
  if (oa && (oa.fee !== a.fee || oa.change !== a.change || oa.waste !== a.waste)) formulaMismatch++;
  if (a.picked.length === 0 && b.picked.length === 0) bothFail.count++;
  if (!oa || !ob) continue;
  cmp.compared++;
  ours.totalFee += oa.fee;
  theirs.totalFee += ob.fee;
  theirsFeeAsReturned += b.fee;
  ours.totalWaste += oa.waste;
  theirs.totalWaste += ob.waste;
  cmp[oa.fee > ob.fee ? 'oursMoreFee' : oa.fee < ob.fee ? 'oursLessFee' : 'equalFee']++;
  cmp[oa.waste > ob.waste ? 'oursMoreWaste' : oa.waste < ob.waste ? 'oursLessWaste' : 'equalWaste']++;
  const band = bands.find((x) => c.rate >= x.lo && c.rate < x.hi)!;
  band.compared++;
  band.oursFee += oa.fee;
  band.theirsFee += ob.fee;
  if (oa.fee > ob.fee) band.oursMoreFee++;
  if (oa.fee < ob.fee) band.oursLessFee++;
  if (oa.fee > ob.fee) {
    const w = { id: c.id, rate: c.rate, n: c.utxos.length, exact: c.exact, diff: oa.fee - ob.fee, ours: describe(a, oa), theirs: describe(b, ob) };
    worst.push(w);
    oursMoreFeeBy[oa.waste < ob.waste ? 'lowerWaste' : oa.waste === ob.waste ? 'equalWaste' : 'higherWaste']++;
    if (oa.waste > ob.waste) missed.push(w);
  }
}
worst.sort((x, y) => y.diff - x.diff);

const report = (s: ReturnType<typeof side>) => {
  const { ms, msLarge, wallLarge, ...rest } = s;
  return { ...rest, time: timing(ms), timeLarge: timing(msLarge), wallLarge: timing(wallLarge) };
};
console.log(
  JSON.stringify({
    seed: SEED,
    cases: COUNT,
    at500: cases.filter((c) => c.utxos.length === 500).length,
    large: LARGE,
    repeat: REPEAT,
    load: loadavg().map((l) => l.toFixed(1)).join(' / '),
    exactCases: cases.filter((c) => c.exact).length,
    bothFail: bothFail.count,
    formulaMismatch,
    ...cmp,
    ours: report(ours),
    theirs: { ...report(theirs), totalFeeAsReturned: theirsFeeAsReturned },
    bands,
    oursMoreFeeBy,
    worst: worst.slice(0, 3),
    missed: missed.sort((x, y) => y.diff - x.diff).slice(0, 3),
  }),
);
