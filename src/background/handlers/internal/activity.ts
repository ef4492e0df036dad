import { walletError } from '../../../shared/errors';
import type { TxFees } from '../../../shared/approvals';
import type { HandlerContext } from '../../context';
import type { ActivityRecord } from '../../services/activity-store';
import { detectNonceProblem, type NonceProblem } from '../../../core/ethereum/nonce-gap';
import { chainFacts, type ChainFacts } from './activity-chain';
import { incomingTransfers } from './activity-incoming';
import { signAndBroadcast } from '../eth/broadcast';
import { feePresets } from '../eth/fee-presets';
import { maxCost } from '../eth/tx-prepare';
import { replacementFees } from '../../../core/ethereum/send-fees';
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

/**
 * A speed-up or cancel of a pending transaction, built but not signed: same nonce, the new fee
 * (at least +12.5 %, at least today's fast preset) next to the one it replaces. The user
 * confirms it on a review (activity_replaceConfirm), which signs exactly this.
 */
export const activityReplaceQuote: InternalHandler<'activity_replaceQuote'> = async (ctx, { hash, mode }) => {
  const { list, index, chainId, address } = await mine(ctx);
  const [rec] = (await refresh(ctx, list.filter((r) => r.hash === hash), address)).list;
  if (!rec) throw walletError('invalid_params', 'Unknown transaction');
  if (rec.status !== 'pending') throw walletError('not_pending', 'This transaction is no longer pending.');
  if (rec.kind === 'cancel' && mode === 'cancel') throw walletError('not_pending', 'This transaction is already a cancel.');
  const cancel = mode === 'cancel';
  const fast = (await feePresets(ctx.services.network, chainId)).fast;
  const gas = cancel ? '21000' : rec.fees.gas;
  const fees: TxFees = { gas, nonce: rec.fees.nonce, ...replacementFees(rec.fees, fast) };
  const q = await ctx.services.ethQuotes.put({
    kind: mode,
    account: index,
    chainId,
    from: address,
    txTo: cancel ? address : (rec.to ?? ''),
    value: cancel ? '0' : rec.value,
    data: cancel ? null : rec.data,
    ...(rec.token && !cancel ? { token: rec.token } : {}),
    gas,
    nonce: rec.fees.nonce,
    replaces: rec.hash,
    origin: rec.origin,
    fees: { ...(fees.maxFeePerGas !== undefined ? { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas } : { gasPrice: fees.gasPrice }) },
  });
  const net = await ctx.services.network.current();
  return {
    quoteId: q.id,
    expiresAt: ctx.services.ethQuotes.expiresAt(q),
    mode,
    replaces: rec.hash,
    nonce: rec.fees.nonce,
    to: cancel ? address : rec.to,
    value: cancel ? '0' : rec.value,
    ...(rec.token && !cancel ? { token: rec.token } : {}),
    oldFees: rec.fees,
    newFees: fees,
    nativeSymbol: net.nativeSymbol,
  };
};

/** Signs the reviewed replacement once, if the one it replaces is still waiting and the balance covers the new fee. */
export const activityReplaceConfirm: InternalHandler<'activity_replaceConfirm'> = async (ctx, { quoteId }) => {
  const q = await ctx.services.ethQuotes.take(quoteId);
  if (q.kind === 'send') throw walletError('quote_expired', 'This review has expired or was already sent. Review it again.');
  const { network } = ctx.services;
  const [latestHex, balanceHex] = await Promise.all([network.rpc('eth_getTransactionCount', [q.from, 'latest'], q.chainId), network.rpc('eth_getBalance', [q.from, 'latest'], q.chainId)]).catch(() => {
    throw walletError('rpc_unavailable', 'The network did not answer.');
  });
  if (typeof latestHex !== 'string' || typeof balanceHex !== 'string') throw walletError('rpc_unavailable', 'The network answered garbage.');
  if (Number(BigInt(latestHex)) > q.nonce) throw walletError('not_pending', 'This transaction is no longer pending.');
  const fees: TxFees = { gas: q.gas, nonce: q.nonce, ...q.fees };
  if (maxCost(BigInt(q.value), fees) > BigInt(balanceHex)) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  const tx = { from: q.from, to: q.txTo, value: BigInt(q.value), data: q.data, fees, chainId: q.chainId };
  const hash = await signAndBroadcast(ctx, q.account, tx, { kind: q.kind, origin: q.origin, replaces: q.replaces, ...(q.token ? { token: q.token } : {}) });
  return { hash };
};

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
