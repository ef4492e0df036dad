import type { FeeFields } from './fee-history';

export const GWEI = 1_000_000_000n;
/** A custom max fee above this many times the fast preset is taken for a typo. */
export const ABSURD_FACTOR = 10n;
/** …but never refused below this (a quiet chain's presets are tiny). */
export const ABSURD_FLOOR = 10n * GWEI;

/** Worst-case price per unit of gas of a fee choice: the max fee (EIP-1559) or the gas price. */
export function maxPricePerGas(f: FeeFields): bigint {
  return BigInt(f.maxFeePerGas ?? f.gasPrice ?? '0');
}

/** "Max" of the native coin: the balance minus the worst-case fee; null when the fee alone takes it all. */
export function maxNativeAmount(balance: bigint, gas: bigint, f: FeeFields): bigint | null {
  const left = balance - gas * maxPricePerGas(f);
  return left > 0n ? left : null;
}

export type CustomFeeProblem =
  | { reason: 'fee_invalid' }
  | { reason: 'fee_tip_above_max' }
  | { reason: 'fee_below_base'; baseFee: bigint }
  | { reason: 'fee_absurd'; limit: bigint };

/**
 * A fee the user typed, checked against the market the review was built on. `maxFee` and `tip`
 * are in wei, null when the text was not a number. EIP-1559 chains (a base fee): tip ≤ max fee,
 * max fee ≥ the next block's base fee (or it would never be mined). Legacy chains: `maxFee` is
 * the gas price and the tip is not asked. On both, more than ABSURD_FACTOR × the fast preset
 * (at least ABSURD_FLOOR) is refused as a likely typo.
 */
export function customFees(
  input: { maxFee: bigint | null; tip: bigint | null },
  market: { baseFee: bigint | null; fast: FeeFields },
): { ok: true; fees: FeeFields } | { ok: false; problem: CustomFeeProblem } {
  const { maxFee, tip } = input;
  const eip1559 = market.baseFee !== null;
  if (maxFee === null || maxFee <= 0n || (eip1559 && tip === null)) return { ok: false, problem: { reason: 'fee_invalid' } };
  const fast = maxPricePerGas(market.fast) * ABSURD_FACTOR;
  const limit = fast > ABSURD_FLOOR ? fast : ABSURD_FLOOR;
  if (maxFee > limit) return { ok: false, problem: { reason: 'fee_absurd', limit } };
  if (market.baseFee === null) return { ok: true, fees: { gasPrice: maxFee.toString() } };
  if (tip! > maxFee) return { ok: false, problem: { reason: 'fee_tip_above_max' } };
  if (maxFee < market.baseFee) return { ok: false, problem: { reason: 'fee_below_base', baseFee: market.baseFee } };
  return { ok: true, fees: { maxFeePerGas: maxFee.toString(), maxPriorityFeePerGas: tip!.toString() } };
}

/** What the user reviewed, reduced to what the chain can invalidate. */
export interface ReviewedTx {
  nonce: number;
  gas: bigint;
  value: bigint;
  fees: FeeFields;
  /** an ERC-20 transfer's amount; null for a native send */
  tokenAmount: bigint | null;
}

/** The chain at confirm time. */
export interface ChainNow {
  pendingNonce: number;
  balance: bigint;
  /** the latest block's base fee; null on a legacy chain */
  baseFee: bigint | null;
  /** eth_estimateGas of the exact reviewed call now; 'reverted' when the node refuses it */
  gasEstimate: bigint | 'reverted';
  /** the token balance now; null for a native send or when the contract did not answer */
  tokenBalance: bigint | null;
}

export type StaleReason = 'send_nonce_used' | 'send_balance_changed' | 'send_would_fail' | 'send_fee_too_low';

/**
 * Why a reviewed transaction can no longer be sent exactly as shown, or null when it can. The
 * wallet then refuses instead of quietly re-planning it (new nonce, gas or fees the user did
 * not see): another send took its nonce, the balance no longer covers value + worst-case fee,
 * the call would now revert or need more gas than reviewed, or the base fee rose above the
 * reviewed max fee (it would sit unmined).
 */
export function staleReason(tx: ReviewedTx, now: ChainNow): StaleReason | null {
  if (now.pendingNonce !== tx.nonce) return 'send_nonce_used';
  if (tx.value + tx.gas * maxPricePerGas(tx.fees) > now.balance) return 'send_balance_changed';
  if (tx.tokenAmount !== null && now.tokenBalance !== null && now.tokenBalance < tx.tokenAmount) return 'send_balance_changed';
  if (now.gasEstimate === 'reverted' || now.gasEstimate > tx.gas) return 'send_would_fail';
  if (tx.fees.maxFeePerGas !== undefined && now.baseFee !== null && BigInt(tx.fees.maxFeePerGas) < now.baseFee) return 'send_fee_too_low';
  return null;
}

const bump = (x: string) => (BigInt(x) * 1125n) / 1000n + 1n;
const atLeast = (a: bigint, b: string | undefined) => (b !== undefined && BigInt(b) > a ? BigInt(b) : a);

/**
 * Fees of a replacement (speed up or cancel, same nonce): at least +12.5 % on every fee field,
 * which nodes require to accept a replacement, and at least today's fast preset, so a
 * transaction stuck behind a fee rise really moves. Keeps the old one's type (EIP-1559 or legacy).
 */
export function replacementFees(old: FeeFields, fast: FeeFields): FeeFields {
  if (old.maxFeePerGas === undefined) return { gasPrice: atLeast(bump(old.gasPrice ?? '0'), fast.gasPrice ?? fast.maxFeePerGas).toString() };
  return {
    maxFeePerGas: atLeast(bump(old.maxFeePerGas), fast.maxFeePerGas ?? fast.gasPrice).toString(),
    maxPriorityFeePerGas: atLeast(bump(old.maxPriorityFeePerGas ?? '0'), fast.maxPriorityFeePerGas ?? fast.gasPrice).toString(),
  };
}
