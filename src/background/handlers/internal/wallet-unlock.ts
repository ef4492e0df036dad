import type { InternalHandler } from './types';

export const walletUnlock: InternalHandler<'wallet_unlock'> = (ctx, { password }) => ctx.services.wallet.unlock(password);
