import { RPC, WalletError } from '../../../shared/errors';
import { withBtcErrors } from '../../services/btc-errors';
import { defineMethod, noParams } from '../provider-method';

/**
 * The connected account's balance over both address types (sats as decimal strings). Works
 * while locked, from the addresses already known: a site polling the balance does not keep
 * opening the unlock window.
 */
export const getBalance = defineMethod({
  access: 'connected',
  unlock: false,
  parse: noParams,
  handle: async (ctx) => {
    const perm = await ctx.services.btc.permissions.get(ctx.origin);
    const account = perm?.accounts[0];
    if (account === undefined) throw new WalletError(RPC.unauthorized, 'The requested account and/or method has not been authorized by the user.');
    const b = await withBtcErrors(() => ctx.services.btc.wallet.balance(account));
    return { confirmed: b.total.confirmed.toString(), unconfirmed: b.total.unconfirmed.toString(), total: b.total.total.toString() };
  },
});
