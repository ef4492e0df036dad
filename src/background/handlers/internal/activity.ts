import { walletError } from '../../../shared/errors';
import type { TxFees } from '../../../shared/approvals';
import type { HandlerContext } from '../../context';
import type { ActivityRecord } from '../../services/activity-store';
import { rpcBatch } from '../../services/rpc-client';
import { signAndBroadcast } from '../eth/broadcast';
import type { InternalHandler } from './types';

/** Pending records get their receipt checked (one batch); a nonce already used by another tx means replaced. */
async function refresh(ctx: HandlerContext, list: ActivityRecord[]): Promise<ActivityRecord[]> {
  const pending = list.filter((r) => r.status === 'pending');
  if (pending.length === 0) return list;
  const net = await ctx.services.network.current();
  const from = pending[0]!.from;
  const answers = await rpcBatch(net.rpcUrl, [
    ...pending.map((r) => ({ method: 'eth_getTransactionReceipt', params: [r.hash] })),
    { method: 'eth_getTransactionCount', params: [from, 'latest'] },
  ]).catch(() => null);
  if (!answers) return list;
  const mined = answers[answers.length - 1];
  const latestNonce = mined?.ok && typeof mined.result === 'string' ? Number(BigInt(mined.result)) : -1;
  const changes = new Map<string, ActivityRecord['status']>();
  pending.forEach((r, i) => {
    const a = answers[i];
    const receipt = a?.ok ? (a.result as { status?: string } | null) : null;
    if (receipt) changes.set(r.hash, receipt.status === '0x1' ? 'confirmed' : 'failed');
    else if (r.from === from && r.fees.nonce < latestNonce) changes.set(r.hash, 'replaced');
  });
  await ctx.services.activity.update(changes);
  return list.map((r) => (changes.has(r.hash) ? { ...r, status: changes.get(r.hash)! } : r));
}

async function mine(ctx: HandlerContext): Promise<{ list: ActivityRecord[]; address: string; chainId: number; index: number }> {
  const { keyring, settings, network, activity } = ctx.services;
  const index = await settings.getSelectedAccount();
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index) ?? '';
  const chainId = await network.currentChainId();
  const list = (await activity.all()).filter((r) => r.chainId === chainId && r.from.toLowerCase() === address.toLowerCase());
  return { list, address, chainId, index };
}

export const activityList: InternalHandler<'activity_list'> = async (ctx) => {
  const { list } = await mine(ctx);
  return { items: await refresh(ctx, list) };
};

/** At least +12.5% on both fee fields: what nodes require to accept a replacement. */
function bumped(f: TxFees): TxFees {
  const up = (x: string) => ((BigInt(x) * 1125n) / 1000n + 1n).toString();
  return f.maxFeePerGas !== undefined
    ? { ...f, maxFeePerGas: up(f.maxFeePerGas), maxPriorityFeePerGas: up(f.maxPriorityFeePerGas ?? '0') }
    : { ...f, gasPrice: up(f.gasPrice ?? '0') };
}

async function replace(ctx: HandlerContext, hash: string, cancel: boolean): Promise<{ hash: string }> {
  const { list, index, chainId, address } = await mine(ctx);
  const [rec] = (await refresh(ctx, list.filter((r) => r.hash === hash)));
  if (!rec) throw walletError('invalid_params', 'Unknown transaction');
  if (rec.status !== 'pending') throw walletError('not_pending', 'This transaction is no longer pending.');
  const fees = bumped(cancel ? { ...rec.fees, gas: '21000' } : rec.fees);
  const tx = cancel
    ? { from: address, to: address, value: 0n, data: null, fees, chainId }
    : { from: rec.from, to: rec.to, value: BigInt(rec.value), data: rec.data, fees, chainId };
  const next = await signAndBroadcast(ctx, index, tx, { kind: cancel ? 'cancel' : 'speed_up', origin: rec.origin, replaces: rec.hash, ...(rec.token && !cancel ? { token: rec.token } : {}) });
  return { hash: next };
}

export const activitySpeedUp: InternalHandler<'activity_speedUp'> = (ctx, { hash }) => replace(ctx, hash, false);
export const activityCancel: InternalHandler<'activity_cancel'> = (ctx, { hash }) => replace(ctx, hash, true);
