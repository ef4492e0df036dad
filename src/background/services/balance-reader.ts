import { BalanceAnswerError, batchCalls, decodeAggregate3, decodeBatch, encodeAggregate3, isNoCode, MULTICALL3_ADDRESS, type BalanceMatrix, type BalanceQuery, type RpcRequest } from '../../core/ethereum/balances';
import { NodeRpcError } from '../../shared/errors';
import { BatchRefusedError, rpcBatch, rpcCall, type BatchResult, type RpcOptions } from './rpc-client';
import type { RpcCapabilities } from './rpc-capabilities';

/** Calls in flight at once when an endpoint takes no batches. */
const ONE_BY_ONE_CONCURRENCY = 4;

/**
 * Balances of owners × tokens in one round trip: one eth_call to Multicall3 where the chain has
 * it, else one JSON-RPC batch, else (an endpoint that refuses batches) one call at a time. What
 * each step learns ("no Multicall3 on this chain", "no batches here") is remembered, so the next
 * read is one round trip again. Transport failures throw (the caller says "unavailable").
 */
export async function readBalances(rpcUrl: string, chainId: number, q: BalanceQuery, caps: RpcCapabilities, options: RpcOptions = {}): Promise<BalanceMatrix> {
  if (!(await caps.multicallAbsent(chainId))) {
    const r = await viaMulticall(rpcUrl, q, options);
    if (r.ok) return r.matrix;
    if (r.remember) await caps.markMulticallAbsent(chainId);
  }
  const calls = batchCalls(q);
  if (!(await caps.batchRefused(rpcUrl))) {
    try {
      return decodeBatch(q, await rpcBatch(rpcUrl, calls, options));
    } catch (err) {
      if (!(err instanceof BatchRefusedError)) throw err;
      await caps.markBatchRefused(rpcUrl);
    }
  }
  return decodeBatch(q, await oneByOne(rpcUrl, calls, options));
}

type MulticallOutcome = { ok: true; matrix: BalanceMatrix } | { ok: false; remember: boolean };

async function viaMulticall(rpcUrl: string, q: BalanceQuery, options: RpcOptions): Promise<MulticallOutcome> {
  let ret: unknown;
  try {
    ret = await rpcCall(rpcUrl, 'eth_call', [{ to: MULTICALL3_ADDRESS, data: encodeAggregate3(q) }, 'latest'], options);
  } catch (err) {
    if (!(err instanceof NodeRpcError)) throw err;
    // The node ran the call and it failed. A revert means something else lives at that address;
    // another node error (a rate limit, a gas cap) is not a fact about the chain.
    return { ok: false, remember: err.code === 3 || /revert/i.test(err.message) };
  }
  if (isNoCode(ret)) return { ok: false, remember: true };
  try {
    return { ok: true, matrix: decodeAggregate3(q, ret) };
  } catch (err) {
    if (err instanceof BalanceAnswerError) return { ok: false, remember: true };
    throw err;
  }
}

async function oneByOne(rpcUrl: string, calls: RpcRequest[], options: RpcOptions): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < calls.length) {
      const i = next++;
      const c = calls[i]!;
      try {
        out[i] = { ok: true, result: await rpcCall(rpcUrl, c.method, c.params, options) };
      } catch (err) {
        if (!(err instanceof NodeRpcError)) throw err;
        out[i] = { ok: false, error: { code: err.code, message: err.message } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ONE_BY_ONE_CONCURRENCY, calls.length) }, worker));
  return out;
}
