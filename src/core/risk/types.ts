// Shared shape of every local risk finding shown on an approval screen.

export type RiskKind =
  | 'unlimited_approval'
  | 'large_approval'
  | 'set_approval_for_all'
  | 'permit'
  | 'permit2'
  | 'lookalike_address'
  | 'value_exceeds_balance'
  | 'contract_no_code'
  | 'chain_mismatch';

export type RiskSeverity = 'danger' | 'warning';

export interface RiskWarning {
  kind: RiskKind;
  severity: RiskSeverity;
  /** English sentence(s) naming the spender/recipient and amount where relevant. */
  message: string;
  /** The same facts, machine-readable (addresses checksummed, amounts decimal or "unlimited"). */
  params?: Record<string, string>;
}

/** Dangers first, otherwise in the order found. */
export function sortRisks(risks: RiskWarning[]): RiskWarning[] {
  return [...risks].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'danger' ? -1 : 1));
}
