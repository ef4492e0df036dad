import { walletError } from '../../../shared/errors';
import { isAllowedRpcUrl } from '../../../shared/networks';
import { rpcCall } from '../../services/rpc-client';
import { emitChainChanged } from '../eth/switch-chain';
import type { InternalHandler } from './types';

/** The RPC must itself say it serves this chain: a typo or a hostile URL must not pass as "Ethereum". */
async function checkRpc(rpcUrl: string, chainId: number): Promise<void> {
  if (!isAllowedRpcUrl(rpcUrl)) throw walletError('rpc_url_not_allowed', 'Use an https URL (plain http only for this computer).');
  let answered: unknown;
  try {
    answered = await rpcCall(rpcUrl, 'eth_chainId');
  } catch {
    throw walletError('rpc_unavailable', `${new URL(rpcUrl).host} did not answer.`);
  }
  if (typeof answered !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answered) || BigInt(answered) !== BigInt(chainId)) {
    throw walletError('rpc_wrong_chain', `This RPC serves chain ${typeof answered === 'string' ? BigInt(answered).toString() : '?'}, not ${chainId}.`, { count: chainId });
  }
}

const explorerOk = (u?: string) => !u || u.startsWith('https://');

export const networksAdd: InternalHandler<'networks_add'> = async (ctx, p) => {
  const { network } = ctx.services;
  if (await network.get(p.chainId)) throw walletError('network_exists', `Chain ${p.chainId} is already in the list; edit it instead.`);
  if (!explorerOk(p.explorerUrl)) throw walletError('rpc_url_not_allowed', 'The explorer URL must use https.');
  await checkRpc(p.rpcUrl, p.chainId);
  return { network: await network.addCustom({ chainId: p.chainId, name: p.name, rpcUrl: p.rpcUrl, nativeSymbol: p.nativeSymbol, nativeDecimals: 18, ...(p.explorerUrl ? { explorerUrl: p.explorerUrl } : {}) }) };
};

export const networksUpdate: InternalHandler<'networks_update'> = async (ctx, p) => {
  if (!explorerOk(p.explorerUrl)) throw walletError('rpc_url_not_allowed', 'The explorer URL must use https.');
  await checkRpc(p.rpcUrl, p.chainId);
  return { network: await ctx.services.network.update(p.chainId, p.rpcUrl, p.explorerUrl || undefined) };
};

export const networksRemove: InternalHandler<'networks_remove'> = async (ctx, { chainId }) => {
  const { network } = ctx.services;
  const wasCurrent = (await network.currentChainId()) === chainId;
  await network.remove(chainId);
  if (wasCurrent) await emitChainChanged(ctx, await network.currentChainId());
  return { removed: true };
};
