import { Psbt, Transaction } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import bip174 from '../../../test/vectors/bip174.json';
import bip371 from '../../../test/vectors/bip371.json';
import { base64Decode, bytesToHex } from './encoding';
import { PsbtRequestError } from './errors';
import { decodePsbtBytes, parsePsbt } from './psbt-parse';

describe('BIP174 parser vectors', () => {
  it.each(bip174.invalid)('rejects: $description', ({ base64 }) => {
    expect(() => parsePsbt(base64, 'mainnet')).toThrow(PsbtRequestError);
    expect(() => parsePsbt(base64, 'mainnet')).toThrow(/^Malformed PSBT/);
  });

  it.each([...bip174.valid, ...bip174.failsSignerChecks])('accepts: $description', ({ base64 }) => {
    const psbt = parsePsbt(base64, 'mainnet');
    // Re-serialising gives the same bytes (bitcoinjs cannot round-trip a 0-input unsigned tx:
    // it is ambiguous with the segwit marker, so those two vectors are only parsed).
    if (psbt.inputCount > 0) expect(psbt.toBase64()).toBe(base64);
    // The same bytes in hex parse identically.
    expect(parsePsbt(bytesToHex(base64Decode(base64)), 'mainnet').toBase64()).toBe(psbt.toBase64());
  });
});

describe('BIP371 taproot field vectors', () => {
  it.each(bip371.invalid)('rejects: $description', ({ base64 }) => {
    expect(() => parsePsbt(base64, 'mainnet')).toThrow(PsbtRequestError);
  });

  it.each(bip371.valid)('accepts: $description', ({ base64 }) => {
    const psbt = parsePsbt(base64, 'mainnet');
    expect(psbt.toBase64()).toBe(base64);
    expect(psbt.data.inputs[0]!.tapInternalKey ?? psbt.data.outputs[0]!.tapInternalKey).toHaveLength(32);
  });
});

describe('decoding guards', () => {
  it('refuses empty, non-string, junk and oversized input', () => {
    expect(() => decodePsbtBytes('')).toThrow(/empty/);
    expect(() => decodePsbtBytes(42 as unknown as string)).toThrow(PsbtRequestError);
    expect(() => decodePsbtBytes('not a psbt!')).toThrow(/neither hex nor base64/);
    expect(() => decodePsbtBytes('A'.repeat(2_000_001))).toThrow(/too large/);
    expect(() => parsePsbt('deadbeef', 'mainnet')).toThrow(PsbtRequestError); // hex without magic → tried as base64
    expect(() => parsePsbt('70736274ff', 'mainnet')).toThrow(/^Malformed PSBT/);
  });

  it('checks a non-witness UTXO against the outpoint it claims to be', () => {
    // BIP174 valid vector whose input 0 carries its full previous transaction.
    const good = bip174.valid[3]!.base64;
    const psbt = Psbt.fromBase64(good);
    const prev = Transaction.fromBuffer(psbt.data.inputs[0]!.nonWitnessUtxo!);
    expect(parsePsbt(good, 'mainnet').inputCount).toBe(2);
    // Same previous tx, one output value changed: its hash no longer matches the outpoint.
    prev.outs[0]!.value += 1n;
    const tampered = Psbt.fromBase64(good);
    (tampered.data.inputs[0] as { nonWitnessUtxo?: Uint8Array }).nonWitnessUtxo = prev.toBuffer();
    expect(() => parsePsbt(tampered.toBase64(), 'mainnet')).toThrow(/does not match the outpoint/);
  });
});
