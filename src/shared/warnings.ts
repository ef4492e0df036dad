import type { WarningView } from './approvals';

/**
 * Every warning an approval or review screen can show: its kind and the variants of its
 * sentence. The background fills in the facts (WarningParams); the popup words them in the
 * user's language under the key `warning.<kind>.<text>`. The producers' types come from this
 * list, so a new kind or variant must be added here, and a test fails until both languages
 * have a sentence for it (src/popup/approval/warning-text.test.ts).
 */
export const WARNING_TEXTS = {
  // Ethereum requests (src/core/risk)
  unlimited_approval: ['approve', 'increase'],
  large_approval: ['approve', 'increase'],
  set_approval_for_all: ['operator'],
  permit: ['amount', 'unlimited', 'nft'],
  permit2: ['transaction', 'allowance', 'transfer'],
  lookalike_address: ['recipient'],
  value_exceeds_balance: ['balance'],
  contract_no_code: ['call', 'expected'],
  chain_mismatch: ['chain'],
  // Bitcoin PSBTs and sends (src/core/bitcoin/psbt-analyze.ts)
  sighash_none: ['input'],
  sighash_single: ['paired', 'unpaired'],
  anyonecanpay: ['input'],
  unknown_input_value: ['inputs'],
  outputs_exceed_inputs: ['incomplete'],
  high_fee: ['absolute', 'over_sent', 'rate', 'half_sent'],
  // The popup's own send (src/core/insights)
  budget: ['over'],
} as const satisfies Record<string, readonly string[]>;

export type WarningKind = keyof typeof WARNING_TEXTS;
export type WarningText<K extends WarningKind = WarningKind> = (typeof WARNING_TEXTS)[K][number];
/** A kind and one of ITS sentence variants. */
export type WarningId = { [K in WarningKind]: { kind: K; text: WarningText<K> } }[WarningKind];

/** How a deadline reads: until a date, far in the future, already past, never, this block only. */
export type ExpiryKind = 'until' | 'far' | 'expired' | 'never' | 'now';

/**
 * The facts a warning names, JSON-safe strings: addresses checksummed as found, amounts in
 * base units (or "unlimited"), dates as ISO strings. Which ones a sentence uses depends on it.
 */
export interface WarningParams {
  spender?: string;
  operator?: string;
  /** token contract address ("" when the request names none) */
  token?: string;
  /** token name from an EIP-712 domain */
  tokenName?: string;
  collection?: string;
  /** Permit2 contract the approval goes through */
  permit2?: string;
  /** base units, or "unlimited" */
  amount?: string;
  tokenId?: string;
  /** ISO date, "never" or "now" */
  expires?: string;
  expiry?: ExpiryKind;
  recipient?: string;
  lookalikeOf?: string;
  to?: string;
  /** base units of `symbol` with `decimals` (value_exceeds_balance; sats for sighash_single);
   *  on token approvals, `symbol` and `decimals` are the approved token's, when known */
  value?: string;
  balance?: string;
  decimals?: string;
  symbol?: string;
  requested?: string;
  current?: string;
  /** input index */
  input?: string;
  /** input indexes, comma-separated */
  inputs?: string;
  /** sats */
  sats?: string;
  fee?: string;
  /** sat/vB */
  feeRate?: string;
  /** sats paid to others */
  sent?: string;
}

export type Warning<Severity extends string> = WarningId & { severity: Severity; message: string; params: WarningParams };

/** Any producer's warning as the screens get it: "info" (an incomplete PSBT) is shown as a warning. */
export function warningView(w: Warning<'danger' | 'warning' | 'info'>): WarningView {
  return { kind: w.kind, text: w.text, severity: w.severity === 'danger' ? 'danger' : 'warning', message: w.message, params: w.params } as WarningView;
}
