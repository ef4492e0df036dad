// What the wallet reads out of a raw transaction whose hash it checked against its txid:
// the outpoints it spends and the outputs it makes. Unlike an Esplora server's JSON, these
// cannot be faked without changing the txid (only witnesses, and so the size, can vary).
import { Transaction } from 'bitcoinjs-lib';
import { txidFromHash } from './encoding';

export interface RawTxView {
  txid: string;
  inputs: { txid: string; vout: number; sequence: number }[];
  outputs: { script: Uint8Array; value: bigint }[];
  vsize: number;
}

export function parseRawTx(hex: string): RawTxView {
  const tx = Transaction.fromHex(hex); // throws on anything that is not one
  return {
    txid: tx.getId(),
    inputs: tx.ins.map((i) => ({ txid: txidFromHash(i.hash), vout: i.index, sequence: i.sequence })),
    outputs: tx.outs.map((o) => ({ script: Uint8Array.from(o.script), value: BigInt(o.value) })),
    vsize: tx.virtualSize(),
  };
}
