import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { payments } from 'bitcoinjs-lib';
import { HDNodeWallet } from 'ethers';
import { afterEach, describe, expect, it } from 'vitest';
import bip84 from '../../../test/vectors/bip84.json';
import bip86 from '../../../test/vectors/bip86.json';
import anvil from '../../../test/vectors/eth-anvil.json';
import { p2trAddress, p2wpkhAddress } from './btc-address';
import { HdKeyring } from './derive';
import { ethAddressFromPublicKey } from './eth-address';
import { generateMnemonic, MnemonicError, mnemonicToSeed } from './mnemonic';
import { btcNetwork } from './networks';
import { bytesToHex, wifToPrivateKey } from './test-utils';

const ZPUB = { public: 0x04b24746, private: 0x04b2430c }; // SLIP-0132 zpub/zprv
const TPUB = { public: 0x043587cf, private: 0x04358394 };
const accounts = anvil.accounts as [address: string, privateKey: string][];

/** Same key, chain code and position in the tree (ignores version bytes). */
function expectSameExtendedKey(a: HDKey, b: HDKey): void {
  expect(bytesToHex(a.publicKey!)).toBe(bytesToHex(b.publicKey!));
  expect(bytesToHex(a.chainCode!)).toBe(bytesToHex(b.chainCode!));
  expect([a.depth, a.index, a.parentFingerprint]).toEqual([b.depth, b.index, b.parentFingerprint]);
}

describe('Ethereum (m/44\'/60\'/0\'/0/i), anvil/Hardhat default accounts', () => {
  const kr = HdKeyring.fromMnemonic(anvil.mnemonic);

  it('derives the 10 default addresses in one batch', () => {
    expect(kr.ethAddresses(0, 10)).toEqual(accounts.map(([a]) => a));
  });

  it.each(accounts.map((a, i) => [i, ...a] as const))('account %i: %s', (i, address, privateKey) => {
    expect(kr.ethAddress(i)).toBe(address);
    expect(`0x${bytesToHex(kr.ethPrivateKey(i))}`).toBe(privateKey);
    expect(kr.accountAddresses(i, 'mainnet').eth).toBe(address);
  });

  it('the fast public path agrees with the private keys and with ethers', () => {
    const phrase = generateMnemonic(24);
    const mine = HdKeyring.fromMnemonic(phrase, 'hunter2');
    const ethersParent = HDNodeWallet.fromSeed(mnemonicToSeed(phrase, 'hunter2')).derivePath("m/44'/60'/0'/0");
    const indices = [...Array(25).keys(), 1000, 0x7fffffff];
    for (const i of indices) {
      const expected = ethersParent.deriveChild(i).address;
      expect(mine.ethAddress(i)).toBe(expected);
      expect(ethAddressFromPublicKey(secp256k1.getPublicKey(mine.ethPrivateKey(i), true))).toBe(expected);
    }
    expect(mine.ethAddresses(20, 5)).toEqual([20, 21, 22, 23, 24].map((i) => mine.ethAddress(i)));
  });

  it('validates ranges', () => {
    expect(kr.ethAddresses(3, 0)).toEqual([]);
    expect(() => kr.ethAddress(-1)).toThrow(RangeError);
    expect(() => kr.ethAddress(0x80000000)).toThrow(RangeError);
    expect(() => kr.ethPrivateKey(1.5)).toThrow(RangeError);
    expect(() => kr.ethAddresses(0x7fffffff, 2)).toThrow(RangeError);
  });
});

describe('BIP84 test vectors (P2WPKH)', () => {
  const kr = HdKeyring.fromMnemonic(bip84.mnemonic);

  it('root key from our BIP39 seed matches rootpriv/rootpub', () => {
    const root = HDKey.fromMasterSeed(mnemonicToSeed(bip84.mnemonic), ZPUB);
    expect(root.privateExtendedKey).toBe(bip84.rootpriv);
    expect(root.publicExtendedKey).toBe(bip84.rootpub);
  });

  it('account xpub m/84\'/0\'/0\' is the vector zpub re-encoded as xpub', () => {
    const xpub = kr.accountXpub(84, 'mainnet', 0);
    expect(xpub.startsWith('xpub')).toBe(true);
    expectSameExtendedKey(HDKey.fromExtendedKey(xpub), HDKey.fromExtendedKey(bip84.account0.xpub, ZPUB));
    const xprv = HDKey.fromExtendedKey(bip84.account0.xpriv, ZPUB);
    expectSameExtendedKey(HDKey.fromExtendedKey(xpub), xprv);
  });

  it('first receive address via btcAddresses', () => {
    expect(kr.btcAddresses(0, 'mainnet').p2wpkh).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
  });

  it('master fingerprint of the vector phrase is 73c5da0a (as in every BIP84/86 PSBT tool)', () => {
    expect(bytesToHex(kr.masterFingerprint)).toBe('73c5da0a');
  });

  it('btcPublicKey equals the node key of the same path (change chain too)', () => {
    const v = bip84.addresses.find((a) => a.change === 1)!;
    expect(bytesToHex(kr.btcPublicKey(84, 'mainnet', 0, 1, v.index))).toBe(v.pubkey);
  });

  it.each(bip84.addresses)('$path', ({ path, change, index, privkey, pubkey, address }) => {
    const node = kr.btcNode(84, 'mainnet', 0, change as 0 | 1, index);
    expect(node.path).toBe(path);
    expect(bytesToHex(node.publicKey)).toBe(pubkey);
    expect(bytesToHex(node.privateKey)).toBe(bytesToHex(wifToPrivateKey(privkey)));
    expect(p2wpkhAddress(node.publicKey, 'mainnet')).toBe(address);
  });
});

describe('BIP86 test vectors (P2TR key path)', () => {
  const kr = HdKeyring.fromMnemonic(bip86.mnemonic);

  it('root and account m/86\'/0\'/0\' extended keys', () => {
    const root = HDKey.fromMasterSeed(mnemonicToSeed(bip86.mnemonic));
    expect(root.privateExtendedKey).toBe(bip86.rootpriv);
    expect(root.publicExtendedKey).toBe(bip86.rootpub);
    expect(kr.accountXpub(86, 'mainnet', 0)).toBe(bip86.account0.xpub);
  });

  it('first receive address via btcAddresses', () => {
    expect(kr.btcAddresses(0, 'mainnet').p2tr).toBe(
      'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
    );
  });

  it.each(bip86.addresses)('$path', (v) => {
    const node = kr.btcNode(86, 'mainnet', 0, v.change as 0 | 1, v.index);
    const expected = HDKey.fromExtendedKey(v.xprv);
    expect(node.path).toBe(v.path);
    expect(bytesToHex(node.privateKey)).toBe(bytesToHex(expected.privateKey!));
    expect(bytesToHex(node.publicKey)).toBe(bytesToHex(HDKey.fromExtendedKey(v.xpub).publicKey!));
    expect(bytesToHex(node.publicKey.subarray(1))).toBe(v.internal_key);
    expect(p2trAddress(node.publicKey, 'mainnet')).toBe(v.address);
    const { output, pubkey } = payments.p2tr({ address: v.address, network: btcNetwork('mainnet') });
    expect(bytesToHex(output!)).toBe(v.scriptPubKey);
    expect(bytesToHex(pubkey!)).toBe(v.output_key);
  });
});

describe('Bitcoin test networks', () => {
  const kr = HdKeyring.fromMnemonic(bip84.mnemonic);
  const root = HDKey.fromMasterSeed(mnemonicToSeed(bip84.mnemonic));

  it('use coin type 1 and tb/bcrt addresses', () => {
    const t4 = kr.btcAddresses(0, 'testnet4');
    expect(kr.btcAddresses(0, 'signet')).toEqual(t4);
    expect(t4.p2wpkh).toMatch(/^tb1q/);
    expect(t4.p2tr).toMatch(/^tb1p/);
    const rt = kr.btcAddresses(0, 'regtest');
    expect(rt.p2wpkh).toMatch(/^bcrt1q/);
    expect(rt.p2tr).toMatch(/^bcrt1p/);

    const n = kr.btcNode(84, 'testnet4', 2, 1, 7);
    expect(n.path).toBe("m/84'/1'/2'/1/7");
    expect(bytesToHex(n.publicKey)).toBe(bytesToHex(root.derive("m/84'/1'/2'/1/7").publicKey!));
    const first = root.derive("m/84'/1'/0'/0/0").publicKey!;
    expect(t4.p2wpkh).toBe(p2wpkhAddress(first, 'testnet4'));
    expect(rt.p2wpkh).toBe(p2wpkhAddress(first, 'regtest'));
  });

  it('account xpubs use tpub version bytes', () => {
    for (const purpose of [84, 86] as const) {
      const tpub = kr.accountXpub(purpose, 'signet', 3);
      expect(tpub.startsWith('tpub')).toBe(true);
      expectSameExtendedKey(HDKey.fromExtendedKey(tpub, TPUB), root.derive(`m/${purpose}'/1'/3'`));
      expect(kr.accountXpub(purpose, 'regtest', 3)).toBe(tpub);
    }
  });
});

describe('HdKeyring', () => {
  const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

  it('accountAddresses combines ETH index i with BTC account i', () => {
    const kr = HdKeyring.fromMnemonic(PHRASE);
    expect(kr.accountAddresses(4, 'mainnet')).toEqual({
      index: 4,
      eth: kr.ethAddress(4),
      btc: kr.btcAddresses(4, 'mainnet'),
    });
    const root = HDKey.fromMasterSeed(mnemonicToSeed(PHRASE));
    expect(kr.btcAddresses(4, 'mainnet')).toEqual({
      p2wpkh: p2wpkhAddress(root.derive("m/84'/0'/4'/0/0").publicKey!, 'mainnet'),
      p2tr: p2trAddress(root.derive("m/86'/0'/4'/0/0").publicKey!, 'mainnet'),
    });
  });

  it('fromMnemonic validates and normalises the phrase; fromSeed matches', () => {
    expect(() => HdKeyring.fromMnemonic('abandon '.repeat(12))).toThrow(MnemonicError);
    const messy = HdKeyring.fromMnemonic(`  ${PHRASE.toUpperCase().replace(/ /g, '\n')}  `);
    const seeded = HdKeyring.fromSeed(mnemonicToSeed(PHRASE));
    expect(messy.ethAddresses(0, 3)).toEqual(seeded.ethAddresses(0, 3));
    expect(messy.accountXpub(84, 'mainnet', 0)).toBe(seeded.accountXpub(84, 'mainnet', 0));
  });

  it('fromMnemonicAsync derives the same keys', async () => {
    const a = await HdKeyring.fromMnemonicAsync(PHRASE, 'TREZOR');
    const b = HdKeyring.fromMnemonic(PHRASE, 'TREZOR');
    expect(a.ethAddresses(0, 3)).toEqual(b.ethAddresses(0, 3));
    expect(a.accountXpub(86, 'mainnet', 1)).toBe(b.accountXpub(86, 'mainnet', 1));
    await expect(HdKeyring.fromMnemonicAsync('abandon')).rejects.toThrow(MnemonicError);
  });

  it('the passphrase changes every key', () => {
    const a = HdKeyring.fromMnemonic(PHRASE);
    const b = HdKeyring.fromMnemonic(PHRASE, 'TREZOR');
    expect(a.ethAddress(0)).not.toBe(b.ethAddress(0));
    expect(a.btcAddresses(0, 'mainnet').p2tr).not.toBe(b.btcAddresses(0, 'mainnet').p2tr);
  });

  it('does not modify or retain the caller\'s seed', () => {
    const seed = mnemonicToSeed(PHRASE);
    const copy = seed.slice();
    const kr = HdKeyring.fromSeed(seed);
    expect(seed).toEqual(copy);
    const before = kr.ethAddress(0);
    seed.fill(0);
    expect(kr.ethAddress(0)).toBe(before);
  });

  it('validates BTC arguments', () => {
    const kr = HdKeyring.fromMnemonic(PHRASE);
    expect(() => kr.btcNode(44 as 84, 'mainnet', 0, 0, 0)).toThrow(/purpose/);
    expect(() => kr.btcNode(84, 'mainnet', 0, 2 as 0, 0)).toThrow(/change/);
    expect(() => kr.btcNode(84, 'mainnet', 0x80000000, 0, 0)).toThrow(/account/);
    expect(() => kr.btcNode(84, 'mainnet', 0, 0, -1)).toThrow(RangeError);
    expect(() => kr.btcAddresses(0, 'testnet' as 'signet')).toThrow(/Unknown Bitcoin network/);
    expect(() => kr.accountXpub(86, 'mainnet', -1)).toThrow(/account/);
  });

  it('wipe() zeroes held keys and disables the keyring', () => {
    const kr = HdKeyring.fromMnemonic(PHRASE);
    const key = kr.ethPrivateKey(0);
    kr.btcAddresses(0, 'mainnet');
    kr.wipe();
    expect(bytesToHex(key)).not.toMatch(/^0+$/); // returned copies belong to the caller
    for (const call of [
      () => kr.ethAddress(0),
      () => kr.ethAddresses(0, 2),
      () => kr.ethPrivateKey(0),
      () => kr.btcAddresses(0, 'mainnet'),
      () => kr.btcNode(84, 'mainnet', 0, 0, 0),
      () => kr.accountXpub(84, 'mainnet', 0),
    ]) {
      expect(call).toThrow(/wiped/);
    }
    kr.wipe(); // idempotent
  });
});

describe('runs without Node globals (MV3 service worker, with our Buffer polyfill only)', () => {
  const g = globalThis as { Buffer?: unknown };
  const saved = g.Buffer;
  afterEach(() => {
    g.Buffer = saved;
  });

  // BTC address *encoding* is left out on purpose: under Node, bitcoinjs-lib
  // resolves uint8array-tools' "node" build, which uses Buffer; browser
  // bundles (vite/esbuild, browser conditions) get its Buffer-free build.
  it('parses, seeds and derives keys with Node\'s Buffer replaced by the `buffer` package', async () => {
    const { Buffer: PolyfillBuffer } = await import('buffer');
    const expectedEth = HdKeyring.fromMnemonic(anvil.mnemonic).ethAddresses(0, 3);
    const expectedXpub = HdKeyring.fromMnemonic(bip86.mnemonic).accountXpub(86, 'mainnet', 0);
    delete g.Buffer;
    expect(typeof (globalThis as { Buffer?: unknown }).Buffer).toBe('undefined');
    // What src/background/polyfills.ts installs in the worker (bip39 needs it at call time).
    g.Buffer = PolyfillBuffer;
    const kr = HdKeyring.fromMnemonic(generateMnemonic(12), 'pw');
    kr.ethAddresses(0, 3);
    kr.ethPrivateKey(1);
    kr.btcNode(86, 'signet', 0, 1, 5);
    kr.accountXpub(84, 'testnet4', 0);
    kr.wipe();
    expect(HdKeyring.fromMnemonic(anvil.mnemonic).ethAddresses(0, 3)).toEqual(expectedEth);
    expect(HdKeyring.fromMnemonic(bip86.mnemonic).accountXpub(86, 'mainnet', 0)).toBe(expectedXpub);
  });
});
