import type { InternalHandler } from './types';

export const accountsList: InternalHandler<'accounts_list'> = async (ctx) => {
  const { keyring, settings } = ctx.services;
  const [{ btcNetwork }, selected] = await Promise.all([settings.get(), settings.getSelectedAccount()]);
  const accounts = await keyring.list(btcNetwork);
  return { accounts, selected: accounts.some((a) => a.index === selected) ? selected : (accounts[0]?.index ?? 0) };
};
