import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import bip32 from '../../../test/vectors/bip32.json';
import { HARDENED_OFFSET, PublicBranch } from './ckd-pub';
import { bytesToHex, hexToBytes } from './test-utils';

type Chain = [path: string, xpub: string, xprv: string];
const vectors = bip32.vectors.map((v) => ({ ...v, chains: v.chains as Chain[] }));
const toScurePath = (p: string) => p.replace(/H/g, "'");
const compress = (u: Uint8Array) => secp256k1.Point.fromBytes(u).toBytes(true);

describe('BIP32 test vectors via @scure/bip32 (the library HdKeyring wraps)', () => {
  for (const v of vectors) {
    it.each(v.chains)(`${v.name}: %s`, (path, xpub, xprv) => {
      const node = HDKey.fromMasterSeed(hexToBytes(v.seed)).derive(toScurePath(path));
      expect(node.publicExtendedKey).toBe(xpub);
      expect(node.privateExtendedKey).toBe(xprv);
    });
  }
});

describe('BIP32 test vector 5: invalid extended keys are refused', () => {
  it('has all 16 of the BIP', () => expect(bip32.invalid).toHaveLength(16));
  it.each(bip32.invalid)('$reason: $key', ({ key }) => {
    expect(() => HDKey.fromExtendedKey(key)).toThrow();
  });
});

// Every non-hardened step of the official chains, derived from the parent
// *xpub* with our fast CKDpub, must give the child key of the next xpub.
const publicSteps = vectors.flatMap((v) =>
  v.chains.slice(1).flatMap(([path, childXpub], i) => {
    const last = path.split('/').at(-1)!;
    if (last.endsWith('H')) return [];
    const parentXpub = v.chains[i]![1];
    return [{ name: `${v.name}: ${path}`, parentXpub, childXpub, index: Number(last) }];
  }),
);

describe('PublicBranch (fast CKDpub) against BIP32 vectors', () => {
  it('covers the public steps of vectors 1 and 2', () => {
    expect(publicSteps.map((s) => s.name)).toEqual([
      'Test vector 1: m/0H/1',
      'Test vector 1: m/0H/1/2H/2',
      'Test vector 1: m/0H/1/2H/2/1000000000',
      'Test vector 2: m/0',
      'Test vector 2: m/0/2147483647H/1',
      'Test vector 2: m/0/2147483647H/1/2147483646H/2',
    ]);
  });

  it.each(publicSteps)('$name', ({ parentXpub, childXpub, index }) => {
    const parent = HDKey.fromExtendedKey(parentXpub);
    const [child] = new PublicBranch(parent.publicKey!, parent.chainCode!).uncompressedChildren(index, 1);
    expect(bytesToHex(compress(child!))).toBe(bytesToHex(HDKey.fromExtendedKey(childXpub).publicKey!));
  });

  it('matches scure deriveChild for a run of indices, in one batch and one by one', () => {
    const node = HDKey.fromMasterSeed(crypto.getRandomValues(new Uint8Array(32))).derive("m/44'/60'/0'/0");
    const branch = new PublicBranch(node.publicKey!, node.chainCode!);
    const batch = branch.uncompressedChildren(0, 64);
    batch.forEach((u, i) => {
      const expected = bytesToHex(node.deriveChild(i).publicKey!);
      expect(bytesToHex(compress(u!))).toBe(expected);
      expect(bytesToHex(branch.uncompressedChildren(i, 1)[0]!)).toBe(bytesToHex(u!));
    });
    const top = HARDENED_OFFSET - 1;
    expect(bytesToHex(compress(branch.uncompressedChildren(top, 1)[0]!))).toBe(
      bytesToHex(node.deriveChild(top).publicKey!),
    );
  });

  it('validates indices and can be wiped', () => {
    const node = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
    const branch = new PublicBranch(node.publicKey!, node.chainCode!);
    expect(branch.uncompressedChildren(5, 0)).toEqual([]);
    expect(() => branch.uncompressedChildren(HARDENED_OFFSET, 1)).toThrow(RangeError);
    expect(() => branch.uncompressedChildren(HARDENED_OFFSET - 1, 2)).toThrow(RangeError);
    expect(() => branch.uncompressedChildren(-1, 1)).toThrow(RangeError);
    expect(() => branch.uncompressedChildren(0.5, 1)).toThrow(RangeError);
    expect(() => new PublicBranch(new Uint8Array(65), node.chainCode!)).toThrow(TypeError);
    branch.wipe();
    expect(() => branch.uncompressedChildren(0, 1)).toThrow(/wiped/);
  });
});
