import type { InternalHandler } from './types';

/** Sites with Ethereum and/or Bitcoin permissions, one row each. */
export const sitesList: InternalHandler<'sites_list'> = async (ctx) => {
  const { permissions, keyring, settings, btc } = ctx.services;
  const [eth, bit] = await Promise.all([permissions.all(), btc.permissions.all()]);
  const network = (await settings.get()).btcNetwork;
  const views = new Map((await keyring.list(network)).map((a) => [a.index, a]));
  const origins = [...new Set([...Object.keys(eth), ...Object.keys(bit)])];
  return {
    sites: origins.map((origin) => ({
      origin,
      grantedAt: Math.min(eth[origin]?.grantedAt ?? Infinity, bit[origin]?.grantedAt ?? Infinity),
      accounts: (eth[origin]?.accounts ?? []).map((i) => views.get(i)?.eth).filter((a): a is string => !!a),
      btcAccounts: (bit[origin]?.accounts ?? []).map((i) => views.get(i)?.btc.p2wpkh).filter((a): a is string => !!a),
    })),
  };
};

/** Disconnecting a site tells its pages at once: accountsChanged([]) on both chains. */
export const sitesDisconnect: InternalHandler<'sites_disconnect'> = async (ctx, { origin }) => {
  const { permissions, btc, events } = ctx.services;
  const [eth, bit] = await Promise.all([permissions.revoke(origin), btc.permissions.revoke(origin)]);
  if (eth) await events.emit('eth', 'accountsChanged', () => [], new Set([origin]));
  if (bit) await events.emit('btc', 'accountsChanged', () => [], new Set([origin]));
  return { disconnected: eth || bit };
};
