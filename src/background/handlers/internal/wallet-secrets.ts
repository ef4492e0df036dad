import { hexlify } from 'ethers';
import { walletError } from '../../../shared/errors';
import type { InternalHandler } from './types';

export const walletChangePassword: InternalHandler<'wallet_changePassword'> = (ctx, p) => ctx.services.wallet.changePassword(p.oldPassword, p.newPassword);

/** The Ethereum private key of one account, only after the password (checked again even while unlocked). */
export const walletExportPrivateKey: InternalHandler<'wallet_exportPrivateKey'> = async (ctx, { password, index }) => {
  const { wallet, keyring, settings } = ctx.services;
  if (!keyring.unlocked) throw walletError('locked', 'The wallet is locked.');
  await wallet.verifyPassword(password);
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index);
  if (!address) throw walletError('unknown_account', `No account with index ${index}`);
  const raw = await keyring.ethPrivateKey(index);
  try {
    return { privateKey: hexlify(raw), address };
  } finally {
    raw.fill(0);
  }
};

export const walletReset: InternalHandler<'wallet_reset'> = (ctx) => ctx.services.wallet.reset();
