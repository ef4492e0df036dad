// Coin selection: Bitcoin Core's branch-and-bound (exact match, no change)
// with simple change-producing fallbacks, compared by Core's "waste" metric.
// Frozen coins are filtered out before anything else, so no code path can
// spend them.
import { validateBtcAddress } from './address';
import { InsufficientFundsError, InvalidSendError } from './errors';
import {
  assertFeeRate,
  dustLimit,
  feeFor,
  feeForWeight,
  INPUT_WEIGHT,
  outputBytes,
  overheadWeight,
  weightToVsize,
} from './fees';
import { scriptLengthOf } from './address';
import type { BtcNetworkName } from '../keyring/networks';
import { MAX_MONEY, outpointKey, type OwnScriptType, type Recipient, type Utxo } from './types';

export interface SelectCoinsParams {
  utxos: readonly Utxo[];
  recipients: readonly Recipient[];
  /** sat/vB */
  feeRate: number;
  changeType: OwnScriptType;
  network: BtcNetworkName;
  /** `txid:vout` of coins the user froze; never selected. */
  frozen?: ReadonlySet<string>;
  /** 1 (default): confirmed coins only; 0: unconfirmed coins may be spent too. */
  minConfirmations?: number;
  /** Rate at which inputs are assumed to be spendable later (Core's -consolidatefeerate, 10 sat/vB). */
  longTermFeeRate?: number;
  /** Rate below which change is not worth creating (Core's -discardfee, 3 sat/vB). */
  discardFeeRate?: number;
  /** BnB search budget (Core: 100,000). */
  maxTries?: number;
}

export interface Selection {
  inputs: Utxo[];
  /** Total fee paid, including any change below dust that was dropped into it. */
  fee: bigint;
  /** Change amount, 0n when the transaction has no change output. */
  change: bigint;
  vsize: number;
  /** Bitcoin Core's waste score of this selection (sats; lower is better). */
  waste: number;
  algorithm: 'bnb' | 'largest-first' | 'single-coin';
}

interface Candidate {
  value: number;
  weight: number;
  /** value minus the (fractional) fee to spend it at the target rate */
  eff: number;
  fee: number;
  /** fee at the target rate minus fee at the long-term rate */
  waste: number;
  utxo: Utxo;
}

interface Pool {
  coins: Candidate[];
  excluded: { frozen: bigint; unconfirmed: bigint };
}

const toNum = (v: bigint): number => Number(v);

function validateRecipients(recipients: readonly Recipient[], network: BtcNetworkName): number[] {
  if (recipients.length === 0) throw new InvalidSendError('no_recipients', 'No recipients');
  return recipients.map((r, i) => {
    const v = validateBtcAddress(r.address, network);
    if (!v.ok) throw new InvalidSendError('bad_address', `Recipient ${i + 1}: ${v.reason}`);
    if (typeof r.value !== 'bigint' || r.value <= 0n || r.value > MAX_MONEY) {
      throw new InvalidSendError('bad_amount', `Recipient ${i + 1}: amount must be between 1 sat and 21M BTC`);
    }
    const dust = dustLimit(v.type);
    if (r.value < dust) {
      throw new InvalidSendError('dust', `Recipient ${i + 1}: ${r.value} sats is below the dust limit of ${dust} sats`);
    }
    return scriptLengthOf(v.type);
  });
}

function buildPool(p: SelectCoinsParams, rate: number, longTerm: number): Pool {
  // txids are hex: compare case-insensitively so a differently-cased freeze still holds.
  const frozen = new Set([...(p.frozen ?? [])].map((k) => k.toLowerCase()));
  const minConf = p.minConfirmations ?? 1;
  const excluded = { frozen: 0n, unconfirmed: 0n };
  const seen = new Set<string>();
  const coins: Candidate[] = [];
  for (const u of p.utxos) {
    const key = outpointKey(u);
    if (seen.has(key)) continue;
    seen.add(key);
    if (frozen.has(key)) {
      excluded.frozen += u.value;
      continue;
    }
    if (minConf >= 1 && !u.confirmed) {
      excluded.unconfirmed += u.value;
      continue;
    }
    if (u.value <= 0n || u.value > MAX_MONEY) continue;
    const w = INPUT_WEIGHT[u.scriptType];
    const fee = toNum(feeForWeight(w, rate));
    const value = toNum(u.value);
    coins.push({ value, weight: w, eff: value - (w * rate) / 4, fee, waste: fee - toNum(feeForWeight(w, longTerm)), utxo: u });
  }
  return { coins, excluded };
}

interface Ctx {
  rate: number;
  recipientsTotal: number;
  outWeight: number;
  nOut: number;
  changeType: OwnScriptType;
  changeOutWeight: number;
  costOfChange: number;
  minChange: number;
}

/** Exact fee, change and waste of spending `coins` (null when they do not cover the payment). */
function evaluate(coins: readonly Candidate[], ctx: Ctx, algorithm: Selection['algorithm']): Selection | null {
  const n = coins.length;
  if (n === 0) return null;
  let inWeight = 0;
  let total = 0;
  let inputWaste = 0;
  for (const c of coins) {
    inWeight += INPUT_WEIGHT[c.utxo.scriptType];
    total += c.value;
    inputWaste += c.waste;
  }
  const vsizeNo = weightToVsize(overheadWeight(n, ctx.nOut) + inWeight + ctx.outWeight);
  const feeNo = toNum(feeFor(vsizeNo, ctx.rate));
  if (total < ctx.recipientsTotal + feeNo) return null;
  const vsizeCh = weightToVsize(overheadWeight(n, ctx.nOut + 1) + inWeight + ctx.outWeight + ctx.changeOutWeight);
  const feeCh = toNum(feeFor(vsizeCh, ctx.rate));
  const change = total - ctx.recipientsTotal - feeCh;
  const inputs = coins.map((c) => c.utxo);
  if (change >= ctx.minChange) {
    return { inputs, fee: BigInt(feeCh), change: BigInt(change), vsize: vsizeCh, waste: inputWaste + ctx.costOfChange, algorithm };
  }
  const excess = total - ctx.recipientsTotal - feeNo;
  return { inputs, fee: BigInt(total - ctx.recipientsTotal), change: 0n, vsize: vsizeNo, waste: inputWaste + excess, algorithm };
}

interface BnbTarget {
  /** sats paid to recipients */
  amount: number;
  /** weight of the recipient outputs */
  outWeight: number;
  nOut: number;
  rate: number;
  costOfChange: number;
}

/**
 * Bitcoin Core's SelectCoinsBnB (wallet/coinselection.cpp): depth-first
 * search over coins sorted by effective value, including before omitting,
 * for a subset that pays amount + fee with an excess of at most the cost of
 * a change output; among those it keeps the one with least waste. Unlike
 * Core, the excess is computed from the exact fee of the whole transaction
 * (vsize rounding included), so zero-excess matches are not lost to rounding;
 * effective values only steer the search and bound the look-ahead.
 */
function branchAndBound(coins: readonly Candidate[], t: BnbTarget, maxTries = 100_000): Candidate[] | null {
  const pool = coins.filter((c) => c.eff > 0).sort((a, b) => b.eff - a.eff || a.fee - b.fee);
  const n = pool.length;
  // Flat typed arrays: this loop runs up to 100,000 times per selection.
  const effs = new Float64Array(n);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  const wastes = new Float64Array(n);
  pool.forEach((c, k) => {
    effs[k] = c.eff;
    values[k] = c.value;
    weights[k] = c.weight;
    wastes[k] = c.waste;
  });
  const { amount, costOfChange } = t;
  const rateMilli = Math.round(t.rate * 1000);
  // A whole sat/vB rate (the usual case) makes the fee one integer product: no division in the loop.
  const wholeRate = rateMilli % 1000 === 0 ? rateMilli / 1000 : 0;
  // Weight of everything but the inputs with a 1-byte input count (< 253 inputs). The look-ahead
  // bound uses it too: the smallest overhead, so the bound never prunes a real match.
  const baseWeight = overheadWeight(1, t.nOut) + t.outWeight;
  const floatTarget = amount + (baseWeight * t.rate) / 4;
  // What the coins not yet decided on could still add: the suffix sum from the next index.
  // Read, not kept up to date, so a backtrack is O(1) instead of a walk back over the omitted.
  const rest = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) rest[k] = rest[k + 1]! + effs[k]!;
  if (n === 0 || rest[0]! < floatTarget) return null;
  const feeIsHigh = wastes[0]! > 0;
  const selection = new Int32Array(n);
  let depth = 0;
  let best: Int32Array | null = null;
  let bestWaste = Infinity;
  let bestWeight = Infinity;
  let eff = 0;
  let value = 0;
  let weight = 0;
  let waste = 0;
  let i = 0;
  for (let tries = 0; tries < maxTries; tries++, i++) {
    let backtrack = false;
    if (eff + rest[i]! < floatTarget || (waste > bestWaste && feeIsHigh)) {
      backtrack = true;
    } else if (depth > 0) {
      // The input-count varint grows from 1 to 3 bytes at 253 inputs.
      const base = depth < 0xfd ? baseWeight : overheadWeight(depth, t.nOut) + t.outWeight;
      const vsize = (base + weight + 3) >> 2; // ceil(weight / 4); weights are integers far below 2^31
      const fee = wholeRate ? vsize * wholeRate : Math.ceil((vsize * rateMilli) / 1000);
      const excess = value - amount - fee;
      if (excess > costOfChange) {
        backtrack = true;
      } else if (excess >= 0) {
        // Equal waste (every input costs the same now and later at the long-term rate): the
        // lighter selection pays less fee, as selectCoins' own ranking prefers.
        if (waste + excess < bestWaste || (waste + excess === bestWaste && weight < bestWeight)) {
          best = selection.slice(0, depth);
          bestWaste = waste + excess;
          bestWeight = weight;
        }
        backtrack = true;
      }
    }
    if (backtrack) {
      if (depth === 0) break;
      // Back to the last included coin, and omit it instead.
      i = selection[depth - 1]!;
      eff -= effs[i]!;
      value -= values[i]!;
      weight -= weights[i]!;
      waste -= wastes[i]!;
      depth--;
    } else {
      if (i >= n) break; // unreachable: the look-ahead bound backtracks first
      // Omitting a coin and then including an identical one is a branch already explored.
      const sameAsOmittedPrev =
        depth > 0 && selection[depth - 1] !== i - 1 && values[i - 1] === values[i] && weights[i - 1] === weights[i];
      if (!sameAsOmittedPrev) {
        selection[depth++] = i;
        eff += effs[i]!;
        value += values[i]!;
        weight += weights[i]!;
        waste += wastes[i]!;
      }
    }
  }
  return best ? Array.from(best, (k) => pool[k]!) : null;
}

function largestFirst(coins: readonly Candidate[], goal: number): Candidate[] {
  const sorted = coins.filter((c) => c.eff > 0).sort((a, b) => b.eff - a.eff);
  const out: Candidate[] = [];
  let sum = 0;
  for (const c of sorted) {
    out.push(c);
    sum += c.eff;
    if (sum >= goal) break;
  }
  return out;
}

function singleCoin(coins: readonly Candidate[], goal: number): Candidate[] {
  let best: Candidate | undefined;
  for (const c of coins) if (c.eff >= goal && (!best || c.eff < best.eff)) best = c;
  return best ? [best] : [];
}

function better(a: Selection, b: Selection): boolean {
  if (a.waste !== b.waste) return a.waste < b.waste;
  if (a.fee !== b.fee) return a.fee < b.fee;
  return a.inputs.length < b.inputs.length;
}

export function selectCoins(p: SelectCoinsParams): Selection {
  const rate = p.feeRate;
  assertFeeRate(rate);
  const longTerm = p.longTermFeeRate ?? 10;
  const discard = p.discardFeeRate ?? 3;
  const outLens = validateRecipients(p.recipients, p.network);
  const recipientsTotalBig = p.recipients.reduce((s, r) => s + r.value, 0n);
  if (recipientsTotalBig > MAX_MONEY) throw new InvalidSendError('bad_amount', 'Total amount exceeds 21M BTC');
  const { coins, excluded } = buildPool(p, rate, longTerm);

  const changeLen = scriptLengthOf(p.changeType);
  const changeOutWeight = outputBytes(changeLen) * 4;
  const spendChangeLater = toNum(feeForWeight(INPUT_WEIGHT[p.changeType], discard));
  const ctx: Ctx = {
    rate,
    recipientsTotal: toNum(recipientsTotalBig),
    outWeight: outLens.reduce((s, len) => s + outputBytes(len) * 4, 0),
    nOut: outLens.length,
    changeType: p.changeType,
    changeOutWeight,
    costOfChange: toNum(feeForWeight(changeOutWeight, rate)) + spendChangeLater,
    // Core's min_viable_change: change must be above dust and worth more than it costs to spend.
    minChange: Math.max(toNum(dustLimit(p.changeType)), spendChangeLater + 1),
  };
  // Weight of everything but the inputs (input count sized for the whole pool: an upper bound).
  const baseWeight = overheadWeight(Math.max(coins.length, 1), ctx.nOut) + ctx.outWeight;
  const target = ctx.recipientsTotal + toNum(feeForWeight(baseWeight + 3, rate)); // +3 WU: vsize rounding
  const changeGoal = target + toNum(feeForWeight(changeOutWeight, rate)) + ctx.minChange;

  const candidates: Selection[] = [];
  const bnb = branchAndBound(
    coins,
    { amount: ctx.recipientsTotal, outWeight: ctx.outWeight, nOut: ctx.nOut, rate, costOfChange: ctx.costOfChange },
    p.maxTries,
  );
  if (bnb) {
    const s = evaluate(bnb, ctx, 'bnb');
    if (s) candidates.push(s);
  }
  for (const [picked, algo] of [
    [largestFirst(coins, changeGoal), 'largest-first'],
    [singleCoin(coins, changeGoal), 'single-coin'],
  ] as const) {
    const s = evaluate(picked, ctx, algo);
    if (s) candidates.push(s);
  }
  const best = candidates.reduce<Selection | null>((b, s) => (!b || better(s, b) ? s : b), null);
  if (best) return best;

  const usable = coins.filter((c) => c.eff > 0);
  const all = evaluate(usable, ctx, 'largest-first');
  if (all) return all; // unreachable in practice: largest-first already took every coin
  const allWeight = overheadWeight(Math.max(usable.length, 1), ctx.nOut) + ctx.outWeight +
    (usable.length ? usable.reduce((s, c) => s + INPUT_WEIGHT[c.utxo.scriptType], 0) : INPUT_WEIGHT[p.changeType]);
  const needed = recipientsTotalBig + feeFor(weightToVsize(allWeight), rate);
  const available = usable.reduce((s, c) => s + c.utxo.value, 0n);
  throw new InsufficientFundsError(needed, available, excluded);
}

export interface SendMaxParams {
  utxos: readonly Utxo[];
  /** Where everything goes. */
  address: string;
  feeRate: number;
  network: BtcNetworkName;
  frozen?: ReadonlySet<string>;
  minConfirmations?: number;
}

export interface SendMaxResult {
  inputs: Utxo[];
  fee: bigint;
  change: 0n;
  vsize: number;
  /** What the recipient receives: all spent coins minus the fee. */
  amount: bigint;
  /** Coins left out because spending them would cost more than they are worth. */
  uneconomic: Utxo[];
}

/** Sweeps every spendable, non-frozen coin to one address (no change output). */
export function sendMax(p: SendMaxParams): SendMaxResult {
  assertFeeRate(p.feeRate);
  const v = validateBtcAddress(p.address, p.network);
  if (!v.ok) throw new InvalidSendError('bad_address', v.reason);
  const { coins, excluded } = buildPool({ ...p, recipients: [], changeType: 'p2wpkh' }, p.feeRate, p.feeRate);
  const usable = coins.filter((c) => c.eff > 0);
  const uneconomic = coins.filter((c) => c.eff <= 0).map((c) => c.utxo);
  const outWeight = outputBytes(scriptLengthOf(v.type)) * 4;
  const weight =
    overheadWeight(Math.max(usable.length, 1), 1) +
    outWeight +
    (usable.length ? usable.reduce((s, c) => s + INPUT_WEIGHT[c.utxo.scriptType], 0) : INPUT_WEIGHT.p2wpkh);
  const vsize = weightToVsize(weight);
  const fee = feeFor(vsize, p.feeRate);
  const total = usable.reduce((s, c) => s + c.utxo.value, 0n);
  const dust = dustLimit(v.type);
  if (usable.length === 0 || total - fee < dust) throw new InsufficientFundsError(fee + dust, total, excluded);
  return { inputs: usable.map((c) => c.utxo), fee, change: 0n, vsize, amount: total - fee, uneconomic };
}
