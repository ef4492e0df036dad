import { emitChainChanged } from '../eth/switch-chain';
import type { InternalHandler } from './types';

export const networksList: InternalHandler<'networks_list'> = async (ctx) => ({
  networks: await ctx.services.network.list(),
  current: await ctx.services.network.currentChainId(),
});

export const networksSelect: InternalHandler<'networks_select'> = async (ctx, { chainId }) => {
  const before = await ctx.services.network.currentChainId();
  await ctx.services.network.select(chainId);
  if (before !== chainId) await emitChainChanged(ctx, chainId);
  return { current: chainId };
};
