import * as v from 'valibot';
import { btcNetworkInfo } from '../../../shared/btc-networks';
import { RPC, WalletError } from '../../../shared/errors';
import { BTC_NETWORKS } from '../../../shared/messages';
import { defineMethod, noParams, parseParams } from '../provider-method';
import { notifyBtcNetworkChanged } from './events';

export const getNetwork = defineMethod({
  access: 'public',
  unlock: false,
  parse: noParams,
  handle: async (ctx) => ({ network: await ctx.services.btc.networks.currentId() }),
});

const switchSchema = v.strictObject({ network: v.picklist(BTC_NETWORKS) });

/** The user confirms a network change a site asks for; every connected site then hears of it. */
export const switchNetwork = defineMethod({
  access: 'connected',
  unlock: true,
  parse: (params) => parseParams(switchSchema, params, 'switchNetwork').network,
  handle: async (ctx, network) => {
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
});
