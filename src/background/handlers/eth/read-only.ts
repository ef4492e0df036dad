import { defineMethod, type ProviderMethod } from '../provider-method';

/**
 * Read-only methods forwarded to the current network's RPC: an allow-list, not everything
 * (no eth_sign*, no eth_sendRawTransaction from pages, no admin/debug namespaces).
 */
export const READ_ONLY_METHODS = [
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getCode',
  'eth_getLogs',
  'eth_getProof',
  'eth_getStorageAt',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_maxPriorityFeePerGas',
  'eth_syncing',
  'net_listening',
  'web3_clientVersion',
] as const;

/** The node judges these params; we only give it the positional array JSON-RPC expects. */
export function forward(method: string): ProviderMethod {
  return defineMethod({
    access: 'public',
    unlock: false,
    parse: (params): unknown[] => (Array.isArray(params) ? params : params === undefined ? [] : [params]),
    handle: (ctx, params) => ctx.services.network.rpc(method, params),
  });
}
