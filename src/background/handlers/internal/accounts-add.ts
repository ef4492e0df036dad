import type { InternalHandler } from './types';

export const accountsAdd: InternalHandler<'accounts_add'> = async (ctx, { name }) => {
  const { keyring, settings } = ctx.services;
  const account = await keyring.add((await settings.get()).btcNetwork, name);
  await settings.setSelectedAccount(account.index);
  return { account };
};
