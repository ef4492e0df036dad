// The one fee/waste formula both sides of the coin-selection bench are scored
// with: ours (src/core/bitcoin/coin-select.ts `evaluate`), specialised to what
// the bench uses: p2wpkh inputs, p2wpkh recipients, p2wpkh change.

import { dustLimit, feeFor, feeForWeight, INPUT_WEIGHT, OUTPUT_BYTES, overheadWeight, weightToVsize } from '../src/core/bitcoin/fees';

/** selectCoins defaults (Core's -consolidatefeerate and -discardfee), passed explicitly to ours. */
export const LONG_TERM_RATE = 10;
export const DISCARD_RATE = 3;

const IN_W = INPUT_WEIGHT.p2wpkh; // 272 WU = 68 vB
const OUT_W = OUTPUT_BYTES.p2wpkh * 4; // 31 vB
export const DUST = Number(dustLimit('p2wpkh')); // 294

const num = (x: bigint) => Number(x);

export function vsizeOf(inputs: number, outputs: number): number {
  return weightToVsize(overheadWeight(inputs, outputs) + inputs * IN_W + outputs * OUT_W);
}

export function feeNoChange(inputs: number, recipients: number, rate: number): number {
  return num(feeFor(vsizeOf(inputs, recipients), rate));
}

export interface Outcome {
  fee: number;
  change: number;
  vsize: number;
  /** Bitcoin Core's waste: Σ(input fee now − at the long-term rate) + (cost of change | excess) */
  waste: number;
}

/**
 * Fee, change and waste of spending these coins: change if what is left after
 * the fee-with-change is at least Core's min viable change, else the leftover
 * goes to the fee. null when the coins do not pay recipients + fee.
 */
export function assess(inputs: readonly number[], recipients: readonly number[], rate: number): Outcome | null {
  const n = inputs.length;
  const k = recipients.length;
  if (n === 0) return null;
  const total = inputs.reduce((s, v) => s + v, 0);
  const out = recipients.reduce((s, v) => s + v, 0);
  const spendChangeLater = num(feeForWeight(IN_W, DISCARD_RATE));
  const costOfChange = num(feeForWeight(OUT_W, rate)) + spendChangeLater;
  const minChange = Math.max(DUST, spendChangeLater + 1);
  const inputWaste = n * (num(feeForWeight(IN_W, rate)) - num(feeForWeight(IN_W, LONG_TERM_RATE)));
  const vsizeNo = vsizeOf(n, k);
  const feeNo = num(feeFor(vsizeNo, rate));
  if (total < out + feeNo) return null;
  const vsizeCh = vsizeOf(n, k + 1);
  const feeCh = num(feeFor(vsizeCh, rate));
  const change = total - out - feeCh;
  if (change >= minChange) return { fee: feeCh, change, vsize: vsizeCh, waste: inputWaste + costOfChange };
  return { fee: total - out, change: 0, vsize: vsizeNo, waste: inputWaste + (total - out - feeNo) };
}

/**
 * Why a selection as its selector returned it is not a valid transaction
 * under our size model, or null when it is: inputs from the pool and distinct,
 * inputs = outputs + fee, fee ≥ vsize × rate, change 0 or ≥ dust.
 */
export function invalidReason(
  picked: readonly number[],
  poolSize: number,
  recipients: readonly number[],
  rate: number,
  fee: number,
  change: number,
  inputTotal: number,
): string | null {
  if (picked.length === 0) return 'no inputs';
  if (new Set(picked).size !== picked.length || picked.some((i) => !(i >= 0 && i < poolSize))) return 'bad or repeated input';
  const out = recipients.reduce((s, v) => s + v, 0);
  if (![fee, change].every(Number.isSafeInteger)) return 'non-integer amount';
  if (inputTotal !== out + fee + change) return 'inputs ≠ outputs + fee';
  const need = num(feeFor(vsizeOf(picked.length, recipients.length + (change > 0 ? 1 : 0)), rate));
  if (fee < need) return 'fee below vsize × rate';
  if (change !== 0 && change < DUST) return 'change below dust';
  return null;
}
