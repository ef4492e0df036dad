// HD keyring: one BIP32 root (from the BIP39 seed) serving Ethereum (BIP44,
// m/44'/60'/0'/0/i) and Bitcoin (BIP84 P2WPKH, BIP86 P2TR) accounts.
import { HDKey } from '@scure/bip32';
import { p2trAddress, p2wpkhAddress } from './btc-address';
import { assertIndex, HARDENED_OFFSET, PublicBranch } from './ckd-pub';
import { ethAddressFromPublicKey, ethAddressFromUncompressed } from './eth-address';
import { mnemonicToSeed, mnemonicToSeedAsync, parseMnemonic } from './mnemonic';
import { btcCoinType, btcNetwork, type BtcNetworkName } from './networks';

export interface AccountAddresses {
  index: number;
  /** EIP-55 checksummed. */
  eth: string;
  btc: { p2wpkh: string; p2tr: string };
}

export type BtcPurpose = 84 | 86;

const H = HARDENED_OFFSET;
const ETH_PARENT = [44 + H, 60 + H, 0 + H, 0] as const; // m/44'/60'/0'/0

function pathString(segments: readonly number[]): string {
  return segments.reduce<string>((p, s) => `${p}/${s >= H ? `${s - H}'` : s}`, 'm');
}

function assertPurpose(purpose: number): asserts purpose is BtcPurpose {
  if (purpose !== 84 && purpose !== 86) throw new RangeError(`purpose must be 84 or 86, got ${String(purpose)}`);
}

function assertChange(change: number): asserts change is 0 | 1 {
  if (change !== 0 && change !== 1) throw new RangeError(`change must be 0 or 1, got ${String(change)}`);
}

export class HdKeyring {
  #root: HDKey | null;
  // Inner (non-leaf) nodes keyed by path: every hardened step costs a
  // constant-time scalar multiplication, so each is derived once.
  #nodes = new Map<string, HDKey>();
  #ethBranch: PublicBranch | null = null;

  private constructor(root: HDKey) {
    this.#root = root;
    // Like MetaMask's keyring, prepare m/44'/60'/0'/0 up front: account 0 is
    // shown right after unlock, and address listings then start immediately.
    this.#eth();
  }

  /** The caller keeps ownership of `seed` (it is not modified or retained). */
  static fromSeed(seed: Uint8Array): HdKeyring {
    return new HdKeyring(HDKey.fromMasterSeed(seed));
  }

  /** Validates the phrase (throws MnemonicError) and seeds from its normalised form. */
  static fromMnemonic(phrase: string, passphrase = ''): HdKeyring {
    const seed = mnemonicToSeed(parseMnemonic(phrase).phrase, passphrase);
    try {
      return HdKeyring.fromSeed(seed);
    } finally {
      seed.fill(0);
    }
  }

  /** fromMnemonic with the seed computed by native WebCrypto PBKDF2. */
  static async fromMnemonicAsync(phrase: string, passphrase = ''): Promise<HdKeyring> {
    const seed = await mnemonicToSeedAsync(parseMnemonic(phrase).phrase, passphrase);
    try {
      return HdKeyring.fromSeed(seed);
    } finally {
      seed.fill(0);
    }
  }

  #node(segments: readonly number[]): HDKey {
    let node = this.#root;
    if (!node) throw new Error('HdKeyring has been wiped');
    for (let d = 1; d <= segments.length; d++) {
      const path = pathString(segments.slice(0, d));
      let next = this.#nodes.get(path);
      if (!next) {
        next = node.deriveChild(segments[d - 1]!);
        this.#nodes.set(path, next);
      }
      node = next;
    }
    return node;
  }

  #eth(): { node: HDKey; branch: PublicBranch } {
    const node = this.#node(ETH_PARENT);
    this.#ethBranch ??= new PublicBranch(node.publicKey!, node.chainCode!);
    return { node, branch: this.#ethBranch };
  }

  ethAddress(index: number): string {
    assertIndex(index);
    return this.ethAddresses(index, 1)[0]!;
  }

  ethAddresses(from: number, count: number): string[] {
    assertIndex(from, H, 'from');
    const { node, branch } = this.#eth();
    return branch.uncompressedChildren(from, count).map((u, k) => {
      if (u) return ethAddressFromUncompressed(u);
      // BIP32-invalid index (~2^-127): defer to scure so this stays identical to ethPrivateKey().
      const child = node.deriveChild(from + k);
      child.wipePrivateData();
      return ethAddressFromPublicKey(child.publicKey!);
    });
  }

  /** 32-byte private key of m/44'/60'/0'/0/index. The caller should fill(0) it after use. */
  ethPrivateKey(index: number): Uint8Array {
    assertIndex(index);
    const child = this.#eth().node.deriveChild(index);
    try {
      return child.privateKey!;
    } finally {
      child.wipePrivateData();
    }
  }

  /** Node m/purpose'/coin'/account'/change/index (coin from the network). */
  btcNode(
    purpose: BtcPurpose,
    network: BtcNetworkName,
    account: number,
    change: 0 | 1,
    index: number,
  ): { publicKey: Uint8Array; privateKey: Uint8Array; path: string } {
    assertPurpose(purpose);
    assertIndex(account, H, 'account');
    assertChange(change);
    assertIndex(index);
    const segments = [purpose + H, btcCoinType(network) + H, account + H, change];
    const child = this.#node(segments).deriveChild(index);
    try {
      return {
        publicKey: child.publicKey!,
        privateKey: child.privateKey!,
        path: pathString([...segments, index]),
      };
    } finally {
      child.wipePrivateData();
    }
  }

  #btcPublicKey(purpose: BtcPurpose, network: BtcNetworkName, account: number): Uint8Array {
    return this.btcPublicKey(purpose, network, account, 0, 0);
  }

  /** Public key of m/purpose'/c'/account'/change/index (the private half is wiped at once). */
  btcPublicKey(purpose: BtcPurpose, network: BtcNetworkName, account: number, change: 0 | 1, index: number): Uint8Array {
    const { publicKey, privateKey } = this.btcNode(purpose, network, account, change, index);
    privateKey.fill(0);
    return publicKey;
  }

  /** BIP32 fingerprint of the master key, 4 bytes big-endian (PSBT derivation records). */
  get masterFingerprint(): Uint8Array {
    if (!this.#root) throw new Error('HdKeyring has been wiped');
    const fp = this.#root.fingerprint;
    return Uint8Array.of(fp >>> 24, (fp >>> 16) & 0xff, (fp >>> 8) & 0xff, fp & 0xff);
  }

  /** First receive addresses of account `index`: BIP84 m/84'/c'/index'/0/0 and BIP86 m/86'/c'/index'/0/0. */
  btcAddresses(index: number, network: BtcNetworkName): { p2wpkh: string; p2tr: string } {
    return {
      p2wpkh: p2wpkhAddress(this.#btcPublicKey(84, network, index), network),
      p2tr: p2trAddress(this.#btcPublicKey(86, network, index), network),
    };
  }

  accountAddresses(index: number, network: BtcNetworkName): AccountAddresses {
    return { index, eth: this.ethAddress(index), btc: this.btcAddresses(index, network) };
  }

  /** Account-level extended public key (m/purpose'/coin'/account') with the
   *  network's standard xpub/tpub version bytes (not zpub/vpub). */
  accountXpub(purpose: BtcPurpose, network: BtcNetworkName, account: number): string {
    assertPurpose(purpose);
    assertIndex(account, H, 'account');
    const node = this.#node([purpose + H, btcCoinType(network) + H, account + H]);
    const { bip32 } = btcNetwork(network);
    return new HDKey({
      versions: { public: bip32.public, private: bip32.private },
      depth: node.depth,
      index: node.index,
      parentFingerprint: node.parentFingerprint,
      chainCode: node.chainCode!,
      publicKey: node.publicKey!,
    }).publicExtendedKey;
  }

  /** Zero private keys held by the root and cached nodes and drop all
   *  references. JS cannot scrub everything (scure keeps chain codes, bigint
   *  temporaries, strings), but nothing reachable from this object remains.
   *  Every method throws afterwards. */
  wipe(): void {
    for (const node of this.#nodes.values()) node.wipePrivateData();
    this.#nodes.clear();
    this.#ethBranch?.wipe();
    this.#ethBranch = null;
    this.#root?.wipePrivateData();
    this.#root = null;
  }
}
