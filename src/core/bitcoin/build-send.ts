// Builds, signs and finalises the wallet's own sends as BIP174 PSBTs.
// Inputs carry witnessUtxo (all that segwit/taproot signing needs) and BIP32
// derivation records with our master fingerprint, so PSBT tooling and hardware
// signers can recognise our inputs and change.
import { Psbt, Transaction } from 'bitcoinjs-lib';
import { btcCoinType, btcNetwork, type BtcNetworkName } from '../keyring/networks';
import { outputScript, scriptType } from './address';
import { ensureEcc, ecc } from './ecc';
import { bytesEqual, bytesToHex, concatBytes } from './encoding';
import { InvalidSendError } from './errors';
import { signEcdsa, signSchnorr } from './sign';
import { scriptForKey } from './own-script';
import { toXOnly, tweakPrivateKey, tweakPublicKey } from './taproot';
import { MAX_MONEY, type KeyPath, type OwnScriptType, type Recipient, type Utxo } from './types';

/** BIP125: any nSequence below 0xfffffffe signals replaceability. */
export const RBF_SEQUENCE = 0xfffffffd;
/** Final-but-locktime-enabled sequence used when RBF is off. */
export const NO_RBF_SEQUENCE = 0xfffffffe;

export interface SendInput extends Utxo {
  /** 33-byte compressed key of the coin (for p2tr: the BIP86 internal key, before tweaking). */
  publicKey: Uint8Array;
}

export interface ChangeOutput {
  address: string;
  value: bigint;
  /** With publicKey and path, the output gets derivation records so signers can show it as change. */
  publicKey?: Uint8Array;
  path?: KeyPath;
}

export interface BuildSendParams {
  inputs: readonly SendInput[];
  recipients: readonly Recipient[];
  change?: ChangeOutput;
  network: BtcNetworkName;
  /** Signal BIP125 replace-by-fee (default true: every send can be sped up or cancelled). */
  rbf?: boolean;
  /** Master key fingerprint and account, for bip32Derivation / tapBip32Derivation records. */
  bip32?: { masterFingerprint: Uint8Array; account: number };
  locktime?: number;
  /** Output position of the change; default random so change is not always last (privacy). */
  changeIndex?: number;
}

const H = "'";

export function derivationPath(path: KeyPath, network: BtcNetworkName, account: number): string {
  return `m/${path.purpose}${H}/${btcCoinType(network)}${H}/${account}${H}/${path.change}/${path.index}`;
}

function keyRecords(
  publicKey: Uint8Array,
  type: OwnScriptType,
  path: KeyPath | undefined,
  p: BuildSendParams,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (type === 'p2tr') out.tapInternalKey = toXOnly(publicKey);
  if (!p.bip32 || !path) return out;
  if ((path.purpose === 84) !== (type === 'p2wpkh')) {
    throw new InvalidSendError('mismatch', `Derivation purpose ${path.purpose} does not match ${type}`);
  }
  const full = derivationPath(path, p.network, p.bip32.account);
  const masterFingerprint = p.bip32.masterFingerprint;
  if (type === 'p2wpkh') out.bip32Derivation = [{ masterFingerprint, pubkey: publicKey, path: full }];
  else out.tapBip32Derivation = [{ masterFingerprint, pubkey: toXOnly(publicKey), path: full, leafHashes: [] }];
  return out;
}

function checkAmount(v: bigint, what: string): void {
  if (typeof v !== 'bigint' || v <= 0n || v > MAX_MONEY) throw new InvalidSendError('bad_amount', `${what}: bad amount`);
}

/** Assembles the unsigned PSBT (version 2, RBF by default). Validates every script against its key. */
export function buildSendPsbt(p: BuildSendParams): Psbt {
  ensureEcc();
  if (p.inputs.length === 0) throw new InvalidSendError('bad_amount', 'No inputs');
  // A cancel (RBF back to ourselves) pays only the change; anything else needs a recipient.
  if (p.recipients.length === 0 && !(p.change && p.change.value > 0n)) throw new InvalidSendError('no_recipients', 'No recipients');
  const psbt = new Psbt({ network: btcNetwork(p.network) });
  psbt.setVersion(2);
  psbt.setLocktime(p.locktime ?? 0);
  const sequence = p.rbf === false ? NO_RBF_SEQUENCE : RBF_SEQUENCE;

  let inTotal = 0n;
  for (const [i, u] of p.inputs.entries()) {
    checkAmount(u.value, `Input ${i}`);
    const script = outputScript(u.address, p.network);
    if (scriptType(script) !== u.scriptType || !bytesEqual(script, scriptForKey(u.publicKey, u.scriptType))) {
      throw new InvalidSendError('mismatch', `Input ${i} (${u.txid}:${u.vout}): key does not match ${u.address}`);
    }
    psbt.addInput({
      hash: u.txid,
      index: u.vout,
      sequence,
      witnessUtxo: { script, value: u.value },
      ...keyRecords(u.publicKey, u.scriptType, u.path, p),
    });
    inTotal += u.value;
  }

  const outs: { script: Uint8Array; value: bigint; extra?: Record<string, unknown> }[] = p.recipients.map((r, i) => {
    checkAmount(r.value, `Recipient ${i + 1}`);
    return { script: outputScript(r.address, p.network), value: r.value };
  });
  if (p.change && p.change.value > 0n) {
    const c = p.change;
    checkAmount(c.value, 'Change');
    const script = outputScript(c.address, p.network);
    let extra: Record<string, unknown> | undefined;
    if (c.publicKey) {
      const type = scriptType(script);
      if (type !== 'p2wpkh' && type !== 'p2tr') throw new InvalidSendError('mismatch', 'Change must be p2wpkh or p2tr');
      if (!bytesEqual(script, scriptForKey(c.publicKey, type))) {
        throw new InvalidSendError('mismatch', 'Change key does not match the change address');
      }
      extra = keyRecords(c.publicKey, type, c.path, p);
    }
    const at = p.changeIndex ?? crypto.getRandomValues(new Uint32Array(1))[0]! % (outs.length + 1);
    if (!Number.isInteger(at) || at < 0 || at > outs.length) throw new RangeError('changeIndex out of range');
    outs.splice(at, 0, { script, value: c.value, extra });
  }
  const outTotal = outs.reduce((s, o) => s + o.value, 0n);
  if (outTotal > inTotal) {
    throw new InvalidSendError('bad_amount', `Outputs (${outTotal} sats) exceed inputs (${inTotal} sats)`);
  }
  for (const o of outs) psbt.addOutput({ script: o.script, value: o.value, ...(o.extra ?? {}) });
  return psbt;
}

export interface InputSigner {
  privateKey: Uint8Array;
  /** 33-byte compressed key (for p2tr the untweaked internal key). */
  publicKey: Uint8Array;
  type: OwnScriptType;
}

export interface SignOptions {
  /** Inputs to sign; default: every input `signerFor` returns a key for. */
  indexes?: readonly number[];
  /** Allowed sighash types; default ALL for p2wpkh, DEFAULT or ALL for p2tr. */
  sighashTypes?: readonly number[];
  /** Grind ECDSA nonces for 71-byte signatures like Bitcoin Core (default true). */
  lowR?: boolean;
  /** BIP340 aux randomness; default fresh random bytes per signature. Tests pass zeros. */
  auxRand?: Uint8Array;
}

const validator = (pubkey: Uint8Array, hash: Uint8Array, sig: Uint8Array): boolean =>
  pubkey.length === 32 ? ecc.verifySchnorr(hash, pubkey, sig) : ecc.verify(hash, pubkey, sig);

/**
 * Signs the chosen inputs: P2WPKH with ECDSA (RFC6979), P2TR key path with
 * Schnorr under the tweaked key. Refuses an input whose script is not the
 * signer's key. Each new signature is verified before returning. Returns
 * the indexes signed.
 */
export function signPsbtInputs(
  psbt: Psbt,
  signerFor: (inputIndex: number) => InputSigner | null,
  opts: SignOptions = {},
): number[] {
  ensureEcc();
  const explicit = opts.indexes !== undefined;
  const indexes = opts.indexes ?? psbt.data.inputs.map((_, i) => i);
  const signed: number[] = [];
  for (const i of indexes) {
    const input = psbt.data.inputs[i];
    if (!input) throw new RangeError(`PSBT has no input #${i}`);
    if (input.finalScriptWitness || input.finalScriptSig) {
      if (explicit) throw new Error(`Input #${i} is already finalized`);
      continue;
    }
    const s = signerFor(i);
    if (!s) {
      if (explicit) throw new Error(`No key for input #${i}`);
      continue;
    }
    if (s.type === 'p2wpkh') {
      psbt.signInput(
        i,
        { publicKey: s.publicKey, sign: (hash: Uint8Array) => signEcdsa(hash, s.privateKey, opts.lowR ?? true) },
        opts.sighashTypes ? [...opts.sighashTypes] : [Transaction.SIGHASH_ALL],
      );
    } else {
      signTaprootKeyPath(psbt, i, s, opts);
    }
    if (!psbt.validateSignaturesOfInput(i, validator)) throw new Error(`Signature check failed for input #${i}`);
    signed.push(i);
  }
  return signed;
}

function signTaprootKeyPath(psbt: Psbt, i: number, s: InputSigner, opts: SignOptions): void {
  const input = psbt.data.inputs[i]!;
  const internal = toXOnly(s.publicKey);
  const outputKey = tweakPublicKey(internal).xOnly;
  const prevScript = input.witnessUtxo?.script;
  if (!prevScript) throw new Error(`Input #${i} has no witnessUtxo; cannot sign taproot`);
  if (!bytesEqual(prevScript, concatBytes(Uint8Array.of(0x51, 0x20), outputKey))) {
    throw new Error(`Input #${i} is not a BIP86 output of key ${bytesToHex(internal)}`);
  }
  // dApps often omit the internal key on our inputs; bitcoinjs needs it to pick the key path.
  if (!input.tapInternalKey) psbt.updateInput(i, { tapInternalKey: internal });
  else if (!bytesEqual(input.tapInternalKey, internal)) throw new Error(`Input #${i} names another internal key`);
  const tweaked = tweakPrivateKey(s.privateKey);
  try {
    psbt.signTaprootInput(
      i,
      { publicKey: outputKey, sign: () => { throw new Error('ECDSA not used for taproot'); }, signSchnorr: (h: Uint8Array) => signSchnorr(h, tweaked, opts.auxRand) },
      undefined,
      opts.sighashTypes ? [...opts.sighashTypes] : [Transaction.SIGHASH_DEFAULT, Transaction.SIGHASH_ALL],
    );
  } finally {
    tweaked.fill(0);
  }
}

export interface ExtractedTx {
  hex: string;
  txid: string;
  wtxid: string;
  vsize: number;
  weight: number;
  fee: bigint;
}

/** Finalizes every input and extracts the network transaction (bitcoinjs refuses fee rates > 5000 sat/vB). */
export function finalizeAndExtract(psbt: Psbt): ExtractedTx {
  psbt.finalizeAllInputs();
  const tx = psbt.extractTransaction();
  return {
    hex: tx.toHex(),
    txid: tx.getId(),
    wtxid: bytesToHex(Uint8Array.from(tx.getHash(true)).reverse()),
    vsize: tx.virtualSize(),
    weight: tx.weight(),
    fee: psbt.getFee(),
  };
}
