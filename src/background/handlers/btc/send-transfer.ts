import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import { withBtcErrors } from '../../services/btc-errors';
import { defineMethod, parseParams } from '../provider-method';
import { requireBtcAccount } from './accounts';

const sats = v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, 'Expected an amount in satoshis'));
const schema = v.strictObject({
  recipients: v.pipe(v.array(v.strictObject({ address: v.pipe(v.string(), v.maxLength(128)), amount: sats })), v.minLength(1), v.maxLength(100)),
  feeRate: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000_000))),
});

/**
 * A payment a site asks for: the wallet builds it from the connected account's SegWit coins
 * (Taproot coins may hold inscriptions and are left alone), shows it, and sends it on approval.
 */
export const sendTransfer = defineMethod({
  access: 'connected',
  unlock: true,
  parse: (params) => parseParams(schema, params, 'sendTransfer'),
  handle: async (ctx, p) => {
    const account = await requireBtcAccount(ctx);
    const { btc, approvals } = ctx.services;
    const feeRate = p.feeRate ?? (await withBtcErrors(async () => (await (await btc.networks.client()).client.feeEstimates()).normal));
    const review = await btc.send.quote({ account, to: p.recipients.map((r) => ({ address: r.address, value: BigInt(r.amount) })), feeRate, from: 'p2wpkh', kind: 'dapp', origin: ctx.origin });
    const decision = await approvals.request(ctx.key, ctx.origin, { kind: 'btc_send', review }, review.warnings);
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    return btc.send.confirm(review.quoteId);
  },
});
