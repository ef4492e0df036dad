import { walletError } from '../../../shared/errors';
import type { HandlerContext } from '../../context';
import { readToken, tokenAddress } from '../../services/token-metadata';
import type { InternalHandler } from './types';

async function owner(ctx: HandlerContext): Promise<string> {
  const { keyring, settings } = ctx.services;
  const index = await settings.getSelectedAccount();
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index);
  if (!address) throw walletError('unknown_account', 'No account selected');
  return address;
}

/** Reads a token from its contract so the user sees what they would add. */
export const tokensLookup: InternalHandler<'tokens_lookup'> = async (ctx, { address }) => {
  const net = await ctx.services.network.current();
  return { token: await readToken(net.rpcUrl, tokenAddress(address), await owner(ctx)) };
};

/** Adds a token with the metadata its contract reports now (the popup's word is not taken for it). */
export const tokensAdd: InternalHandler<'tokens_add'> = async (ctx, { address }) => {
  const net = await ctx.services.network.current();
  const token = await readToken(net.rpcUrl, tokenAddress(address), await owner(ctx));
  await ctx.services.tokens.add(net.chainId, { address: token.address, symbol: token.symbol, decimals: token.decimals, image: null });
  return { token };
};

export const tokensRemove: InternalHandler<'tokens_remove'> = async (ctx, { address }) => {
  const chainId = await ctx.services.network.currentChainId();
  return { removed: await ctx.services.tokens.remove(chainId, tokenAddress(address)) };
};
