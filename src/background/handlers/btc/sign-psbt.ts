import * as v from 'valibot';
import { analyzeParsedPsbt } from '../../../core/bitcoin';
import { RPC, WalletError } from '../../../shared/errors';
import { withBtcErrors } from '../../services/btc-errors';
import { signWithAccount, type SignStep } from '../../services/btc-signer';
import { defineMethod, invalidParams, parseParams } from '../provider-method';
import { requireBtcAccount } from './accounts';
import { decodePsbtParam, requireBtcNetwork } from './psbt-param';
import { psbtView, psbtWarnings } from './psbt-view';

const sighash = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255));
const schema = v.strictObject({
  psbt: v.pipe(v.string(), v.minLength(1), v.maxLength(2_000_000)),
  signInputs: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
          address: v.optional(v.pipe(v.string(), v.maxLength(128))),
          publicKey: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64,66}$/))),
          sighashTypes: v.optional(v.pipe(v.array(sighash), v.maxLength(8))),
        }),
      ),
      v.maxLength(1000),
    ),
  ),
  finalize: v.optional(v.boolean()),
  broadcast: v.optional(v.boolean()),
});

/**
 * Signs a dApp's PSBT after the user saw every input (ours or not, signed or not), output,
 * the fee and the risks. Only the account's own inputs that the request names are signed;
 * anything unsafe is refused before the window opens (-32602, nothing signed).
 */
export const signPsbt = defineMethod({
  access: 'connected',
  unlock: true,
  parse: async (params, ctx) => {
    const p = parseParams(schema, params, 'signPsbt');
    return { ...p, ...(await decodePsbtParam(ctx, p.psbt)) };
  },
  handle: async (ctx, p) => {
    const { psbt, network } = p;
    const account = await requireBtcAccount(ctx);
    await requireBtcNetwork(ctx, network);
    const { btc, approvals, keyring } = ctx.services;
    await btc.book.ensureGap(network, account);
    const own = await btc.book.ownScripts(network, account);
    const { client } = await btc.networks.client(network);
    const analysis = await withBtcErrors(async () => {
      const referenceFeeRate = await client.feeEstimates().then((f) => f.fast, () => undefined);
      return analyzeParsedPsbt(psbt, { network, ownScripts: own, ...(p.signInputs ? { toSignInputs: p.signInputs } : {}), ...(referenceFeeRate ? { referenceFeeRate } : {}) });
    });
    if (analysis.toSign.length === 0) throw invalidParams('None of the inputs of this PSBT belongs to the connected account: there is nothing to sign.');
    const finalize = p.finalize ?? false;
    const broadcast = p.broadcast ?? false;
    const decision = await approvals.request(ctx.key, ctx.origin, { kind: 'btc_sign_psbt', tx: psbtView(analysis, network), finalize: finalize || broadcast, broadcast }, psbtWarnings(analysis.warnings));
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');

    const byAddress = new Map([...own.values()].map((o) => [o.address, o]));
    const steps: SignStep[] = analysis.toSign.map((t) => {
      const addr = analysis.inputs[t.index]?.address;
      const owner = addr ? byAddress.get(addr) : undefined;
      if (!owner?.path) throw invalidParams(`Input #${t.index} is not one of this account's coins`);
      return { index: t.index, type: owner.type, change: owner.path.change, keyIndex: owner.path.index, sighashTypes: t.sighashTypes };
    });
    return withBtcErrors(async () => {
      await signWithAccount(keyring, psbt, network, account, steps);
      if (finalize || broadcast) for (const s of steps) psbt.finalizeInput(s.index);
      let txid: string | undefined;
      if (broadcast) {
        const tx = psbt.extractTransaction(true);
        txid = await client.broadcast(tx.toHex());
      }
      return { psbtHex: psbt.toHex(), psbtBase64: psbt.toBase64(), ...(txid ? { txid } : {}) };
    });
  },
});
