// Shared shape of every local risk finding shown on an approval screen.
import type { Warning, WarningKind } from '../../shared/warnings';

export type RiskKind = Extract<
  WarningKind,
  'unlimited_approval' | 'large_approval' | 'set_approval_for_all' | 'permit' | 'permit2' | 'lookalike_address' | 'value_exceeds_balance' | 'contract_no_code' | 'chain_mismatch'
>;

export type RiskSeverity = 'danger' | 'warning';

/**
 * `message`: English sentence(s) naming the spender/recipient and amount where relevant.
 * `params`: the same facts, machine-readable (addresses checksummed, amounts in base units or
 * "unlimited"), from which the popup words it in the user's language (`text` picks the sentence).
 */
export type RiskWarning = Extract<Warning<RiskSeverity>, { kind: RiskKind }>;

/** Dangers first, otherwise in the order found. */
export function sortRisks(risks: RiskWarning[]): RiskWarning[] {
  return [...risks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1));
}
