import { getAddress } from 'ethers';
import * as v from 'valibot';
import { parseChainId, parseQuantity } from '../../../core/ethereum';
import { invalidParams, parseParams } from '../provider-method';
import { address } from './types';

const quantity = v.union([v.string(), v.number()]);
const hexData = v.pipe(v.string(), v.regex(/^0x([0-9a-fA-F]{2})*$/, 'Expected 0x-prefixed hex bytes'));

const txSchema = v.tuple([
  v.object({
    from: address,
    to: v.optional(v.nullable(address)),
    value: v.optional(quantity),
    data: v.optional(hexData),
    input: v.optional(hexData),
    gas: v.optional(quantity),
    gasLimit: v.optional(quantity),
    gasPrice: v.optional(quantity),
    maxFeePerGas: v.optional(quantity),
    maxPriorityFeePerGas: v.optional(quantity),
    nonce: v.optional(quantity),
    chainId: v.optional(quantity),
    type: v.optional(v.string()),
  }),
]);

export interface TxRequest {
  from: string;
  to: string | null;
  value: bigint;
  data: string | null;
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  nonce?: number;
  chainId?: bigint;
}

/**
 * The EIP-55 form the approval shows. A mixed-case address whose checksum is wrong is refused:
 * it is a mistyped or tampered address, and sending there would lose the funds.
 */
function checksummed(name: string, addr: string): string {
  try {
    return getAddress(addr);
  } catch {
    throw invalidParams(`Invalid ${name} address: bad EIP-55 checksum`);
  }
}

/** eth_sendTransaction params, every quantity strictly parsed (a bad one is -32602). */
export function parseTxRequest(params: unknown): TxRequest {
  const [tx] = parseParams(txSchema, params, 'eth_sendTransaction');
  if (tx.data && tx.input && tx.data !== tx.input) throw invalidParams('data and input differ');
  const q = (name: string, val: string | number | undefined) => {
    if (val === undefined) return undefined;
    try {
      return parseQuantity(val);
    } catch (err) {
      throw invalidParams(`Invalid ${name}: ${(err as Error).message}`);
    }
  };
  const nonce = q('nonce', tx.nonce);
  if (nonce !== undefined && nonce > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidParams('nonce too large');
  const data = tx.data ?? tx.input ?? null;
  const out: TxRequest = { from: checksummed('from', tx.from), to: tx.to ? checksummed('to', tx.to) : null, value: q('value', tx.value) ?? 0n, data: data === '0x' ? null : data };
  const gas = q('gas', tx.gas ?? tx.gasLimit);
  if (gas !== undefined) out.gas = gas;
  const gasPrice = q('gasPrice', tx.gasPrice);
  if (gasPrice !== undefined) out.gasPrice = gasPrice;
  const maxFee = q('maxFeePerGas', tx.maxFeePerGas);
  if (maxFee !== undefined) out.maxFeePerGas = maxFee;
  const prio = q('maxPriorityFeePerGas', tx.maxPriorityFeePerGas);
  if (prio !== undefined) out.maxPriorityFeePerGas = prio;
  if (nonce !== undefined) out.nonce = Number(nonce);
  if (tx.chainId !== undefined) {
    try {
      out.chainId = parseChainId(tx.chainId);
    } catch (err) {
      throw invalidParams(`Invalid chainId: ${(err as Error).message}`);
    }
  }
  if (out.to === null && !out.data) throw invalidParams('A transaction without a recipient must carry contract creation data');
  return out;
}
