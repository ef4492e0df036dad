import { describe, expect, it } from 'vitest';
import bip84 from '../../../test/vectors/bip84.json';
import bip86 from '../../../test/vectors/bip86.json';
import v from '../../../test/vectors/bip350-addresses.json';
import type { BtcNetworkName } from '../keyring/networks';
import {
  AddressError,
  addressFromScript,
  opReturnScript,
  outputScript,
  scriptLengthOf,
  scriptType,
  validateBtcAddress,
} from './address';
import { bytesToHex, hexToBytes } from './encoding';

const netOf = (a: string): BtcNetworkName => (/^tb1/i.test(a) ? 'testnet4' : 'mainnet');

describe('BIP350 segwit address vectors', () => {
  it.each(v.valid)('valid %s', (addr, spk) => {
    const r = validateBtcAddress(addr, netOf(addr));
    const version = Number.parseInt(spk.slice(0, 2), 16);
    if (version === 0 || (version === 0x51 && spk.length === 68)) {
      expect(r).toEqual({ ok: true, type: version === 0 ? (spk.length === 44 ? 'p2wpkh' : 'p2wsh') : 'p2tr' });
      expect(bytesToHex(outputScript(addr, netOf(addr)))).toBe(spk);
      expect(addressFromScript(hexToBytes(spk), netOf(addr))).toBe(addr.toLowerCase());
    } else {
      // Checksum-valid future segwit programs: recognised, refused as recipients.
      expect(r).toMatchObject({ ok: false, code: 'unsupported_witness_version' });
      expect(addressFromScript(hexToBytes(spk), netOf(addr))).toBeUndefined();
    }
  });

  it.each(v.invalid)('invalid %s (%s)', (addr, why) => {
    const r = validateBtcAddress(addr, netOf(addr));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).not.toBe('unsupported_witness_version');
      if (why === 'Mixed case') expect(r.code).toBe('mixed_case');
    }
    expect(() => outputScript(addr, netOf(addr))).toThrow(AddressError);
  });
});

describe('network and format checks', () => {
  const cases: [string, BtcNetworkName, string][] = [
    // BIP84 / BIP86 mainnet vectors on the right and the wrong network
    [bip84.addresses[0]!.address, 'mainnet', 'p2wpkh'],
    [bip86.addresses[0]!.address, 'mainnet', 'p2tr'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'mainnet', 'p2pkh'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'mainnet', 'p2sh'],
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'testnet4', 'p2pkh'],
    ['2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', 'signet', 'p2sh'],
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'regtest', 'p2pkh'],
  ];
  it.each(cases)('%s on %s is %s', (addr, net, type) => {
    expect(validateBtcAddress(addr, net)).toEqual({ ok: true, type });
  });

  it('rejects the wrong network with a reason naming it', () => {
    const main = bip84.addresses[0]!.address;
    for (const net of ['testnet4', 'signet', 'regtest'] as const) {
      const r = validateBtcAddress(main, net);
      expect(r).toMatchObject({ ok: false, code: 'wrong_network' });
      expect(r.ok ? '' : r.reason).toMatch(/mainnet/);
    }
    expect(validateBtcAddress('tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'mainnet')).toMatchObject({ code: 'wrong_network' });
    expect(validateBtcAddress('tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'regtest')).toMatchObject({ code: 'wrong_network' });
    expect(validateBtcAddress('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'testnet4')).toMatchObject({ code: 'wrong_network' });
    expect(validateBtcAddress('mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', 'mainnet')).toMatchObject({ code: 'wrong_network' });
  });

  it('regtest uses bcrt', () => {
    const spk = hexToBytes('0014751e76e8199196d454941c45d1b3a323f1433bd6');
    const addr = addressFromScript(spk, 'regtest')!;
    expect(addr.startsWith('bcrt1q')).toBe(true);
    expect(validateBtcAddress(addr, 'regtest')).toEqual({ ok: true, type: 'p2wpkh' });
    expect(validateBtcAddress(addr, 'testnet4')).toMatchObject({ code: 'wrong_network' });
  });

  it('accepts all-uppercase bech32 (QR codes) and refuses typos, spaces and junk', () => {
    const a = bip84.addresses[0]!.address;
    expect(validateBtcAddress(a.toUpperCase(), 'mainnet')).toEqual({ ok: true, type: 'p2wpkh' });
    const typo = a.slice(0, -1) + (a.endsWith('q') ? 'p' : 'q');
    expect(validateBtcAddress(typo, 'mainnet')).toMatchObject({ ok: false, code: 'invalid' });
    expect(validateBtcAddress(` ${a}`, 'mainnet')).toMatchObject({ code: 'whitespace' });
    expect(validateBtcAddress('', 'mainnet')).toMatchObject({ code: 'empty' });
    expect(validateBtcAddress('hello world!', 'mainnet').ok).toBe(false);
    expect(validateBtcAddress('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', 'mainnet')).toMatchObject({ code: 'invalid' });
    expect(validateBtcAddress('0x52908400098527886E0F7030069857D2E4169EE7', 'mainnet').ok).toBe(false);
  });
});

describe('script helpers', () => {
  it('classifies standard scripts and measures them', () => {
    const scripts: [string, string][] = [
      ['76a914751e76e8199196d454941c45d1b3a323f1433bd688ac', 'p2pkh'],
      ['a914751e76e8199196d454941c45d1b3a323f1433bd687', 'p2sh'],
      ['0014751e76e8199196d454941c45d1b3a323f1433bd6', 'p2wpkh'],
      ['00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262', 'p2wsh'],
      ['512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798', 'p2tr'],
    ];
    for (const [hex, type] of scripts) {
      expect(scriptType(hexToBytes(hex))).toBe(type);
      expect(scriptLengthOf(type as 'p2pkh')).toBe(hex.length / 2);
    }
    expect(scriptType(hexToBytes('6a0401020304'))).toBeUndefined();
    expect(addressFromScript(hexToBytes('6a0401020304'), 'mainnet')).toBeUndefined();
  });

  it('builds OP_RETURN scripts', () => {
    expect(bytesToHex(opReturnScript(Uint8Array.of(1, 2)))).toBe('6a020102');
    expect(bytesToHex(opReturnScript(new Uint8Array(80)).subarray(0, 3))).toBe('6a4c50');
    expect(() => opReturnScript(new Uint8Array(81))).toThrow(RangeError);
  });
});
