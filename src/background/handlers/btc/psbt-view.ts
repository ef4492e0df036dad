import type { PsbtAnalysis, PsbtWarning } from '../../../core/bitcoin';
import type { WarningView } from '../../../shared/approvals';
import { warningView } from '../../../shared/warnings';
import { btcNetworkInfo } from '../../../shared/btc-networks';
import type { BtcNetworkName } from '../../../shared/btc-protocol';
import type { BtcTxView } from '../../../shared/btc-views';

function sighashName(t: number | undefined): string | undefined {
  if (t === undefined) return undefined;
  const base = ({ 0: 'DEFAULT', 1: 'ALL', 2: 'NONE', 3: 'SINGLE' } as Record<number, string>)[t & 0x1f] ?? String(t);
  return t & 0x80 ? `${base}|ANYONECANPAY` : base;
}

/** The decoded PSBT as the approval window shows it (JSON-safe: amounts as strings). */
export function psbtView(a: PsbtAnalysis, network: BtcNetworkName): BtcTxView {
  return {
    network,
    networkName: btcNetworkInfo(network).name,
    inputs: a.inputs.map((i) => ({
      txid: i.txid,
      vout: i.vout,
      value: i.value === undefined ? null : i.value.toString(),
      address: i.address ?? null,
      mine: i.mine,
      sign: i.willSign,
      ...(i.willSign ? { sighash: sighashName(i.sighash) ?? 'ALL' } : {}),
    })),
    outputs: a.outputs.map((o) => ({ address: o.address ?? null, value: o.value.toString(), mine: o.mine, change: o.isChange })),
    fee: a.fee === undefined ? null : a.fee.toString(),
    feeRate: a.feeRate ?? null,
    vsize: a.vsize,
    sent: a.sentToOthers.toString(),
  };
}

/** PSBT warnings as approval warnings: "info" ones (an incomplete PSBT) shown as warnings. */
export function psbtWarnings(list: readonly PsbtWarning[]): WarningView[] {
  return list.map(warningView);
}
