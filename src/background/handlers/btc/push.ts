import * as v from 'valibot';
import { Transaction } from 'bitcoinjs-lib';
import { withBtcErrors } from '../../services/btc-errors';
import { defineMethod, invalidParams, parseParams } from '../provider-method';
import { decodePsbtParam, requireBtcNetwork } from './psbt-param';

const hexTx = v.pipe(v.string(), v.regex(/^(?:[0-9a-fA-F]{2}){60,}$/, 'Expected a raw transaction in hex'), v.maxLength(2_000_000));

/** Broadcasts a transaction that is already signed (nothing of ours is signed here). */
export const pushTx = defineMethod({
  access: 'connected',
  unlock: false,
  parse: (params) => {
    const { hex } = parseParams(v.strictObject({ hex: hexTx }), params, 'pushTx');
    try {
      Transaction.fromHex(hex);
    } catch {
      throw invalidParams('Malformed transaction hex');
    }
    return hex;
  },
  handle: async (ctx, hex) => {
    const { client } = await ctx.services.btc.networks.client();
    return { txid: await withBtcErrors(() => client.broadcast(hex)) };
  },
});

/** Finalizes (where needed), extracts and broadcasts a fully signed PSBT. */
export const pushPsbt = defineMethod({
  access: 'connected',
  unlock: false,
  parse: (params, ctx) => decodePsbtParam(ctx, parseParams(v.strictObject({ psbt: v.pipe(v.string(), v.minLength(1), v.maxLength(2_000_000)) }), params, 'pushPsbt').psbt),
  handle: async (ctx, { psbt, network }) => {
    await requireBtcNetwork(ctx, network);
    const { client } = await ctx.services.btc.networks.client(network);
    return withBtcErrors(async () => {
      let hex: string;
      try {
        psbt.data.inputs.forEach((input, i) => {
          if (!input.finalScriptWitness && !input.finalScriptSig) psbt.finalizeInput(i);
        });
        hex = psbt.extractTransaction(true).toHex();
      } catch (e) {
        throw invalidParams(`This PSBT is not fully signed: ${e instanceof Error ? e.message.slice(0, 200) : 'cannot finalize'}`);
      }
      return { txid: await client.broadcast(hex) };
    });
  },
});
