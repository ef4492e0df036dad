import type { InternalHandler } from './types';

/**
 * The popup keeps the new phrase while the user writes it down and takes the quiz, so a
 * worker stopped in between loses nothing; nothing is stored until wallet_create.
 */
export const walletGenerateMnemonic: InternalHandler<'wallet_generateMnemonic'> = (ctx, { words }) =>
  Promise.resolve({ mnemonic: ctx.services.wallet.newMnemonic(words) });
