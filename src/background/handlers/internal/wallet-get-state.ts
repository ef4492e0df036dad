import type { InternalHandler } from './types';

export const walletGetState: InternalHandler<'wallet_getState'> = (ctx) => ctx.services.wallet.state();
