import { WalletError } from '../../../shared/errors';
import { listAccounts } from './accounts-list';
import type { InternalHandler } from './types';

/**
 * The popup's first message: lock state, settings and, while unlocked, the home screen's
 * accounts, so the first screen needs one round trip instead of three in a row.
 */
export const popupOpen: InternalHandler<'popup_open'> = async (ctx) => {
  const { wallet, keyring, settings } = ctx.services;
  const current = await settings.get();
  // Locked in between (auto-lock): no accounts; the state read after it says locked too.
  const home = keyring.unlocked ? await listAccounts(ctx, current.btcNetwork).catch(nullIfLocked) : null;
  const state = await wallet.state();
  return { state, settings: current, home: state.unlocked ? home : null };
};

function nullIfLocked(err: unknown): null {
  if (err instanceof WalletError && err.data?.reason === 'locked') return null;
  throw err;
}
