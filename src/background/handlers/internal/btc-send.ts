import { parseUnits } from '../../../shared/units';
import { walletError } from '../../../shared/errors';
import { clearSendDraft } from './send-draft';
import type { InternalHandler } from './types';

/** Review of a popup send: coins chosen, fee, change, warnings; nothing is signed yet. */
export const btcSendQuote: InternalHandler<'btc_sendQuote'> = async (ctx, p) => {
  const { btc, settings } = ctx.services;
  let value: bigint | 'max';
  if (p.amount.toLowerCase() === 'max') value = 'max';
  else {
    const sats = parseUnits(p.amount, 8);
    if (sats === null || sats <= 0n) throw walletError('invalid_amount', 'Enter an amount in BTC greater than zero, with at most 8 decimals.');
    value = sats;
  }
  return btc.send.quote({ account: await settings.getSelectedAccount(), to: [{ address: p.to, value }], feeRate: p.feeRate, from: p.from, kind: 'send', origin: null });
};

/** Review of a speed-up or cancel of one of our pending sends. */
export const btcReplaceQuote: InternalHandler<'btc_replaceQuote'> = async (ctx, p) => {
  const { btc, settings } = ctx.services;
  return btc.send.quoteReplacement(await settings.getSelectedAccount(), p.txid.toLowerCase(), p.mode, p.feeRate);
};

/** Signs and broadcasts exactly what the review showed (once); the send form's draft is done with. */
export const btcSendConfirm: InternalHandler<'btc_sendConfirm'> = async (ctx, p) => {
  const sent = await ctx.services.btc.send.confirm(p.quoteId);
  await clearSendDraft(ctx);
  return sent;
};
