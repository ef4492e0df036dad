import type { InternalHandler } from './types';

// An imported phrase was backed up by whoever holds it already.
export const walletImport: InternalHandler<'wallet_import'> = (ctx, p) =>
  ctx.services.wallet.create({ mnemonic: p.mnemonic, password: p.password, backedUp: true, ...(p.passphrase ? { passphrase: p.passphrase } : {}) });
