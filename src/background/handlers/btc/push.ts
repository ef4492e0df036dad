import * as v from 'valibot';
import { Transaction } from 'bitcoinjs-lib';
import { parsePsbt } from '../../../core/bitcoin';
import { withBtcErrors } from '../../services/btc-errors';
import type { EthMethod as ProviderMethod } from '../eth/types';
import { invalidParams, parseParams } from '../eth/types';

const hexTx = v.pipe(v.string(), v.regex(/^(?:[0-9a-fA-F]{2}){60,}$/, 'Expected a raw transaction in hex'), v.maxLength(2_000_000));

/** Broadcasts a transaction that is already signed (nothing of ours is signed here). */
export const pushTx: ProviderMethod = {
  access: 'connected',
  unlock: false,
  handle: async (ctx, params) => {
    const { hex } = parseParams(v.strictObject({ hex: hexTx }), params, 'pushTx');
    try {
      Transaction.fromHex(hex);
    } catch {
      throw invalidParams('Malformed transaction hex');
    }
    const { client } = await ctx.services.btc.networks.client();
    return { txid: await withBtcErrors(() => client.broadcast(hex)) };
  },
};

/** Finalizes (where needed), extracts and broadcasts a fully signed PSBT. */
export const pushPsbt: ProviderMethod = {
  access: 'connected',
  unlock: false,
  handle: async (ctx, params) => {
    const { psbt: text } = parseParams(v.strictObject({ psbt: v.pipe(v.string(), v.minLength(1), v.maxLength(2_000_000)) }), params, 'pushPsbt');
    const { network, client } = await ctx.services.btc.networks.client();
    return withBtcErrors(async () => {
      const psbt = parsePsbt(text, network);
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
};
