import type { InternalHandler } from './types';

export const sitesList: InternalHandler<'sites_list'> = async (ctx) => {
  const { permissions, keyring, settings } = ctx.services;
  const all = Object.values(await permissions.all());
  const indexes = [...new Set(all.flatMap((p) => p.accounts))];
  const map = await keyring.ethAddresses(indexes, (await settings.get()).btcNetwork);
  return {
    sites: all.map((p) => ({ origin: p.origin, grantedAt: p.grantedAt, accounts: p.accounts.map((i) => map.get(i)).filter((a): a is string => !!a) })),
  };
};

/** Disconnecting a site tells its pages at once: accountsChanged([]). */
export const sitesDisconnect: InternalHandler<'sites_disconnect'> = async (ctx, { origin }) => {
  const disconnected = await ctx.services.permissions.revoke(origin);
  if (disconnected) await ctx.services.events.emit('eth', 'accountsChanged', () => [], new Set([origin]));
  return { disconnected };
};
