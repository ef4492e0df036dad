import type { InternalHandler } from './types';

export const walletLock: InternalHandler<'wallet_lock'> = (ctx) => ctx.services.wallet.lock();
