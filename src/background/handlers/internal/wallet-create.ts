import type { InternalHandler } from './types';

export const walletCreate: InternalHandler<'wallet_create'> = (ctx, p) =>
  ctx.services.wallet.create({ mnemonic: p.mnemonic, password: p.password, backedUp: p.backedUp });
