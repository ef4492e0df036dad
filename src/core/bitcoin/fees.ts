// Transaction size and fee arithmetic. Sizes are kept in weight units
// (integers) and converted to virtual bytes only at the end, as Bitcoin Core
// does, so fractional vbytes (57.5 for a taproot input) never drift.
import { varintLength } from './encoding';
import type { AddressType, OwnScriptType } from './types';

/** Non-witness part of any input: outpoint 36 + scriptSig length 1 + sequence 4. */
const INPUT_BASE_BYTES = 41;

/**
 * Input weight by type, signature sizes at their maximum except where our
 * signer guarantees less:
 * - p2wpkh: witness = count 1 + sig (len 1 + 72 DER incl. sighash) + pubkey (1 + 33) = 108 WU → 68 vB.
 * - p2tr key path: witness = count 1 + len 1 + 64-byte Schnorr (SIGHASH_DEFAULT) = 66 WU → 57.5 vB.
 * - p2pkh / p2sh-p2wpkh are never ours but appear in dApp PSBTs: 148 vB and 91 vB.
 */
export const INPUT_WEIGHT: Readonly<Record<OwnScriptType | 'p2pkh' | 'p2sh-p2wpkh', number>> = {
  p2wpkh: INPUT_BASE_BYTES * 4 + 108,
  p2tr: INPUT_BASE_BYTES * 4 + 66,
  p2pkh: (INPUT_BASE_BYTES + 107) * 4,
  'p2sh-p2wpkh': (INPUT_BASE_BYTES + 23) * 4 + 108,
};

/** Output bytes: value 8 + script length prefix + script. */
export function outputBytes(scriptLength: number): number {
  return 8 + varintLength(scriptLength) + scriptLength;
}

export const OUTPUT_BYTES: Readonly<Record<AddressType, number>> = {
  p2pkh: outputBytes(25), // 34
  p2sh: outputBytes(23), // 32
  p2wpkh: outputBytes(22), // 31
  p2wsh: outputBytes(34), // 43
  p2tr: outputBytes(34), // 43
};

/** version 4 + locktime 4 + input and output counts; plus the segwit marker and flag (2 WU). */
export function overheadWeight(inputCount: number, outputCount: number, segwit = true): number {
  return (8 + varintLength(inputCount) + varintLength(outputCount)) * 4 + (segwit ? 2 : 0);
}

export interface TxShape {
  inputs: readonly (OwnScriptType | 'p2pkh' | 'p2sh-p2wpkh')[];
  /** scriptPubKey lengths of the outputs */
  outputScriptLengths: readonly number[];
}

export function txWeight({ inputs, outputScriptLengths }: TxShape): number {
  let w = overheadWeight(inputs.length, outputScriptLengths.length, inputs.some((t) => t !== 'p2pkh'));
  for (const t of inputs) w += INPUT_WEIGHT[t];
  for (const len of outputScriptLengths) w += outputBytes(len) * 4;
  return w;
}

export function weightToVsize(weight: number): number {
  return Math.ceil(weight / 4);
}

export function txVsize(shape: TxShape): number {
  return weightToVsize(txWeight(shape));
}

/** Bitcoin Core's dust thresholds at the default 3 sat/vB dust relay fee. */
export function dustLimit(type: AddressType): bigint {
  switch (type) {
    case 'p2pkh':
      return 546n;
    case 'p2sh':
      return 540n;
    case 'p2wpkh':
      return 294n;
    case 'p2wsh':
    case 'p2tr':
      return 330n;
  }
}

/** Relay floor most nodes still apply, and a ceiling above which a rate is almost surely a typo. */
export const MIN_FEE_RATE = 1;
export const MAX_FEE_RATE = 5_000;

export class FeeRateError extends RangeError {
  override readonly name = 'FeeRateError';
}

/** Fee rates are sat/vB with at most 3 decimals; anything else is refused rather than rounded. */
export function assertFeeRate(rate: number, { min = MIN_FEE_RATE, max = MAX_FEE_RATE } = {}): void {
  if (typeof rate !== 'number' || !Number.isFinite(rate)) throw new FeeRateError('Fee rate must be a number');
  if (rate < min) throw new FeeRateError(`Fee rate ${rate} sat/vB is below the minimum of ${min} sat/vB`);
  if (rate > max) throw new FeeRateError(`Fee rate ${rate} sat/vB is above the sanity limit of ${max} sat/vB`);
  if (Math.abs(Math.round(rate * 1000) - rate * 1000) > 1e-6) {
    throw new FeeRateError('Fee rate has more than 3 decimals');
  }
}

/** Milli-sat per vB as an integer, so fee math is exact. */
function milli(rate: number): bigint {
  return BigInt(Math.round(rate * 1000));
}

/** fee = ceil(vsize × rate), rounded up to the satoshi. */
export function feeFor(vsize: number, rate: number): bigint {
  if (!Number.isSafeInteger(vsize) || vsize < 0) throw new RangeError(`bad vsize ${vsize}`);
  return ceilDiv(BigInt(vsize) * milli(rate), 1000n);
}

/** Fee for a fragment measured in weight units: ceil(weight × rate / 4). */
export function feeForWeight(weight: number, rate: number): bigint {
  return ceilDiv(BigInt(weight) * milli(rate), 4000n);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** sat/vB with two decimals, for display. */
export function feeRateOf(fee: bigint, vsize: number): number {
  return vsize > 0 ? Math.round((Number(fee) / vsize) * 100) / 100 : 0;
}
