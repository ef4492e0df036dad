// Replace-by-fee for the wallet's own pending sends: "speed up" (same payments,
// higher fee) and "cancel" (everything back to ourselves, higher fee). The plan
// satisfies BIP125 as Bitcoin Core enforces it: a strictly higher fee rate than
// the original (rule 6) and an absolute fee of at least the fees of everything
// it evicts — the original and every unconfirmed transaction spending it — plus
// the relay fee of the replacement's own size (rules 3 and 4). Added inputs
// must be confirmed (rule 2), so only confirmed coins are offered as extras.
import { scriptLengthOf, validateBtcAddress } from './address';
import type { BtcNetworkName } from '../keyring/networks';
import type { ChangeOutput, SendInput } from './build-send';
import { InsufficientFundsError, InvalidSendError } from './errors';
import { dustLimit, feeFor, MIN_FEE_RATE, txVsize } from './fees';
import { outpointKey, type Recipient } from './types';

export interface ReplaceParams {
  network: BtcNetworkName;
  mode: 'speed_up' | 'cancel';
  /** Every input of the pending transaction (the wallet made it, so all are ours). */
  inputs: readonly SendInput[];
  /** Its outputs that pay others: kept by a speed-up, dropped by a cancel. */
  payments: readonly Recipient[];
  /** Fee and virtual size of the pending transaction. */
  oldFee: bigint;
  oldVsize: number;
  /**
   * Unconfirmed transactions that spend the pending one, and those spending them: the
   * replacement evicts them too, so it must pay their fees as well (rule 3) and beat the
   * fee rate of the whole group, so miners gain by the swap.
   */
  descendants?: readonly { fee: bigint; vsize: number }[];
  /** The fee rate wanted (sat/vB); raised when BIP125 needs more. */
  feeRate: number;
  /** Where the rest goes: the change of a speed-up, the single output of a cancel. */
  change: Omit<ChangeOutput, 'value'>;
  /** Confirmed coins a speed-up may add when the change cannot pay the higher fee. */
  extra?: readonly SendInput[];
  /** The relay fee rate nodes charge for the replacement's own bytes (default 1 sat/vB). */
  minRelayFeeRate?: number;
}

export interface ReplacePlan {
  inputs: SendInput[];
  recipients: Recipient[];
  /** The change (speed-up) or the cancel output; null when a speed-up leaves no change. */
  change: ChangeOutput | null;
  fee: bigint;
  vsize: number;
  feeRate: number;
}

/** The lowest rate BIP125 rule 6 accepts above `oldFee / oldVsize`, in 0.1 sat/vB steps. */
export function minimumReplacementRate(oldFee: bigint, oldVsize: number): number {
  const old = Number(oldFee) / oldVsize;
  return Math.floor(old * 10 + 1e-9) / 10 + 1;
}

export function planReplacement(p: ReplaceParams): ReplacePlan {
  if (p.inputs.length === 0) throw new InvalidSendError('mismatch', 'The pending transaction has no inputs');
  if (!Number.isSafeInteger(p.oldVsize) || p.oldVsize <= 0) throw new RangeError('bad oldVsize');
  const change = validateBtcAddress(p.change.address, p.network);
  if (!change.ok) throw new InvalidSendError('bad_address', `Change: ${change.reason}`);
  const relay = p.minRelayFeeRate ?? MIN_FEE_RATE;
  const evictedFee = (p.descendants ?? []).reduce((s, d) => s + d.fee, p.oldFee);
  const evictedVsize = (p.descendants ?? []).reduce((s, d) => s + d.vsize, p.oldVsize);
  const rate = Math.max(p.feeRate, minimumReplacementRate(p.oldFee, p.oldVsize), minimumReplacementRate(evictedFee, evictedVsize));
  const payments = p.mode === 'cancel' ? [] : [...p.payments];
  const paid = payments.reduce((s, r) => s + r.value, 0n);
  const paymentLengths = payments.map((r) => {
    const v = validateBtcAddress(r.address, p.network);
    if (!v.ok) throw new InvalidSendError('bad_address', v.reason);
    return scriptLengthOf(v.type);
  });
  const changeLength = scriptLengthOf(change.type);
  const dust = dustLimit(change.type);
  const used = new Set(p.inputs.map(outpointKey));
  const pool = (p.mode === 'speed_up' ? [...(p.extra ?? [])] : [])
    .filter((u) => u.confirmed && !used.has(outpointKey(u)))
    .sort((a, b) => (b.value > a.value ? 1 : b.value < a.value ? -1 : 0));
  const inputs = [...p.inputs];

  const feeOf = (vsize: number) => {
    const byRate = feeFor(vsize, rate);
    const byRules = evictedFee + feeFor(vsize, relay);
    return byRate > byRules ? byRate : byRules;
  };
  for (;;) {
    const total = inputs.reduce((s, u) => s + u.value, 0n);
    const types = inputs.map((u) => u.scriptType);
    const vsizeCh = txVsize({ inputs: types, outputScriptLengths: [...paymentLengths, changeLength] });
    const feeCh = feeOf(vsizeCh);
    const rest = total - paid - feeCh;
    if (rest >= dust) {
      return { inputs, recipients: payments, change: { ...p.change, value: rest }, fee: feeCh, vsize: vsizeCh, feeRate: rateOf(feeCh, vsizeCh) };
    }
    if (p.mode === 'speed_up') {
      const vsizeNo = txVsize({ inputs: types, outputScriptLengths: paymentLengths });
      const feeNo = feeOf(vsizeNo);
      if (total - paid >= feeNo) {
        // Change below dust: it goes to the miners, as in a normal send.
        const fee = total - paid;
        return { inputs, recipients: payments, change: null, fee, vsize: vsizeNo, feeRate: rateOf(fee, vsizeNo) };
      }
      const next = pool.shift();
      if (next) {
        inputs.push(next);
        continue;
      }
      throw new InsufficientFundsError(paid + feeNo, total);
    }
    throw new InsufficientFundsError(feeCh + dust, total);
  }
}

function rateOf(fee: bigint, vsize: number): number {
  return Math.round((Number(fee) / vsize) * 100) / 100;
}
