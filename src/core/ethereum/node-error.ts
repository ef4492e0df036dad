// What a node's refusal of a transaction means, from its message. Nodes word these
// differently (geth, erigon, anvil…) but share the key phrases matched here.
import type { ErrorReason } from '../../shared/errors';

export type NodeErrorReason = Extract<ErrorReason, 'nonce_used' | 'fee_too_low' | 'insufficient_funds' | 'tx_would_fail' | 'node_refused'>;

const RULES: [RegExp, NodeErrorReason][] = [
  [/nonce too low|nonce has already been used|nonce is too low/i, 'nonce_used'],
  [/underpriced|fee too low|less than block base fee|max fee per gas less|fee cap less|feecap/i, 'fee_too_low'],
  [/insufficient funds/i, 'insufficient_funds'],
  [/execution reverted|\brevert/i, 'tx_would_fail'],
];

/** The reason the popup translates; node_refused (with the node's own words quoted) when none fits. */
export function nodeErrorReason(message: string): NodeErrorReason {
  return RULES.find(([re]) => re.test(message))?.[1] ?? 'node_refused';
}
