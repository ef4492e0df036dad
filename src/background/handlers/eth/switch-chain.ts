import * as v from 'valibot';
import { parseChainId } from '../../../core/ethereum';
import { RPC, WalletError } from '../../../shared/errors';
import type { ProviderContext } from '../../context';
import { defineMethod, invalidParams, parseParams } from '../provider-method';

const params = v.tuple([v.object({ chainId: v.string() })]);

/** Switches the wallet's EVM chain after the user agreed, and tells every page. */
export async function switchTo(ctx: ProviderContext, chainId: number): Promise<void> {
  const { network, approvals } = ctx.services;
  const [from, to] = [await network.current(), await network.get(chainId)];
  if (!to) throw new WalletError(4902, `Unrecognized chain ID 0x${chainId.toString(16)}. Try adding the chain using wallet_addEthereumChain first.`);
  if (from.chainId === chainId) return;
  const decision = await approvals.request(ctx.key, ctx.origin, { kind: 'switch_chain', chainId, name: to.name, fromChainId: from.chainId, fromName: from.name });
  if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
  await network.select(chainId);
  await emitChainChanged(ctx, chainId);
}

/**
 * chainChanged goes to every page that talks to us, connected or not (unlike accountsChanged,
 * which only connected origins get): eth_chainId is public, answered to any page, so each
 * provider's `chainId` must follow the wallet. MetaMask does the same (notifyAllConnections).
 */
export async function emitChainChanged(ctx: Pick<ProviderContext, 'services'>, chainId: number): Promise<void> {
  await ctx.services.events.emit('eth', 'chainChanged', () => `0x${chainId.toString(16)}`);
}

export function chainIdNumber(raw: unknown): number {
  let id: bigint;
  try {
    id = parseChainId(raw);
  } catch (err) {
    throw invalidParams(`Invalid chainId: ${(err as Error).message}`);
  }
  if (id > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidParams('chainId too large');
  return Number(id);
}

/** A 0x-hex chain id as EIP-3326 / EIP-3085 want it (-32602 otherwise). */
export function hexChainId(raw: string): number {
  if (!/^0x[0-9a-fA-F]+$/.test(raw)) throw invalidParams('chainId must be a 0x-prefixed hex string');
  return chainIdNumber(raw);
}

export const walletSwitchEthereumChain = defineMethod({
  access: 'public',
  unlock: true,
  parse: (raw) => hexChainId(parseParams(params, raw, 'wallet_switchEthereumChain')[0].chainId),
  handle: async (ctx, chainId) => {
    await switchTo(ctx, chainId);
    return null;
  },
});
