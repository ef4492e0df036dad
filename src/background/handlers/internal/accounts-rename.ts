import type { InternalHandler } from './types';

export const accountsRename: InternalHandler<'accounts_rename'> = async (ctx, { index, name }) => {
  const { keyring, settings } = ctx.services;
  return { account: await keyring.rename((await settings.get()).btcNetwork, index, name) };
};
