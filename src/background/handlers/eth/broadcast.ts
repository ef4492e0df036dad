import { Signature, Transaction } from 'ethers';
import type { TxFees } from '../../../shared/approvals';
import type { HandlerContext } from '../../context';
import type { ActivityRecord } from '../../services/activity-store';
import { signDigest } from './signing-key';

export interface OutgoingTx {
  from: string;
  to: string | null;
  value: bigint;
  data: string | null;
  fees: TxFees;
  chainId: number;
}

/**
 * Signs (EIP-1559 when the fees say so, legacy otherwise), broadcasts to the network's RPC,
 * and records it in activity at once as pending. One path for dApp sends, the popup's
 * send, speed-up and cancel.
 */
export async function signAndBroadcast(
  ctx: HandlerContext,
  index: number,
  tx: OutgoingTx,
  meta: Pick<ActivityRecord, 'kind' | 'origin'> & Partial<Pick<ActivityRecord, 'token' | 'replaces'>>,
): Promise<string> {
  const f = tx.fees;
  const unsigned = Transaction.from({
    chainId: BigInt(tx.chainId),
    nonce: f.nonce,
    to: tx.to,
    value: tx.value,
    data: tx.data ?? '0x',
    gasLimit: BigInt(f.gas),
    ...(f.maxFeePerGas !== undefined
      ? { type: 2, maxFeePerGas: BigInt(f.maxFeePerGas), maxPriorityFeePerGas: BigInt(f.maxPriorityFeePerGas ?? '0') }
      : { type: 0, gasPrice: BigInt(f.gasPrice ?? '0') }),
  });
  unsigned.signature = Signature.from(await signDigest(ctx, index, unsigned.unsignedHash));
  const hash = await ctx.services.network.rpc('eth_sendRawTransaction', [unsigned.serialized], tx.chainId);
  if (typeof hash !== 'string') throw new Error('RPC returned no transaction hash');
  await ctx.services.activity.add({
    hash,
    chainId: tx.chainId,
    from: tx.from,
    to: tx.to,
    value: tx.value.toString(),
    data: tx.data,
    fees: f,
    status: 'pending',
    createdAt: Date.now(),
    ...meta,
  });
  return hash;
}
