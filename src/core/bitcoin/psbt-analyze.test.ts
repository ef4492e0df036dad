import { schnorr, secp256k1 } from '@noble/curves/secp256k1.js';
import * as btc from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { outputScript } from './address';
import { finalizeAndExtract, signPsbtInputs } from './build-send';
import { bytesToBase64, bytesToHex, hexToBytes } from './encoding';
import { PsbtRequestError } from './errors';
import { analyzePsbt, highFeeWarning, type OwnScriptInfo } from './psbt-analyze';
import { parsePsbt } from './psbt-parse';
import { fakeTxid, testKey, testKeyring, type TestKey } from './test-helpers';

const NET = 'testnet4';
const kr = testKeyring();
const tr = testKey(kr, 'p2tr', NET);
const wpkh = testKey(kr, 'p2wpkh', NET);
const change = testKey(kr, 'p2wpkh', NET, 1, 0);
const stranger = testKey(kr, 'p2wpkh', NET, 0, 0, 7); // another account: "not mine"
const merchant = testKey(kr, 'p2tr', NET, 0, 0, 8).address;

const ownScripts = new Map<string, OwnScriptInfo>(
  [tr, wpkh, change].map((k) => [bytesToHex(outputScript(k.address, NET)), { type: k.type, path: k.path }]),
);
const spk = (k: TestKey | string) => outputScript(typeof k === 'string' ? k : k.address, NET);

interface Opts {
  foreignValueKnown?: boolean;
  sighash?: number;
  fee?: bigint;
  extraOut?: bigint;
}

/** A dApp-style PSBT built with @scure/btc-signer: our taproot + segwit inputs and a stranger's input. */
function dappPsbt(o: Opts = {}): string {
  const tx = new btc.Transaction({ allowUnknownOutputs: true });
  tx.addInput({ txid: fakeTxid(11), index: 0, witnessUtxo: { script: spk(tr), amount: 50_000n }, ...(o.sighash !== undefined ? { sighashType: o.sighash } : {}) });
  tx.addInput({ txid: fakeTxid(12), index: 1, witnessUtxo: { script: spk(wpkh), amount: 30_000n } });
  tx.addInput({ txid: fakeTxid(13), index: 2, ...(o.foreignValueKnown === false ? {} : { witnessUtxo: { script: spk(stranger), amount: 20_000n } }) });
  const fee = o.fee ?? 1_000n;
  tx.addOutput({ script: spk(merchant), amount: 60_000n + (o.extraOut ?? 0n) });
  tx.addOutput({ script: spk(change), amount: 40_000n - fee });
  return bytesToBase64(tx.toPSBT());
}

const signer = (k: TestKey) => ({ privateKey: k.privateKey, publicKey: k.publicKey, type: k.type });

describe('analyzePsbt: what the approval screen shows', () => {
  it('decodes inputs, outputs, fee and fee rate', () => {
    const a = analyzePsbt(dappPsbt(), { network: NET, ownScripts });
    expect(a.inputs.map((x) => [x.mine, x.willSign, x.value, x.address])).toEqual([
      [true, true, 50_000n, tr.address],
      [true, true, 30_000n, wpkh.address],
      [false, false, 20_000n, stranger.address],
    ]);
    expect(a.inputs[0]).toMatchObject({ txid: fakeTxid(11), vout: 0, scriptType: 'p2tr', sighash: 0, finalized: false });
    expect(a.inputs[1]!.sighash).toBe(1);
    expect(a.outputs.map((o) => [o.address, o.value, o.mine, o.isChange])).toEqual([
      [merchant, 60_000n, false, false],
      [change.address, 39_000n, true, true],
    ]);
    expect(a.fee).toBe(1_000n);
    // 10.5 + 57.5 + 68 + 68 + 43 + 31 = 278 vB
    expect(a.vsize).toBe(278);
    expect(a.feeRate).toBe(3.6);
    expect(a.netSpend).toBe(80_000n - 39_000n);
    expect(a.sentToOthers).toBe(60_000n);
    expect(a.warnings).toEqual([]);
    expect(a.toSign).toEqual([{ index: 0, sighashTypes: [0] }, { index: 1, sighashTypes: [1] }]);
  });

  it('reads hex as well as base64', () => {
    const b64 = dappPsbt();
    const hex = parsePsbt(b64, NET).toHex();
    expect(analyzePsbt(hex, { network: NET, ownScripts }).fee).toBe(1_000n);
    expect(analyzePsbt(hex.toUpperCase(), { network: NET, ownScripts }).fee).toBe(1_000n);
  });

  it('toSignInputs narrows the plan and is checked against address and public key', () => {
    const psbt = dappPsbt();
    const a = analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 1, address: wpkh.address }] });
    expect(a.inputs.map((x) => x.willSign)).toEqual([false, true, false]);
    const b = analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 0, publicKey: bytesToHex(tr.publicKey) }] });
    expect(b.toSign).toEqual([{ index: 0, sighashTypes: [0] }]);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 0, address: wpkh.address }] })).toThrow(/not owned by/);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 1, publicKey: bytesToHex(tr.publicKey) }] })).toThrow(/not spendable by/);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 1, publicKey: 'zz' }] })).toThrow(/not spendable by/);
  });

  it('refuses to sign inputs that are not ours or do not exist', () => {
    const psbt = dappPsbt();
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 2 }] })).toThrow(PsbtRequestError);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 2 }] })).toThrow(/does not belong to this account/);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 3 }] })).toThrow(/has 3 input/);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: -1 }] })).toThrow(PsbtRequestError);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 0 }, { index: 0 }] })).toThrow(/twice/);
    expect(() => analyzePsbt('cHNidP8BAA==', { network: NET, ownScripts })).toThrow(/^Malformed PSBT/);
  });

  it('warns on SIGHASH_SINGLE|ANYONECANPAY and NONE; refuses sighashes outside the allow-list', () => {
    const single = analyzePsbt(dappPsbt({ sighash: 0x83 }), { network: NET, ownScripts, toSignInputs: [{ index: 0, sighashTypes: [0x83] }] });
    expect(single.warnings.map((w) => [w.kind, w.severity, w.inputIndex])).toEqual([
      ['sighash_single', 'warning', 0],
      ['anyonecanpay', 'warning', 0],
    ]);
    expect(single.inputs[0]!.sighash).toBe(0x83);
    expect(single.toSign).toEqual([{ index: 0, sighashTypes: [0x83] }]);
    const none = analyzePsbt(dappPsbt({ sighash: 0x02 }), { network: NET, ownScripts, toSignInputs: [{ index: 0 }] });
    expect(none.warnings).toMatchObject([{ kind: 'sighash_none', severity: 'danger' }]);
    expect(none.toSign).toEqual([{ index: 0, sighashTypes: [2] }]);
    expect(() => analyzePsbt(dappPsbt({ sighash: 0x83 }), { network: NET, ownScripts, toSignInputs: [{ index: 0, sighashTypes: [1] }] })).toThrow(/do not allow/);
    expect(() => analyzePsbt(dappPsbt(), { network: NET, ownScripts, toSignInputs: [{ index: 1, sighashTypes: [0] }] })).toThrow(/invalid sighash/);
    expect(() => analyzePsbt(dappPsbt(), { network: NET, ownScripts, toSignInputs: [{ index: 0, sighashTypes: [0x42] }] })).toThrow(/invalid sighash/);
    // Warnings only concern signatures we give: a non-ALL sighash on an input we do not sign is silent.
    const notSigned = analyzePsbt(dappPsbt({ sighash: 0x82 }), { network: NET, ownScripts, toSignInputs: [{ index: 1 }] });
    expect(notSigned.warnings).toEqual([]);
    expect(notSigned.inputs[0]!.sighash).toBe(0x82);
  });

  it('an input of unknown value: warning, no fee, and no taproot signing', () => {
    const psbt = dappPsbt({ foreignValueKnown: false });
    const a = analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 1 }] });
    expect(a.fee).toBeUndefined();
    expect(a.feeRate).toBeUndefined();
    expect(a.inputs[2]).toMatchObject({ value: undefined, address: undefined, mine: false });
    expect(a.warnings).toMatchObject([{ kind: 'unknown_input_value', severity: 'danger' }]);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 0 }] })).toThrow(/every input/);
    expect(() => analyzePsbt(psbt, { network: NET, ownScripts, toSignInputs: [{ index: 2 }] })).toThrow(/no previous output/);
  });

  it('high fee and incomplete (outputs > inputs) PSBTs', () => {
    const high = analyzePsbt(dappPsbt({ fee: 35_000n }), { network: NET, ownScripts });
    expect(high.warnings).toMatchObject([{ kind: 'high_fee', severity: 'warning' }]);
    const listing = analyzePsbt(dappPsbt({ extraOut: 100_000n }), { network: NET, ownScripts, toSignInputs: [{ index: 0 }] });
    expect(listing.fee).toBeUndefined();
    expect(listing.warnings).toMatchObject([{ kind: 'outputs_exceed_inputs', severity: 'info' }]);
  });
});

describe('highFeeWarning rule', () => {
  it.each([
    [1_000_000n, 10, 5_000_000n, undefined, 'danger'],
    [20_000n, 10, 15_000n, undefined, 'danger'],
    [9_000n, 600, 1_000n, undefined, 'warning'], // rate above 500 with no estimate
    [9_000n, 120, 1_000_000n, 20, 'warning'], // 120 > max(5 × 20, 100)
    [9_000n, 90, 1_000_000n, 20, undefined],
    [15_000n, 20, 25_000n, undefined, 'warning'], // over half the payment
    [5_000n, 20, 6_000n, undefined, undefined], // small fees on small payments are normal
    [2_000n, 10, 500_000n, undefined, undefined],
  ] as const)('fee %s at %s sat/vB sending %s (ref %s) → %s', (fee, rate, sent, ref, severity) => {
    expect(highFeeWarning(fee, rate, sent, ref)?.severity).toBe(severity);
  });
});

describe('analyze → sign → verify with @scure/btc-signer', () => {
  it('signs exactly the planned inputs; btc-signer validates the signatures', () => {
    const b64 = dappPsbt();
    const a = analyzePsbt(b64, { network: NET, ownScripts });
    const psbt = parsePsbt(b64, NET);
    const keys = [tr, wpkh];
    for (const t of a.toSign) {
      signPsbtInputs(psbt, () => signer(keys[t.index]!), { indexes: [t.index], sighashTypes: t.sighashTypes });
    }
    psbt.finalizeInput(0).finalizeInput(1);
    const s = btc.Transaction.fromPSBT(psbt.toBuffer());
    const scripts = [spk(tr), spk(wpkh), spk(stranger)];
    const amounts = [50_000n, 30_000n, 20_000n];
    const w0 = s.getInput(0).finalScriptWitness!;
    expect(schnorr.verify(w0[0]!, s.preimageWitnessV1(0, scripts, btc.SigHash.DEFAULT, amounts), scripts[0]!.subarray(2))).toBe(true);
    const [der, pub] = s.getInput(1).finalScriptWitness! as [Uint8Array, Uint8Array];
    const code = btc.OutScript.encode({ type: 'pkh', hash: scripts[1]!.subarray(2) });
    const h1 = s.preimageWitnessV0(1, code, btc.SigHash.ALL, amounts[1]!);
    expect(secp256k1.verify(secp256k1.Signature.fromBytes(der.subarray(0, -1), 'der').toBytes('compact'), h1, pub, { prehash: false })).toBe(true);
    expect(s.getInput(2).finalScriptWitness).toBeUndefined(); // the stranger's input is left for them
  });

  it('a fully owned dApp PSBT can be finalized and extracted', () => {
    const tx = new btc.Transaction();
    tx.addInput({ txid: fakeTxid(21), index: 0, witnessUtxo: { script: spk(tr), amount: 10_000n } });
    tx.addOutput({ script: spk(merchant), amount: 9_000n });
    const b64 = bytesToBase64(tx.toPSBT());
    const a = analyzePsbt(b64, { network: NET, ownScripts });
    const psbt = parsePsbt(b64, NET);
    signPsbtInputs(psbt, () => signer(tr), { indexes: a.toSign.map((t) => t.index) });
    const out = finalizeAndExtract(psbt);
    expect(out.fee).toBe(1_000n);
    expect(out.vsize).toBe(a.vsize);
    expect(btc.Transaction.fromRaw(hexToBytes(out.hex)).id).toBe(out.txid);
  });
});
