import type { EthMethod } from './types';

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

export function forward(method: string): EthMethod {
  return {
    access: 'public',
    unlock: false,
    handle: (ctx, params) => ctx.services.network.rpc(method, Array.isArray(params) ? params : params === undefined ? [] : [params]),
  };
}
