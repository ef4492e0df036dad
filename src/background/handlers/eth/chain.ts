import { defineMethod, noParams } from '../provider-method';

export const ethChainId = defineMethod({
  access: 'public',
  unlock: false,
  parse: noParams,
  handle: async (ctx) => `0x${(await ctx.services.network.currentChainId()).toString(16)}`,
});

export const netVersion = defineMethod({
  access: 'public',
  unlock: false,
  parse: noParams,
  handle: async (ctx) => String(await ctx.services.network.currentChainId()),
});
