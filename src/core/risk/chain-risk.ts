// A request that names a chain other than the wallet's current one.
import type { RiskWarning } from './types';

export function chainMismatchRisks(requestedChainId: bigint | undefined, currentChainId: bigint): RiskWarning[] {
  if (requestedChainId === undefined || requestedChainId === currentChainId) return [];
  return [
    {
      kind: 'chain_mismatch',
      text: 'chain',
      severity: 'danger',
      message: `This request is for chain ${requestedChainId}, but the wallet is on chain ${currentChainId}.`,
      params: { requested: requestedChainId.toString(), current: currentChainId.toString() },
    },
  ];
}
