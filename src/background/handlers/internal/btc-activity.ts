import { btcActivity } from '../../services/btc-activity-view';
import { withBtcErrors } from '../../services/btc-errors';
import type { InternalHandler } from './types';

export const btcActivityList: InternalHandler<'btc_activity'> = async (ctx) => {
  const { btc, settings } = ctx.services;
  const account = await settings.getSelectedAccount();
  return { items: await withBtcErrors(() => btcActivity(btc.wallet, btc.activity, account)) };
};
