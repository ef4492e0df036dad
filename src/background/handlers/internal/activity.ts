import { walletError } from '../../../shared/errors';
import type { TxFees } from '../../../shared/approvals';
import type { HandlerContext } from '../../context';
import type { ActivityRecord } from '../../services/activity-store';
import { detectNonceProblem, type NonceProblem } from '../../../core/ethereum/nonce-gap';
import { chainFacts, type ChainFacts } from './activity-chain';
import { incomingTransfers } from './activity-incoming';
import { signAndBroadcast } from '../eth/broadcast';
import { feePresets } from '../eth/fee-presets';
import type { InternalHandler } from './types';

/** Receipts of pending records decide confirmed/failed; a nonce already mined by another tx means replaced. */
async function applyFacts(ctx: HandlerContext, list: ActivityRecord[], facts: ChainFacts | null): Promise<ActivityRecord[]> {
  if (!facts) return list;
  const latestNonce = facts.latestNonce ?? -1;
  const changes = new Map<string, ActivityRecord['status']>();
  for (const r of list) {
    if (r.status !== 'pending') continue;
    const receipt = facts.receipts.get(r.hash);
    if (receipt) changes.set(r.hash, receipt.status === '0x1' ? 'confirmed' : 'failed');
    else if (r.fees.nonce < latestNonce) changes.set(r.hash, 'replaced');
  }
  await ctx.services.activity.update(changes);
  return list.map((r) => (changes.has(r.hash) ? { ...r, status: changes.get(r.hash)! } : r));
}

async function refresh(ctx: HandlerContext, list: ActivityRecord[], address: string): Promise<{ list: ActivityRecord[]; facts: ChainFacts | null }> {
  const net = await ctx.services.network.current();
  const facts = await chainFacts(net.rpcUrl, address, list.filter((r) => r.status === 'pending'));
  return { list: await applyFacts(ctx, list, facts), facts };
}

function nonceProblem(list: ActivityRecord[], facts: ChainFacts | null): NonceProblem | null {
  if (facts?.latestNonce == null) return null;
  return detectNonceProblem({
    latest: facts.latestNonce,
    pending: facts.pendingNonce ?? facts.latestNonce,
    ours: list.filter((r) => r.status === 'pending').map((r) => ({ nonce: r.fees.nonce, hash: r.hash, createdAt: r.createdAt })),
    pool: facts.pool,
    now: Date.now(),
  });
}

async function mine(ctx: HandlerContext): Promise<{ list: ActivityRecord[]; address: string; chainId: number; index: number }> {
  const { keyring, settings, network, activity } = ctx.services;
  const index = await settings.getSelectedAccount();
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index) ?? '';
  const chainId = await network.currentChainId();
  const list = (await activity.all()).filter((r) => r.chainId === chainId && r.from.toLowerCase() === address.toLowerCase());
  return { list, address, chainId, index };
}

/**
 * Our sent transactions (statuses refreshed), incoming transfers of the known tokens, and a
 * nonce that holds the queue up, if any: one batch, then one eth_getLogs of the new blocks.
 */
export const activityList: InternalHandler<'activity_list'> = async (ctx) => {
  const { list: stored, address, chainId } = await mine(ctx);
  const { list, facts } = await refresh(ctx, stored, address);
  const net = await ctx.services.network.current();
  const tokens = await ctx.services.tokens.list(chainId);
  const incoming = facts?.head != null ? await incomingTransfers(net.rpcUrl, chainId, tokens, address, facts.head) : null;
  const nonce = nonceProblem(list, facts);
  return { items: list, incoming, nonce, nativeSymbol: net.nativeSymbol };
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
  const [rec] = (await refresh(ctx, list.filter((r) => r.hash === hash), address)).list;
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

/**
 * Fills a nonce gap: a 0-value transaction to ourselves with exactly the missing nonce, so the
 * transactions queued behind it can be mined. Refused unless that nonce really is missing now.
 */
export const activityFillNonce: InternalHandler<'activity_fillNonce'> = async (ctx, { nonce }) => {
  const { list, index, chainId, address } = await mine(ctx);
  const { facts } = await refresh(ctx, list, address);
  const problem = nonceProblem(list, facts);
  if (!facts) throw walletError('rpc_unavailable', 'The network did not answer.');
  if (problem?.kind !== 'gap' || problem.nonce !== nonce) throw walletError('nonce_not_missing', `Nonce ${nonce} is not missing (any more).`);
  const presets = await feePresets(ctx.services.network, chainId);
  const fees: TxFees = { gas: '21000', nonce, ...presets.fast };
  const hash = await signAndBroadcast(ctx, index, { from: address, to: address, value: 0n, data: null, fees, chainId }, { kind: 'cancel', origin: null });
  return { hash };
};
