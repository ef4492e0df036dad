import type { Settings } from '../../../shared/messages';
import { notifyBtcNetworkChanged } from '../btc/events';
import type { InternalHandler } from './types';

export const settingsSet: InternalHandler<'settings_set'> = async (ctx, params) => {
  const patch: Partial<Settings> = {};
  if (params.language !== undefined) patch.language = params.language;
  if (params.btcNetwork !== undefined) patch.btcNetwork = params.btcNetwork;
  if (params.autoLockMinutes !== undefined) patch.autoLockMinutes = params.autoLockMinutes;
  const before = await ctx.services.settings.get();
  const next = await ctx.services.settings.update(patch);
  // Connected Bitcoin sites hear of a new network (and their addresses on it), as EVM sites hear chainChanged.
  if (patch.btcNetwork !== undefined && patch.btcNetwork !== before.btcNetwork && ctx.services.keyring.unlocked) await notifyBtcNetworkChanged(ctx);
  // A new idle time applies at once, not after the old alarm fires.
  if (patch.autoLockMinutes !== undefined && ctx.services.keyring.unlocked) await ctx.services.autoLock.arm(next.autoLockMinutes);
  return next;
};
