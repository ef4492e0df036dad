import { walletError } from '../../../shared/errors';
import type { InternalHandler } from './types';

export const accountsSelect: InternalHandler<'accounts_select'> = async (ctx, { index }) => {
  if (!ctx.services.keyring.hasAccount(index)) throw walletError('unknown_account', `No account with index ${index}`);
  await ctx.services.settings.setSelectedAccount(index);
  return { selected: index };
};
