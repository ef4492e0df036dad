// Wording helpers for token amounts and expiry times. Token decimals are not
// known locally, so amounts are given in raw (smallest) units.
import type { ExpiryKind } from '../../shared/warnings';

/** uint256 allowances at or above 2^255 are "infinite" in practice (MaxUint256 and friends). */
export const UNLIMITED_UINT256 = 2n ** 255n;
/** Approvals this large (raw units) are far beyond any normal payment. */
export const LARGE_AMOUNT = 10n ** 30n;
/** Anything further out than this is called "far in the future". */
export const FAR_FUTURE_SECONDS = 365 * 24 * 60 * 60;
const MAX_DATE_SECONDS = 8_640_000_000_000n; // JS Date's limit
const MAX_UINT48 = 2n ** 48n - 1n;

/**
 * Unlimited for its type: uint256 from 2^255 up, narrower uintN (Permit2's
 * uint160) only at its maximum, which is what "max approve" sends there.
 */
export function isUnlimited(amount: bigint, type = 'uint256'): boolean {
  const width = BigInt(/^uint(\d+)$/.exec(type)?.[1] ?? '256');
  return width === 256n ? amount >= UNLIMITED_UINT256 : amount >= 2n ** width - 1n;
}

/** "an unlimited amount" or "1000000 raw units". */
export function amountText(amount: bigint, type = 'uint256'): string {
  return isUnlimited(amount, type) ? 'an unlimited amount' : `${amount} raw units`;
}

export function amountParam(amount: bigint, type = 'uint256'): string {
  return isUnlimited(amount, type) ? 'unlimited' : amount.toString();
}

export interface Expiry {
  /** Phrase to append: "until 2030-01-01 (far in the future)", "with no expiry". */
  text: string;
  /** ISO date, or "never" / "now". */
  param: string;
  /** How it reads, for the popup to word it (WarningParams.expiry). */
  kind: ExpiryKind;
}

/** Permit2 reads an expiration of 0 as "the current block". */
export const THIS_BLOCK: Expiry = { text: 'for this block only', param: 'now', kind: 'now' };
export const NO_EXPIRY: Expiry = { text: 'with no expiry', param: 'never', kind: 'never' };

/** The expiry as warning params. */
export function expiryParams(e: Expiry | null): { expires?: string; expiry?: ExpiryKind } {
  return e ? { expires: e.param, expiry: e.kind } : {};
}

/** Describes a unix-seconds deadline; values past uint48 or JS dates mean "never". */
export function expiry(seconds: bigint, nowSeconds: number): Expiry {
  if (seconds >= MAX_UINT48 || seconds >= MAX_DATE_SECONDS) return NO_EXPIRY;
  const iso = new Date(Number(seconds) * 1000).toISOString();
  const day = iso.slice(0, 10);
  if (seconds < BigInt(nowSeconds)) return { text: `(expired ${day})`, param: iso, kind: 'expired' };
  const far = seconds > BigInt(nowSeconds + FAR_FUTURE_SECONDS);
  return { text: `until ${day}${far ? ' (far in the future)' : ''}`, param: iso, kind: far ? 'far' : 'until' };
}
