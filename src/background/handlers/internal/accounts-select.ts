import { walletError } from '../../../shared/errors';
import { accountsForOrigin } from '../eth/accounts';
import type { InternalHandler } from './types';

/**
 * Selecting an account reorders what connected sites see (the selected one first, as
 * MetaMask does), so each site that has it is told with accountsChanged.
 */
export const accountsSelect: InternalHandler<'accounts_select'> = async (ctx, { index }) => {
  const { keyring, settings, permissions, events } = ctx.services;
  if (!keyring.hasAccount(index)) throw walletError('unknown_account', `No account with index ${index}`);
  const before = await settings.getSelectedAccount();
  await settings.setSelectedAccount(index);
  if (before !== index) {
    const origins = Object.values(await permissions.all())
      .filter((p) => (p.accounts.includes(index) || p.accounts.includes(before)) && p.accounts.length > 1)
      .map((p) => p.origin);
    if (origins.length) await events.emit('eth', 'accountsChanged', (origin) => accountsForOrigin(ctx, origin), new Set(origins));
  }
  return { selected: index };
};
