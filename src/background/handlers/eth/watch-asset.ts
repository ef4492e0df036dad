import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import { address, parseParams, type EthMethod } from './types';

const params = v.object({
  type: v.literal('ERC20'),
  options: v.object({
    address,
    symbol: v.pipe(v.string(), v.minLength(1), v.maxLength(11)),
    decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
    image: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }),
});

/** wallet_watchAsset (ERC-20): asks, then adds the token to this chain's list. */
export const walletWatchAsset: EthMethod = {
  access: 'public',
  unlock: true,
  handle: async (ctx, raw) => {
    // MetaMask accepts the object itself or a one-element array.
    const input = Array.isArray(raw) && raw.length === 1 ? (raw[0] as unknown) : raw;
    const { options } = parseParams(params, input, 'wallet_watchAsset');
    const chainId = await ctx.services.network.currentChainId();
    const image = options.image && /^(https:|data:image\/)/.test(options.image) ? options.image : null;
    const decision = await ctx.services.approvals.request(ctx.key, ctx.origin, {
      kind: 'watch_asset',
      address: options.address,
      symbol: options.symbol,
      decimals: options.decimals,
      image,
      chainId,
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    await ctx.services.tokens.add(chainId, { address: options.address, symbol: options.symbol, decimals: options.decimals, image });
    return true;
  },
};
