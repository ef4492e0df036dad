import { VALUELESS_BTC_NETWORKS, VALUELESS_CHAIN_IDS } from '../../../shared/prices';
import type { InternalHandler } from './types';

/**
 * Rates for the assets on the home screen, in the chosen currency. With the source off
 * (the default) this contacts nothing at all.
 */
export const pricesGet: InternalHandler<'prices_get'> = async (ctx) => {
  const settings = await ctx.services.settings.get();
  if (!settings.prices.enabled) return { enabled: false };
  const net = await ctx.services.network.current();
  const symbols = [
    ...(VALUELESS_CHAIN_IDS.has(net.chainId) ? [] : [net.nativeSymbol]),
    ...(VALUELESS_BTC_NETWORKS.has(settings.btcNetwork) ? [] : ['BTC']),
  ];
  const { rates, fetchedAt } = await ctx.services.prices.rates(settings.prices, symbols);
  return { enabled: true, currency: settings.prices.currency, rates, fetchedAt };
};
