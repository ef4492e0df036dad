// Decodes a dApp's PSBT into what the approval screen shows (inputs mine /
// not mine, outputs, fee, fee rate, warnings) and decides exactly which
// inputs may be signed with which sighash types. Anything unsafe to sign is
// refused here, before a key is touched.
import { Transaction, type Psbt } from 'bitcoinjs-lib';
import type { BtcNetworkName } from '../keyring/networks';
import { addressFromScript, scriptType as classify } from './address';
import { scriptForKey } from './own-script';
import { bytesEqual, bytesToHex, hexToBytes, txidFromHash, varintLength } from './encoding';
import { PsbtRequestError } from './errors';
import { feeRateOf, INPUT_WEIGHT, outputBytes, weightToVsize } from './fees';
import { parsePsbt } from './psbt-parse';
import type { AddressType, KeyPath, OwnScriptType } from './types';
import type { Warning, WarningKind as SharedWarningKind } from '../../shared/warnings';

export interface OwnScriptInfo {
  type: OwnScriptType;
  path?: KeyPath;
}

export interface ToSignInput {
  index: number;
  /** Sighash types the dApp allows for this input (UniSat semantics: an allow-list). */
  sighashTypes?: readonly number[];
  /** The dApp may name the key by address or by public key (hex); it must match the input. */
  address?: string;
  publicKey?: string;
}

export interface AnalyzeOptions {
  network: BtcNetworkName;
  /** Scripts (hex) of the current account's addresses. */
  ownScripts: ReadonlyMap<string, OwnScriptInfo>;
  /** Inputs the dApp asks to sign; when absent, every input that is ours. */
  toSignInputs?: readonly ToSignInput[];
  /** Current fast fee estimate (sat/vB), to judge "unusually high". */
  referenceFeeRate?: number;
}

export type WarningKind = Extract<SharedWarningKind, 'sighash_none' | 'sighash_single' | 'anyonecanpay' | 'unknown_input_value' | 'high_fee' | 'outputs_exceed_inputs'>;

/** `message` is English; `text` and `params` let the popup word it in the user's language. */
export type PsbtWarning = Extract<Warning<'info' | 'warning' | 'danger'>, { kind: WarningKind }> & { inputIndex?: number };

export interface PsbtInputInfo {
  index: number;
  txid: string;
  vout: number;
  value?: bigint;
  address?: string;
  scriptType?: AddressType;
  mine: boolean;
  willSign: boolean;
  /** Sighash our signature would use (for inputs we sign), else the one the PSBT states. */
  sighash: number | undefined;
  finalized: boolean;
}

export interface PsbtOutputInfo {
  index: number;
  address?: string;
  script: string;
  value: bigint;
  mine: boolean;
  /** Ours and on the change chain (…/1/n). */
  isChange: boolean;
}

export interface PsbtAnalysis {
  inputs: PsbtInputInfo[];
  outputs: PsbtOutputInfo[];
  /** undefined when an input value is unknown or outputs exceed inputs (incomplete PSBT). */
  fee?: bigint;
  feeRate?: number;
  /** Estimated size once every input is signed. */
  vsize: number;
  /** What leaves this wallet: our inputs minus our outputs (undefined if an own input value is unknown). */
  netSpend?: bigint;
  /** Sum of outputs that are not ours. */
  sentToOthers: bigint;
  warnings: PsbtWarning[];
  /** Normalised signing plan for signPsbtInputs. */
  toSign: { index: number; sighashTypes: number[] }[];
}

const SIGHASH_ALL = Transaction.SIGHASH_ALL;
const SIGHASH_DEFAULT = Transaction.SIGHASH_DEFAULT;
const VALID_SIGHASH = new Set([0x01, 0x02, 0x03, 0x81, 0x82, 0x83]);

/** 0.01 BTC: a fee above this is always called out. */
export const HIGH_FEE_ABSOLUTE = 1_000_000n;
/** Without a reference estimate, rates above this are called high. */
export const HIGH_FEE_RATE_DEFAULT = 500;

function sighashName(t: number): string {
  const base = ({ 0: 'DEFAULT', 1: 'ALL', 2: 'NONE', 3: 'SINGLE' } as Record<number, string>)[t & 0x1f] ?? String(t);
  return t & 0x80 ? `${base}|ANYONECANPAY` : base;
}

function prevout(psbt: Psbt, i: number): { script: Uint8Array; value: bigint } | undefined {
  const input = psbt.data.inputs[i]!;
  if (input.witnessUtxo) return input.witnessUtxo;
  if (input.nonWitnessUtxo) return Transaction.fromBuffer(input.nonWitnessUtxo).outs[psbt.txInputs[i]!.index];
  return undefined;
}

/** Signed size estimate: actual final scripts where present, typical witness sizes otherwise. */
function estimateWeight(psbt: Psbt, prevs: readonly ({ script: Uint8Array } | undefined)[]): number {
  const ins = psbt.txInputs;
  const outs = psbt.txOutputs;
  let base = 8 + varintLength(ins.length) + varintLength(outs.length);
  for (const o of outs) base += outputBytes(o.script.length);
  let witness = 0;
  ins.forEach((_, i) => {
    const input = psbt.data.inputs[i]!;
    const type = prevs[i] ? classify(prevs[i].script) : undefined;
    if (input.finalScriptSig) base += 40 + varintLength(input.finalScriptSig.length) + input.finalScriptSig.length;
    else if (type === 'p2pkh') base += INPUT_WEIGHT.p2pkh / 4;
    else if (type === 'p2sh' && input.redeemScript?.length === 22) base += 41 + 23;
    else base += 41;
    if (input.finalScriptWitness) witness += input.finalScriptWitness.length;
    else if (type === 'p2wpkh' || (type === 'p2sh' && input.redeemScript?.length === 22)) witness += 108;
    else if (type === 'p2tr') witness += input.sighashType ? 67 : 66;
  });
  return base * 4 + (witness > 0 ? witness + 2 : 0);
}

function checkSighashFor(i: number, t: number, type: AddressType | undefined): void {
  if (!(VALID_SIGHASH.has(t) || (t === SIGHASH_DEFAULT && type === 'p2tr'))) {
    throw new PsbtRequestError(`Input #${i}: invalid sighash type ${t}`);
  }
}

function matchesKey(script: Uint8Array, type: AddressType | undefined, publicKeyHex: string): boolean {
  if (type !== 'p2wpkh' && type !== 'p2tr') return false;
  let pub: Uint8Array;
  try {
    pub = hexToBytes(publicKeyHex);
    return bytesEqual(script, scriptForKey(pub, type));
  } catch {
    return false;
  }
}

export function analyzePsbt(psbtText: string, opts: AnalyzeOptions): PsbtAnalysis {
  const psbt = parsePsbt(psbtText, opts.network);
  return analyzeParsedPsbt(psbt, opts);
}

export function analyzeParsedPsbt(psbt: Psbt, opts: AnalyzeOptions): PsbtAnalysis {
  const { network, ownScripts } = opts;
  const warnings: PsbtWarning[] = [];
  const n = psbt.inputCount;
  const prevs = psbt.txInputs.map((_, i) => prevout(psbt, i));
  const owner = prevs.map((p) => (p ? ownScripts.get(bytesToHex(p.script)) : undefined));

  // Which inputs to sign, and with which allowed sighash types.
  const plan = new Map<number, readonly number[] | undefined>();
  if (opts.toSignInputs) {
    for (const t of opts.toSignInputs) {
      if (!Number.isInteger(t.index) || t.index < 0 || t.index >= n) {
        throw new PsbtRequestError(`toSignInputs names input #${t.index}, but the PSBT has ${n} input(s)`);
      }
      if (plan.has(t.index)) throw new PsbtRequestError(`toSignInputs names input #${t.index} twice`);
      const prev = prevs[t.index];
      if (!prev) throw new PsbtRequestError(`Input #${t.index} has no previous output data; cannot check or sign it`);
      if (!owner[t.index]) throw new PsbtRequestError(`Input #${t.index} does not belong to this account; refusing to sign it`);
      if (t.address !== undefined && addressFromScript(prev.script, network) !== t.address) {
        throw new PsbtRequestError(`Input #${t.index} is not owned by ${t.address}`);
      }
      if (t.publicKey !== undefined && !matchesKey(prev.script, classify(prev.script), t.publicKey)) {
        throw new PsbtRequestError(`Input #${t.index} is not spendable by public key ${t.publicKey}`);
      }
      plan.set(t.index, t.sighashTypes);
    }
  } else {
    owner.forEach((o, i) => {
      const input = psbt.data.inputs[i]!;
      if (o && !input.finalScriptWitness && !input.finalScriptSig) plan.set(i, undefined);
    });
  }

  const inputs: PsbtInputInfo[] = psbt.txInputs.map((txIn, i) => {
    const input = psbt.data.inputs[i]!;
    const prev = prevs[i];
    const type = prev ? classify(prev.script) : undefined;
    const willSign = plan.has(i);
    let sighash = input.sighashType;
    if (willSign) {
      if (input.finalScriptWitness || input.finalScriptSig) throw new PsbtRequestError(`Input #${i} is already finalized`);
      const actual = input.sighashType ?? (type === 'p2tr' ? SIGHASH_DEFAULT : SIGHASH_ALL);
      checkSighashFor(i, actual, type);
      const allowed = plan.get(i);
      allowed?.forEach((t) => checkSighashFor(i, t, type));
      if (allowed && !allowed.includes(actual)) {
        throw new PsbtRequestError(
          `Input #${i} uses sighash ${sighashName(actual)}, which the request's sighashTypes do not allow`,
        );
      }
      if (type === 'p2tr' && prevs.some((p) => !p)) {
        throw new PsbtRequestError(`Input #${i}: a taproot signature needs every input's previous output`);
      }
      sighash = actual;
      const base = actual & 0x1f;
      if (base === 2) {
        warnings.push({ kind: 'sighash_none', text: 'input', severity: 'danger', inputIndex: i, params: { input: String(i) }, message: `Input #${i} is signed with SIGHASH_NONE: the signature covers no outputs, so anyone can redirect these coins` });
      } else if (base === 3) {
        const paired = psbt.txOutputs[i];
        warnings.push({
          kind: 'sighash_single',
          text: paired ? 'paired' : 'unpaired',
          severity: paired ? 'warning' : 'danger',
          inputIndex: i,
          params: paired ? { input: String(i), value: paired.value.toString() } : { input: String(i) },
          message: paired
            ? `Input #${i} is signed with SIGHASH_SINGLE: only output #${i} (${paired.value} sats) is committed; other outputs may change`
            : `Input #${i} is signed with SIGHASH_SINGLE but there is no output #${i}: the signature commits to no output`,
        });
      }
      if (actual & 0x80) {
        warnings.push({ kind: 'anyonecanpay', text: 'input', severity: 'warning', inputIndex: i, params: { input: String(i) }, message: `Input #${i} is signed with ANYONECANPAY: others can add inputs to this transaction` });
      }
    }
    return {
      index: i,
      txid: txidFromHash(txIn.hash),
      vout: txIn.index,
      value: prev?.value,
      address: prev ? addressFromScript(prev.script, network) : undefined,
      scriptType: type,
      mine: owner[i] !== undefined,
      willSign,
      sighash,
      finalized: Boolean(input.finalScriptWitness || input.finalScriptSig),
    };
  });

  const outputs: PsbtOutputInfo[] = psbt.txOutputs.map((o, i) => {
    const own = ownScripts.get(bytesToHex(o.script));
    return {
      index: i,
      address: addressFromScript(o.script, network),
      script: bytesToHex(o.script),
      value: o.value,
      mine: own !== undefined,
      isChange: own?.path?.change === 1,
    };
  });

  const unknown = inputs.filter((x) => x.value === undefined);
  if (unknown.length) {
    warnings.push({
      kind: 'unknown_input_value',
      text: 'inputs',
      severity: plan.size > 0 ? 'danger' : 'warning',
      params: { inputs: unknown.map((x) => x.index).join(',') },
      message: `The amount of input(s) ${unknown.map((x) => `#${x.index}`).join(', ')} is unknown, so the fee cannot be checked`,
    });
  }
  const totalOut = outputs.reduce((s, o) => s + o.value, 0n);
  const sentToOthers = outputs.filter((o) => !o.mine).reduce((s, o) => s + o.value, 0n);
  const vsize = weightToVsize(estimateWeight(psbt, prevs));
  let fee: bigint | undefined;
  let feeRate: number | undefined;
  if (!unknown.length) {
    const totalIn = inputs.reduce((s, x) => s + x.value!, 0n);
    if (totalIn >= totalOut) {
      fee = totalIn - totalOut;
      feeRate = feeRateOf(fee, vsize);
    } else {
      warnings.push({
        kind: 'outputs_exceed_inputs',
        text: 'incomplete',
        severity: 'info',
        params: { sats: (totalOut - totalIn).toString() },
        message: `Outputs exceed inputs by ${totalOut - totalIn} sats: this PSBT is incomplete and someone else must add inputs`,
      });
    }
  }
  if (fee !== undefined && feeRate !== undefined) {
    const w = highFeeWarning(fee, feeRate, sentToOthers, opts.referenceFeeRate);
    if (w) warnings.push(w);
  }
  const ownIn = inputs.filter((x) => x.mine);
  const netSpend = ownIn.some((x) => x.value === undefined)
    ? undefined
    : ownIn.reduce((s, x) => s + x.value!, 0n) - outputs.filter((o) => o.mine).reduce((s, o) => s + o.value, 0n);

  const toSign = [...plan.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, allowed]) => ({ index, sighashTypes: allowed ? [...allowed] : [inputs[index]!.sighash!] }));
  return { inputs, outputs, fee, feeRate, vsize, netSpend, sentToOthers, warnings, toSign };
}

/**
 * "Unusually high fee", any of:
 * - fee ≥ 0.01 BTC (danger);
 * - fee larger than everything paid to others, when that is over 10,000 sats (danger);
 * - fee rate above max(5 × the current fast estimate, 100 sat/vB), or above 500 sat/vB when
 *   no estimate is known (warning);
 * - fee over half of what is paid to others and over 10,000 sats (warning).
 */
export function highFeeWarning(
  fee: bigint,
  feeRate: number,
  sentToOthers: bigint,
  referenceFeeRate?: number,
): PsbtWarning | undefined {
  const msg = `Fee ${fee} sats (${feeRate} sat/vB)`;
  const params = { fee: fee.toString(), feeRate: String(feeRate), sent: sentToOthers.toString() };
  if (fee >= HIGH_FEE_ABSOLUTE) return { kind: 'high_fee', text: 'absolute', severity: 'danger', params, message: `${msg} is over 0.01 BTC` };
  if (fee > 10_000n && fee > sentToOthers) {
    return { kind: 'high_fee', text: 'over_sent', severity: 'danger', params, message: `${msg} is more than the ${sentToOthers} sats being sent` };
  }
  const limit = referenceFeeRate && referenceFeeRate > 0 ? Math.max(5 * referenceFeeRate, 100) : HIGH_FEE_RATE_DEFAULT;
  if (feeRate > limit) return { kind: 'high_fee', text: 'rate', severity: 'warning', params, message: `${msg} is far above the usual rate` };
  if (fee > 10_000n && fee * 2n > sentToOthers) {
    return { kind: 'high_fee', text: 'half_sent', severity: 'warning', params, message: `${msg} is more than half of the ${sentToOthers} sats being sent` };
  }
  return undefined;
}
