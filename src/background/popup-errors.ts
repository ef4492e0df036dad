import { nodeErrorReason } from '../core/ethereum/node-error';
import { NodeRpcError, walletError } from '../shared/errors';

/** Longest node message quoted to the user. */
const DETAIL_MAX = 200;

/**
 * Errors on their way to the popup carry a reason it can translate. The wallet's own errors
 * already do; a node's refusal (its English, passed to dApps as is) is classified here, its
 * words kept as a quoted detail.
 */
export function forPopup(err: unknown): unknown {
  if (err instanceof NodeRpcError) return walletError(nodeErrorReason(err.message), err.message, { detail: err.message.slice(0, DETAIL_MAX) });
  return err;
}
