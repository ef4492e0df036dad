import * as v from 'valibot';
import { btcNetworkInfo } from '../../../shared/btc-networks';
import { RPC, WalletError } from '../../../shared/errors';
import { BTC_NETWORKS } from '../../../shared/messages';
import type { EthMethod as ProviderMethod } from '../eth/types';
import { parseParams } from '../eth/types';
import { notifyBtcNetworkChanged } from './events';

export const getNetwork: ProviderMethod = {
  access: 'public',
  unlock: false,
  handle: async (ctx) => ({ network: await ctx.services.btc.networks.currentId() }),
};

const switchSchema = v.strictObject({ network: v.picklist(BTC_NETWORKS) });

/** The user confirms a network change a site asks for; every connected site then hears of it. */
export const switchNetwork: ProviderMethod = {
  access: 'connected',
  unlock: true,
  handle: async (ctx, params) => {
    const { network } = parseParams(switchSchema, params, 'switchNetwork');
    const { btc, approvals, settings } = ctx.services;
    const from = await btc.networks.currentId();
    if (from === network) return { network };
    const decision = await approvals.request(ctx.key, ctx.origin, {
      kind: 'switch_chain',
      chainId: 0,
      name: btcNetworkInfo(network).name,
      fromChainId: 0,
      fromName: btcNetworkInfo(from).name,
      btc: { from, to: network },
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    await settings.update({ btcNetwork: network });
    await notifyBtcNetworkChanged(ctx);
    return { network };
  },
};
