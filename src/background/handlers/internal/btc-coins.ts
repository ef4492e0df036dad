import { withBtcErrors } from '../../services/btc-errors';
import type { InternalHandler } from './types';

/** The account's unspent coins, so the user can freeze the ones that must never be spent. */
export const btcCoins: InternalHandler<'btc_coins'> = async (ctx) => {
  const { btc, settings } = ctx.services;
  const { coins } = await withBtcErrors(async () => btc.wallet.coins(await settings.getSelectedAccount()));
  return {
    coins: coins
      .map((c) => ({ outpoint: `${c.txid}:${c.vout}`, value: c.value.toString(), address: c.address, type: c.scriptType, confirmed: c.confirmed, frozen: c.frozen, change: c.change === 1 }))
      .sort((a, b) => (BigInt(b.value) > BigInt(a.value) ? 1 : -1)),
  };
};

export const btcSetFrozen: InternalHandler<'btc_setFrozen'> = async (ctx, p) => {
  const { btc } = ctx.services;
  return { frozen: await btc.frozen.set(await btc.networks.currentId(), p.outpoint, p.frozen) };
};
