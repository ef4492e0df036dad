// Seeded random cases for the coin-selection bench (bench/coin-select-bench.ts).
// Every case is plain numbers (sats, sat/vB) so both selectors get the same data.

import { feeNoChange } from './coin-select-eval';

export interface CoinCase {
  id: number;
  /** sat/vB, an integer (coinselect refuses fractional rates) */
  rate: number;
  utxos: number[];
  recipients: number[];
  /** built so that some 1–3 coins pay the recipients + fee with no change (excess ≤ 20 × rate) */
  exact: boolean;
}

/** mulberry32: tiny, fast, deterministic; good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MIN_RECIPIENT = 1_000; // well above the 294-sat p2wpkh dust limit

/** Splits `amount` into `k` parts, each ≥ MIN_RECIPIENT (needs amount ≥ k × MIN_RECIPIENT). */
function split(amount: number, k: number, rnd: () => number): number[] {
  const spare = amount - k * MIN_RECIPIENT;
  const w = Array.from({ length: k }, () => rnd() + 0.05);
  const ws = w.reduce((s, x) => s + x, 0);
  const parts = w.map((x) => MIN_RECIPIENT + Math.floor((spare * x) / ws));
  parts[k - 1]! += amount - parts.reduce((s, x) => s + x, 0);
  return parts;
}

/**
 * `count` cases; the first `at500` have exactly 500 UTXOs, the rest 1..500
 * (half uniform, half log-uniform so small wallets are common too).
 */
export function makeCases(seed: number, count: number, at500: number): CoinCase[] {
  const rnd = mulberry32(seed);
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + rnd() * (Math.log(hi) - Math.log(lo)));
  const cases: CoinCase[] = [];
  for (let id = 0; id < count; id++) {
    const n = id < at500 ? 500 : rnd() < 0.5 ? 1 + Math.floor(rnd() * 500) : Math.min(500, Math.floor(logUniform(1, 501)));
    const utxos = Array.from({ length: n }, () => Math.round(logUniform(1_000, 1e8)));
    const rate = Math.min(200, Math.max(1, Math.round(logUniform(1, 200))));
    let k = 1 + Math.floor(rnd() * 3);
    let amount = -1;
    let exact = false;
    if (rnd() < 0.25) {
      const m = 1 + Math.floor(rnd() * Math.min(3, n));
      const picked = new Set<number>();
      while (picked.size < m) picked.add(Math.floor(rnd() * n));
      const sum = [...picked].reduce((s, i) => s + utxos[i]!, 0);
      const excess = rnd() < 0.5 ? 0 : Math.floor(rnd() * 20 * rate);
      amount = sum - feeNoChange(m, k, rate) - excess;
      while (k > 1 && amount < k * MIN_RECIPIENT) k--;
      exact = amount >= k * MIN_RECIPIENT;
    }
    if (amount < k * MIN_RECIPIENT) {
      const total = utxos.reduce((s, v) => s + v, 0);
      // Mostly a small share of the balance; 5 % of cases near or just over all of it.
      const share = rnd() < 0.05 ? 0.9 + rnd() * 0.2 : logUniform(0.0005, 1);
      amount = Math.max(k * MIN_RECIPIENT, Math.floor(total * share));
    }
    cases.push({ id, rate, utxos, recipients: split(amount, k, rnd), exact });
  }
  return cases;
}
