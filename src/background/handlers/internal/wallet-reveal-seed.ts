import type { InternalHandler } from './types';

// Password checked again even while unlocked: someone at an unlocked machine must not read the phrase.
export const walletRevealSeed: InternalHandler<'wallet_revealSeed'> = async (ctx, { password }) => ({
  mnemonic: await ctx.services.wallet.revealSeed(password),
});
