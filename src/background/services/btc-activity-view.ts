import type { EsploraTx } from '../../core/bitcoin-client';
import { btcNetworkInfo } from '../../shared/btc-networks';
import type { BtcNetworkName } from '../../shared/btc-protocol';
import type { BtcActivityItem } from '../../shared/btc-views';
import type { BtcActivityRecord, BtcActivityStore } from './btc-activity-store';
import type { BtcWalletService } from './btc-wallet-service';

/** BIP125: an input with a sequence below this signals replaceability. */
const RBF_LIMIT = 0xfffffffe;
/** Records of ours that the address pages did not show are looked up one by one, at most this many. */
const MAX_LOOKUPS = 10;

/**
 * The account's Bitcoin history: what Esplora knows about its addresses, joined with our own
 * records (which say what the wallet sent, for which site, and what replaced what).
 */
export async function btcActivity(wallet: BtcWalletService, store: BtcActivityStore, account: number, network?: BtcNetworkName): Promise<BtcActivityItem[]> {
  const { network: net, own, txs } = await wallet.history(account, network);
  const { client } = await wallet.clientFor(net);
  const records = (await store.all()).filter((r) => r.network === net && r.account === account);
  const byTxid = new Map(records.map((r) => [r.txid, r]));
  const explorer = btcNetworkInfo(net).explorerUrl;
  const items: BtcActivityItem[] = txs.map((tx) => toItem(tx, own, byTxid.get(tx.txid), net, explorer));
  const shown = new Set(items.map((i) => i.txid));
  let lookups = 0;
  for (const r of records) {
    if (shown.has(r.txid)) continue;
    if (r.replacedBy || r.droppedBy) {
      items.push(recordOnly(r, r.replacedBy ? 'replaced' : 'dropped', net));
      continue;
    }
    if (lookups++ >= MAX_LOOKUPS) continue;
    const tx = await client.tx(r.txid).catch(() => undefined);
    if (tx === null) items.push(recordOnly(r, 'dropped', net));
    else if (tx) items.push(toItem(tx, own, r, net, explorer));
  }
  return items.sort((a, b) => rank(a) - rank(b) || (b.blockHeight ?? 0) - (a.blockHeight ?? 0) || (b.time ?? 0) - (a.time ?? 0));
}

function rank(i: BtcActivityItem): number {
  return i.status === 'pending' ? 0 : 1;
}

function toItem(tx: EsploraTx, own: Set<string>, rec: BtcActivityRecord | undefined, network: BtcNetworkName, explorer: string | undefined): BtcActivityItem {
  let net = 0n;
  for (const o of tx.outputs) if (o.address && own.has(o.address)) net += o.value;
  for (const i of tx.inputs) if (i.prevout?.address && own.has(i.prevout.address)) net -= i.prevout.value;
  const ourInputs = tx.inputs.every((i) => i.prevout?.address && own.has(i.prevout.address));
  const outgoing = tx.inputs.some((i) => i.prevout?.address && own.has(i.prevout.address));
  const counterparties = outgoing
    ? tx.outputs.filter((o) => o.address && !own.has(o.address)).map((o) => o.address!)
    : tx.inputs.filter((i) => i.prevout?.address && !own.has(i.prevout.address)).map((i) => i.prevout!.address!);
  const pending = !tx.status.confirmed;
  return {
    txid: tx.txid,
    network,
    status: rec?.replacedBy ? 'replaced' : pending ? (rec?.droppedBy ? 'dropped' : 'pending') : 'confirmed',
    net: net.toString(),
    fee: outgoing ? tx.fee.toString() : null,
    feeRate: outgoing && tx.vsize > 0 ? Math.round((Number(tx.fee) / tx.vsize) * 100) / 100 : null,
    blockHeight: tx.status.confirmed ? tx.status.blockHeight : null,
    time: tx.status.confirmed ? tx.status.blockTime * 1000 : (rec?.createdAt ?? null),
    kind: rec?.kind ?? (outgoing ? 'send' : 'receive'),
    origin: rec?.origin ?? null,
    counterparties: [...new Set(counterparties)],
    replaceable: pending && ourInputs && !rec?.replacedBy && !rec?.droppedBy && tx.inputs.some((i) => i.sequence < RBF_LIMIT) && !!rec,
    replacedBy: rec?.replacedBy ?? null,
    explorerUrl: explorer ? `${explorer}/tx/${tx.txid}` : null,
  };
}

function recordOnly(r: BtcActivityRecord, status: 'replaced' | 'dropped', network: BtcNetworkName): BtcActivityItem {
  return {
    txid: r.txid,
    network,
    status,
    net: (-(BigInt(r.sent) + BigInt(r.fee))).toString(),
    fee: r.fee,
    feeRate: r.vsize > 0 ? Math.round((Number(r.fee) / r.vsize) * 100) / 100 : null,
    blockHeight: null,
    time: r.createdAt,
    kind: r.kind,
    origin: r.origin,
    counterparties: r.recipients,
    replaceable: false,
    replacedBy: r.replacedBy ?? null,
    explorerUrl: null,
  };
}
