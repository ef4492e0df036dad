// Balances of many accounts × tokens in one round trip (DESIGN §6, budget §8): either one eth_call
// to Multicall3's aggregate3 or, where it is not deployed, one JSON-RPC batch. This file only
// encodes the calls and judges the answers; the background does the I/O. A number comes out only
// when the answer is exactly what the call returns (one 32-byte word); anything else is null,
// never a guess.
import { Interface } from 'ethers';
import { balanceOfData } from './erc20-metadata';

/** The address Multicall3 has on every chain where it is deployed (mds1/multicall3). */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

const multicall3 = new Interface([
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address addr) view returns (uint256 balance)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
]);

export interface BalanceQuery {
  /** account addresses */
  owners: readonly string[];
  /** ERC-20 contract addresses */
  tokens: readonly string[];
}

/** What one read says. native[o] is owner o's native balance; tokens[o][t] its balance of token t. */
export interface BalanceMatrix {
  block: bigint | null;
  native: (bigint | null)[];
  tokens: (bigint | null)[][];
}

/** The answer was not one a node or Multicall3 gives: nothing in it can be trusted. */
export class BalanceAnswerError extends Error {}

const WORD = /^0x[0-9a-fA-F]{64}$/;
const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

/** A uint256 return value: exactly one 32-byte word, else null. */
export function decodeWord(ret: unknown): bigint | null {
  return typeof ret === 'string' && WORD.test(ret) ? BigInt(ret) : null;
}

/** A JSON-RPC quantity (eth_getBalance, eth_blockNumber): hex digits, at most 256 bits. */
export function decodeQuantity(ret: unknown): bigint | null {
  return typeof ret === 'string' && QUANTITY.test(ret) ? BigInt(ret) : null;
}

/** An eth_call to an address without code succeeds with empty data: that is how "not deployed" looks. */
export function isNoCode(ret: unknown): boolean {
  return ret === '0x';
}

/** Calls in a fixed order: the block number, then per owner its native balance and each token's balanceOf. */
function layout<T>(q: BalanceQuery, block: () => T, native: (owner: string) => T, token: (owner: string, token: string) => T): T[] {
  return [block(), ...q.owners.flatMap((o) => [native(o), ...q.tokens.map((t) => token(o, t))])];
}

function unflatten(q: BalanceQuery, values: (bigint | null)[]): BalanceMatrix {
  const per = 1 + q.tokens.length;
  return {
    block: values[0] ?? null,
    native: q.owners.map((_, o) => values[1 + o * per] ?? null),
    tokens: q.owners.map((_, o) => q.tokens.map((__, t) => values[2 + o * per + t] ?? null)),
  };
}

/** Data of one eth_call to Multicall3: aggregate3 with allowFailure on every call, so a reverting token sinks nothing else. */
export function encodeAggregate3(q: BalanceQuery): string {
  const self = (data: string) => ({ target: MULTICALL3_ADDRESS, allowFailure: true, callData: data });
  const calls = layout(
    q,
    () => self(multicall3.encodeFunctionData('getBlockNumber')),
    (o) => self(multicall3.encodeFunctionData('getEthBalance', [o])),
    (o, t) => ({ target: t, allowFailure: true, callData: balanceOfData(o) }),
  );
  return multicall3.encodeFunctionData('aggregate3', [calls]);
}

/** Judges aggregate3's return data; throws BalanceAnswerError when it is not aggregate3's answer to this query. */
export function decodeAggregate3(q: BalanceQuery, ret: unknown): BalanceMatrix {
  if (typeof ret !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(ret)) throw new BalanceAnswerError('not hex data');
  let results: { success: boolean; returnData: string }[];
  try {
    [results] = multicall3.decodeFunctionResult('aggregate3', ret) as unknown as [{ success: boolean; returnData: string }[]];
  } catch {
    throw new BalanceAnswerError('not an aggregate3 answer');
  }
  const expected = 1 + q.owners.length * (1 + q.tokens.length);
  if (results.length !== expected) throw new BalanceAnswerError(`aggregate3 answered ${results.length} results for ${expected} calls`);
  return unflatten(
    q,
    results.map((r) => (r.success ? decodeWord(r.returnData) : null)),
  );
}

export interface RpcRequest {
  method: string;
  params: unknown[];
}

/** The same query as JSON-RPC calls, for one batch (or one by one where batches are refused). */
export function batchCalls(q: BalanceQuery): RpcRequest[] {
  return layout<RpcRequest>(
    q,
    () => ({ method: 'eth_blockNumber', params: [] }),
    (o) => ({ method: 'eth_getBalance', params: [o, 'latest'] }),
    (o, t) => ({ method: 'eth_call', params: [{ to: t, data: balanceOfData(o) }, 'latest'] }),
  );
}

/** Judges the batch answers, in the order of batchCalls; a failed or malformed entry is null. */
export function decodeBatch(q: BalanceQuery, answers: readonly ({ ok: true; result: unknown } | { ok: false })[]): BalanceMatrix {
  const per = 1 + q.tokens.length;
  return unflatten(
    q,
    batchCalls(q).map((_, i) => {
      const a = answers[i];
      if (!a?.ok) return null;
      // Quantities for eth_blockNumber and eth_getBalance; an ABI word for balanceOf.
      return i === 0 || (i - 1) % per === 0 ? decodeQuantity(a.result) : decodeWord(a.result);
    }),
  );
}
