import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { HDKey } from '@scure/bip32';
import { Psbt, Transaction } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import { mnemonicToSeed } from '../keyring/mnemonic';
import { outputScript } from './address';
import { buildSendPsbt, derivationPath, finalizeAndExtract, RBF_SEQUENCE, signPsbtInputs, type InputSigner, type SendInput } from './build-send';
import { bytesToHex, hexToBytes, txidFromHash } from './encoding';
import { INPUT_WEIGHT, OUTPUT_BYTES, overheadWeight, weightToVsize } from './fees';
import { fakeTxid, sendInput, TEST_MNEMONIC, testKey, testKeyring, ZERO32, type TestKey } from './test-helpers';

const NET = 'regtest';
const kr = testKeyring();
const fingerprint = (() => {
  const fp = HDKey.fromMasterSeed(mnemonicToSeed(TEST_MNEMONIC)).fingerprint;
  return Uint8Array.of(fp >>> 24, (fp >>> 16) & 0xff, (fp >>> 8) & 0xff, fp & 0xff);
})();
const wpkh = testKey(kr, 'p2wpkh', NET, 0, 0);
const wpkh2 = testKey(kr, 'p2wpkh', NET, 0, 1);
const tr = testKey(kr, 'p2tr', NET, 0, 0);
const tr2 = testKey(kr, 'p2tr', NET, 0, 3);
const change = testKey(kr, 'p2wpkh', NET, 1, 0);
const trChange = testKey(kr, 'p2tr', NET, 1, 2);
const recipient = testKey(kr, 'p2tr', NET, 0, 9, 1).address; // another account's address

const keys = [wpkh, wpkh2, tr, tr2];
const signerFor =
  (inputs: readonly SendInput[]) =>
  (i: number): InputSigner | null => {
    const k = keys.find((x) => x.address === inputs[i]?.address);
    return k ? { privateKey: k.privateKey, publicKey: k.publicKey, type: k.type } : null;
  };

function mixed(): SendInput[] {
  return [sendInput(wpkh, 150_000n, fakeTxid(1), 0), sendInput(tr, 80_000n, fakeTxid(2), 1), sendInput(tr2, 20_000n, fakeTxid(3), 5), sendInput(wpkh2, 9_000n, fakeTxid(4), 2)];
}

function build(inputs = mixed(), ch: TestKey = change) {
  return buildSendPsbt({
    inputs,
    recipients: [{ address: recipient, value: 200_000n }],
    change: { address: ch.address, value: 50_000n, publicKey: ch.publicKey, path: ch.path },
    network: NET,
    bip32: { masterFingerprint: fingerprint, account: 0 },
    changeIndex: 1,
  });
}

describe('buildSendPsbt', () => {
  it('sets version 2, RBF sequence, witnessUtxo, internal keys and BIP32 records', () => {
    const inputs = mixed();
    const psbt = build(inputs);
    expect(psbt.version).toBe(2);
    expect(psbt.locktime).toBe(0);
    psbt.txInputs.forEach((txIn, i) => {
      const u = inputs[i]!;
      expect(txIn.sequence).toBe(RBF_SEQUENCE);
      expect(txidFromHash(txIn.hash)).toBe(u.txid);
      const d = psbt.data.inputs[i]!;
      expect(d.witnessUtxo?.value).toBe(u.value);
      expect(bytesToHex(d.witnessUtxo!.script)).toBe(bytesToHex(outputScript(u.address, NET)));
      const path = derivationPath(u.path!, NET, 0);
      if (u.scriptType === 'p2wpkh') {
        expect(d.bip32Derivation).toEqual([{ masterFingerprint: fingerprint, pubkey: u.publicKey, path }]);
        expect(d.tapInternalKey).toBeUndefined();
      } else {
        expect(bytesToHex(d.tapInternalKey!)).toBe(bytesToHex(u.publicKey.subarray(1)));
        expect(d.tapBip32Derivation).toEqual([{ masterFingerprint: fingerprint, pubkey: u.publicKey.subarray(1), path, leafHashes: [] }]);
      }
    });
    expect(derivationPath(tr2.path, NET, 0)).toBe("m/86'/1'/0'/0/3");
    // change at index 1 with its derivation record; recipient carries none
    expect(psbt.txOutputs.map((o) => o.value)).toEqual([200_000n, 50_000n]);
    expect(psbt.data.outputs[1]!.bip32Derivation?.[0]?.path).toBe("m/84'/1'/0'/1/0");
    expect(psbt.data.outputs[0]!.bip32Derivation).toBeUndefined();
    // a taproot change output gets internal key + tapBip32Derivation
    const p2 = build(mixed(), trChange);
    expect(bytesToHex(p2.data.outputs[1]!.tapInternalKey!)).toBe(bytesToHex(trChange.publicKey.subarray(1)));
    expect(p2.data.outputs[1]!.tapBip32Derivation?.[0]?.path).toBe("m/86'/1'/0'/1/2");
    // the PSBT survives a BIP174 round trip
    expect(Psbt.fromBase64(psbt.toBase64()).toBase64()).toBe(psbt.toBase64());
  });

  it('can turn RBF off, place change anywhere, and omits zero change', () => {
    const p = buildSendPsbt({ inputs: [sendInput(wpkh, 10_000n)], recipients: [{ address: recipient, value: 5_000n }], network: NET, rbf: false, change: { address: change.address, value: 0n } });
    expect(p.txInputs[0]!.sequence).toBe(0xfffffffe);
    expect(p.txOutputs).toHaveLength(1);
    const q = buildSendPsbt({ inputs: [sendInput(wpkh, 10_000n)], recipients: [{ address: recipient, value: 5_000n }], network: NET, change: { address: change.address, value: 4_000n }, changeIndex: 0 });
    expect(q.txOutputs.map((o) => o.value)).toEqual([4_000n, 5_000n]);
    const positions = new Set<number>();
    for (let i = 0; i < 64; i++) {
      const r = buildSendPsbt({ inputs: [sendInput(wpkh, 10_000n)], recipients: [{ address: recipient, value: 5_000n }], network: NET, change: { address: change.address, value: 4_000n } });
      positions.add(r.txOutputs.findIndex((o) => o.value === 4_000n));
    }
    expect(positions).toEqual(new Set([0, 1]));
  });

  it('refuses keys that do not own the coin, wrong networks, and overspending', () => {
    const bad = { ...sendInput(wpkh, 10_000n), publicKey: wpkh2.publicKey };
    const base = { recipients: [{ address: recipient, value: 5_000n }], network: NET } as const;
    expect(() => buildSendPsbt({ ...base, inputs: [bad] })).toThrow(/key does not match/);
    expect(() => buildSendPsbt({ ...base, inputs: [{ ...sendInput(wpkh, 10_000n), scriptType: 'p2tr' }] })).toThrow(/key does not match/);
    expect(() => buildSendPsbt({ ...base, inputs: [sendInput(wpkh, 10_000n)], network: 'mainnet' })).toThrow(/network/);
    expect(() => buildSendPsbt({ ...base, inputs: [sendInput(wpkh, 4_000n)] })).toThrow(/exceed inputs/);
    expect(() => buildSendPsbt({ ...base, inputs: [] })).toThrow(/No inputs/);
    expect(() => buildSendPsbt({ ...base, inputs: [sendInput(wpkh, 10_000n)], change: { address: change.address, value: 1_000n, publicKey: wpkh.publicKey } })).toThrow(/Change key/);
    expect(() => buildSendPsbt({ ...base, inputs: [sendInput(wpkh, 10_000n)], bip32: { masterFingerprint: fingerprint, account: 0 }, change: { address: change.address, value: 1_000n, publicKey: change.publicKey, path: { purpose: 86, change: 1, index: 0 } } })).toThrow(/purpose/);
  });
});

describe('signing, finalizing, and cross-checks with @scure/btc-signer', () => {
  function signedTx(lowR: boolean) {
    const inputs = mixed();
    const psbt = build(inputs);
    expect(signPsbtInputs(psbt, signerFor(inputs), { auxRand: ZERO32, lowR })).toEqual([0, 1, 2, 3]);
    return { inputs, psbt, tx: finalizeAndExtract(psbt) };
  }

  it('produces byte-identical transactions to btc-signer (deterministic nonces)', () => {
    const { inputs, tx } = signedTx(false);
    const s = new btc.Transaction({ version: 2 });
    for (const u of inputs) {
      s.addInput({
        txid: u.txid,
        index: u.vout,
        sequence: RBF_SEQUENCE,
        witnessUtxo: { script: outputScript(u.address, NET), amount: u.value },
        ...(u.scriptType === 'p2tr' ? { tapInternalKey: u.publicKey.subarray(1) } : {}),
      });
    }
    s.addOutput({ script: outputScript(recipient, NET), amount: 200_000n });
    s.addOutput({ script: outputScript(change.address, NET), amount: 50_000n });
    inputs.forEach((u, i) => {
      const k = keys.find((x) => x.address === u.address)!;
      expect(s.signIdx(k.privateKey, i, undefined, ZERO32)).toBe(true);
    });
    s.finalize();
    expect(tx.hex).toBe(s.hex);
    expect(tx.txid).toBe(s.id);
    expect(tx.vsize).toBe(s.vsize);
    expect(tx.fee).toBe(s.fee);
  });

  it('every witness verifies under btc-signer’s own sighash computation', () => {
    for (const lowR of [true, false]) {
      const { inputs, tx } = signedTx(lowR);
      const parsed = btc.Transaction.fromRaw(hexToBytes(tx.hex));
      const scripts = inputs.map((u) => outputScript(u.address, NET));
      const amounts = inputs.map((u) => u.value);
      inputs.forEach((u, i) => {
        const w = parsed.getInput(i).finalScriptWitness!;
        if (u.scriptType === 'p2wpkh') {
          const [der, pub] = w as [Uint8Array, Uint8Array];
          expect(der.at(-1)).toBe(1); // SIGHASH_ALL
          if (lowR) expect(der.length).toBeLessThanOrEqual(72); // 71-byte DER + sighash byte
          const scriptCode = btc.OutScript.encode({ type: 'pkh', hash: scripts[i]!.subarray(2) });
          const hash = parsed.preimageWitnessV0(i, scriptCode, btc.SigHash.ALL, amounts[i]!);
          const sig = secp256k1.Signature.fromBytes(der.subarray(0, -1), 'der');
          expect(secp256k1.verify(sig.toBytes('compact'), hash, pub, { prehash: false })).toBe(true);
          expect(bytesToHex(pub)).toBe(bytesToHex(u.publicKey));
        } else {
          expect(w).toHaveLength(1);
          expect(w[0]).toHaveLength(64); // SIGHASH_DEFAULT
          const hash = parsed.preimageWitnessV1(i, scripts, btc.SigHash.DEFAULT, amounts);
          expect(schnorr.verify(w[0]!, hash, scripts[i]!.subarray(2))).toBe(true);
        }
      });
    }
  });

  it('fee estimator: the estimate is never below the real size and at most 1 vB above', () => {
    const { tx } = signedTx(true);
    const weight = overheadWeight(4, 2) + 2 * INPUT_WEIGHT.p2wpkh + 2 * INPUT_WEIGHT.p2tr + (OUTPUT_BYTES.p2tr + OUTPUT_BYTES.p2wpkh) * 4;
    expect(weightToVsize(weight)).toBeGreaterThanOrEqual(tx.vsize);
    expect(weightToVsize(weight) - tx.vsize).toBeLessThanOrEqual(1);
    expect(tx.fee).toBe(259_000n - 250_000n);
  });

  it('random aux gives different but valid taproot signatures', () => {
    const a = mixed();
    const p1 = build(a);
    const p2 = build(a);
    signPsbtInputs(p1, signerFor(a));
    signPsbtInputs(p2, signerFor(a));
    expect(bytesToHex(p1.data.inputs[1]!.tapKeySig!)).not.toBe(bytesToHex(p2.data.inputs[1]!.tapKeySig!));
    expect(finalizeAndExtract(p1).txid).toBe(finalizeAndExtract(p2).txid); // txid ignores witnesses
  });
});

describe('signPsbtInputs guards', () => {
  it('refuses a key that does not own the input', () => {
    const inputs = mixed();
    const psbt = build(inputs);
    const wrong = () => ({ privateKey: wpkh2.privateKey, publicKey: wpkh2.publicKey, type: 'p2wpkh' as const });
    expect(() => signPsbtInputs(psbt, wrong, { indexes: [0] })).toThrow();
    const wrongTr = () => ({ privateKey: tr2.privateKey, publicKey: tr2.publicKey, type: 'p2tr' as const });
    expect(() => signPsbtInputs(psbt, wrongTr, { indexes: [1] })).toThrow(/not a BIP86 output/);
    expect(psbt.data.inputs[0]!.partialSig).toBeUndefined();
    expect(psbt.data.inputs[1]!.tapKeySig).toBeUndefined();
  });

  it('only signs the named indexes, and demands a key for each', () => {
    const inputs = mixed();
    const psbt = build(inputs);
    expect(signPsbtInputs(psbt, signerFor(inputs), { indexes: [2] })).toEqual([2]);
    expect(psbt.data.inputs[0]!.partialSig).toBeUndefined();
    expect(psbt.data.inputs[2]!.tapKeySig).toBeDefined();
    expect(() => signPsbtInputs(psbt, () => null, { indexes: [0] })).toThrow(/No key/);
    expect(() => signPsbtInputs(psbt, signerFor(inputs), { indexes: [9] })).toThrow(/no input #9/);
    // without explicit indexes, inputs without a key are skipped
    expect(signPsbtInputs(psbt, (i) => (i === 3 ? signerFor(inputs)(i) : null))).toEqual([3]);
  });

  it('adds a missing tapInternalKey (dApps often omit it) and rejects a foreign one', () => {
    const inputs = [sendInput(tr, 30_000n)];
    const psbt = new Psbt();
    psbt.addInput({ hash: inputs[0]!.txid, index: 0, witnessUtxo: { script: outputScript(tr.address, NET), value: 30_000n } });
    psbt.addOutput({ script: outputScript(recipient, NET), value: 29_000n });
    const clone = psbt.clone();
    expect(signPsbtInputs(psbt, signerFor(inputs))).toEqual([0]);
    expect(bytesToHex(psbt.data.inputs[0]!.tapInternalKey!)).toBe(bytesToHex(tr.publicKey.subarray(1)));
    clone.updateInput(0, { tapInternalKey: tr2.publicKey.subarray(1) });
    expect(() => signPsbtInputs(clone, signerFor(inputs))).toThrow(/another internal key/);
  });

  it('honours sighash allow-lists', () => {
    const inputs = [sendInput(wpkh, 30_000n), sendInput(tr, 30_000n)];
    const mk = () => buildSendPsbt({ inputs, recipients: [{ address: recipient, value: 59_000n }], network: NET });
    const a = mk();
    a.updateInput(0, { sighashType: Transaction.SIGHASH_SINGLE | Transaction.SIGHASH_ANYONECANPAY });
    expect(() => signPsbtInputs(a, signerFor(inputs), { indexes: [0] })).toThrow(/sighash/i);
    expect(signPsbtInputs(a, signerFor(inputs), { indexes: [0], sighashTypes: [0x83] })).toEqual([0]);
    const b = mk();
    b.updateInput(1, { sighashType: Transaction.SIGHASH_ALL });
    expect(signPsbtInputs(b, signerFor(inputs), { indexes: [1] })).toEqual([1]);
    expect(b.data.inputs[1]!.tapKeySig).toHaveLength(65);
  });
});
