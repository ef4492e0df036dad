import type { EthMethod } from './types';

export const ethChainId: EthMethod = {
  access: 'public',
  unlock: false,
  handle: async (ctx) => `0x${(await ctx.services.network.currentChainId()).toString(16)}`,
};

export const netVersion: EthMethod = {
  access: 'public',
  unlock: false,
  handle: async (ctx) => String(await ctx.services.network.currentChainId()),
};
