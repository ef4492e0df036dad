// Public surface of the local (offline) risk checks.
export type { RiskKind, RiskSeverity, RiskWarning } from './types';
export { transactionRisks, type TransactionRiskInput } from './transaction-risk';
export { typedDataRisks } from './typed-data-risk';
export { findLookalike, lookalikeWarning } from './lookalike';
export { chainMismatchRisks } from './chain-risk';
export { isUnlimited } from './amounts';
