import { walletError } from '../../../shared/errors';
import type { Settings } from '../../../shared/messages';
import { isAllowedRpcUrl } from '../../../shared/networks';
import { notifyBtcNetworkChanged } from '../btc/events';
import type { InternalHandler } from './types';

export const settingsSet: InternalHandler<'settings_set'> = async (ctx, params) => {
  const patch: Partial<Settings> = {};
  if (params.language !== undefined) patch.language = params.language;
  if (params.btcNetwork !== undefined) patch.btcNetwork = params.btcNetwork;
  if (params.autoLockMinutes !== undefined) patch.autoLockMinutes = params.autoLockMinutes;
  if (params.prices !== undefined) {
    // Checked before anything is written: a bad URL leaves every setting as it was.
    const url = params.prices.url.replace(/\/+$/, '');
    if (!isAllowedRpcUrl(url) || new URL(url).search || new URL(url).hash) throw walletError('price_url_not_allowed', 'Use an https URL (plain http only for this computer), without ? or #.');
    patch.prices = { ...params.prices, url };
  }
  const before = await ctx.services.settings.get();
  const next = await ctx.services.settings.update(patch);
  // Connected Bitcoin sites hear of a new network (and their addresses on it), as EVM sites hear chainChanged.
  if (patch.btcNetwork !== undefined && patch.btcNetwork !== before.btcNetwork && ctx.services.keyring.unlocked) await notifyBtcNetworkChanged(ctx);
  // A new idle time applies at once, not after the old alarm fires.
  if (patch.autoLockMinutes !== undefined && ctx.services.keyring.unlocked) await ctx.services.autoLock.arm(next.autoLockMinutes);
  return next;
};
