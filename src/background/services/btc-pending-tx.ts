import { addressFromScript, type RawTxView, type Recipient, type SendInput } from '../../core/bitcoin';
import { bytesToHex, hexToBytes } from '../../core/bitcoin/encoding';
import type { EsploraClient } from '../../core/bitcoin-client';
import type { BtcNetworkName } from '../../shared/btc-protocol';
import { walletError } from '../../shared/errors';
import type { BookAddress } from './btc-address-book';
import { checkedOutput, checkedTx } from './btc-coin-check';

/**
 * A pending send of ours and what hangs on it, read from checked raw transactions (not the
 * server's JSON), for speed-up and cancel.
 */

/** BIP125 rule 5: a replacement may evict at most this many transactions (the original included). */
export const MAX_EVICTED = 100;

export interface PendingTx {
  raw: RawTxView;
  inputs: SendInput[];
  /** its output to one of our change addresses (kept by a speed-up) */
  ownChange: BookAddress | undefined;
  /** its other outputs: what a speed-up pays again */
  payments: Recipient[];
  fee: bigint;
}

/** A later unconfirmed transaction spending the pending one (or one of those), evicted with it. */
export interface Descendant {
  txid: string;
  fee: bigint;
  vsize: number;
  outputs: { script: Uint8Array; value: bigint }[];
}

export async function readPending(client: EsploraClient, txid: string, network: BtcNetworkName, own: ReadonlyMap<string, BookAddress>): Promise<PendingTx> {
  const raw = await checkedTx(client, txid);
  const inputs = await Promise.all(
    raw.inputs.map(async (i): Promise<SendInput> => {
      const prev = await checkedOutput(client, i.txid, i.vout);
      const a = own.get(bytesToHex(prev.script));
      if (!a) throw walletError('not_pending', 'This transaction spends coins of another wallet; it cannot be replaced here.');
      return { txid: i.txid, vout: i.vout, value: prev.value, confirmed: true, address: a.address, scriptType: a.type, path: { purpose: a.type === 'p2wpkh' ? 84 : 86, change: a.change, index: a.index }, publicKey: hexToBytes(a.publicKey) };
    }),
  );
  let ownChange: BookAddress | undefined;
  const payments: Recipient[] = [];
  for (const o of raw.outputs) {
    const a = own.get(bytesToHex(o.script));
    if (a?.change === 1 && !ownChange) {
      ownChange = a;
      continue;
    }
    const address = addressFromScript(o.script, network);
    if (!address) throw walletError('not_pending', 'This transaction has an output without an address; it cannot be replaced here.');
    payments.push({ address, value: o.value });
  }
  const fee = inputs.reduce((s, u) => s + u.value, 0n) - raw.outputs.reduce((s, o) => s + o.value, 0n);
  return { raw, inputs, ownChange, payments, fee };
}

/**
 * Every unconfirmed transaction that spends `root`'s outputs, and those spending theirs, with
 * the fee each pays (from checked transactions: a server inventing fees cannot make us overpay
 * unseen, and the fee shows on the review anyway). Each spender must really spend what the
 * server says it spends.
 */
export async function descendantsOf(client: EsploraClient, root: RawTxView): Promise<Descendant[]> {
  const found: Descendant[] = [];
  const seen = new Set([root.txid]);
  const queue = [root];
  for (let tx = queue.shift(); tx; tx = queue.shift()) {
    const spends = (await client.outspends(tx.txid)) ?? [];
    for (const [vout, s] of spends.entries()) {
      if (!s.spent || s.status.confirmed || seen.has(s.txid)) continue;
      seen.add(s.txid);
      if (seen.size > MAX_EVICTED) {
        throw walletError('btc_too_many_descendants', `More than ${MAX_EVICTED - 1} later transactions depend on this one; the network would refuse to replace it.`);
      }
      const child = await checkedTx(client, s.txid);
      const parentId = tx.txid;
      if (!child.inputs.some((i) => i.txid === parentId && i.vout === vout)) {
        throw walletError('btc_server_mismatch', `The Bitcoin server ${client.host} says ${s.txid} spends ${parentId}:${vout}, but it does not. Nothing was signed or sent.`);
      }
      const prevouts = await Promise.all(child.inputs.map((i) => checkedOutput(client, i.txid, i.vout)));
      const fee = prevouts.reduce((sum, p) => sum + p.value, 0n) - child.outputs.reduce((sum, o) => sum + o.value, 0n);
      if (fee < 0n) throw walletError('btc_server_mismatch', `The Bitcoin server ${client.host} reported ${s.txid}, which pays out more than it spends. Nothing was signed or sent.`);
      found.push({ txid: child.txid, fee, vsize: child.vsize, outputs: child.outputs });
      queue.push(child);
    }
  }
  return found;
}
