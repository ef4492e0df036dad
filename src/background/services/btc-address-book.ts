import * as v from 'valibot';
import type { OwnScriptInfo } from '../../core/bitcoin';
import { bytesToHex, hexToBytes } from '../../core/bitcoin/encoding';
import { scriptForKey } from '../../core/bitcoin/own-script';
import { p2trAddress, p2wpkhAddress } from '../../core/keyring';
import type { BtcAddressType, BtcNetworkName } from '../../shared/btc-protocol';
import type { KeyringService } from './keyring-service';
import type { Store } from './store';

/**
 * Unused addresses kept ahead of the last used one on each chain: a scan looks this far for
 * coins received on addresses this wallet did not hand out (a phrase used elsewhere before).
 * The wallet itself shows the first receive address and pays change to the next unused
 * change address (…/1/n), so a small gap finds everything it made.
 */
export const GAP_LIMIT = 5;

export type Chain = 0 | 1;
export const TYPES: readonly BtcAddressType[] = ['p2wpkh', 'p2tr'];
export const CHAINS: readonly Chain[] = [0, 1];

export interface BookAddress {
  address: string;
  publicKey: string; // hex, 33 bytes
  type: BtcAddressType;
  change: Chain;
  index: number;
}

const chainSchema = v.object({ keys: v.array(v.pipe(v.string(), v.regex(/^0[23][0-9a-f]{64}$/))), used: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const accountSchema = v.object({
  p2wpkh: v.object({ receive: chainSchema, change: chainSchema }),
  p2tr: v.object({ receive: chainSchema, change: chainSchema }),
});
type ChainBook = v.InferOutput<typeof chainSchema>;
type AccountBook = v.InferOutput<typeof accountSchema>;
const bookSchema = v.record(v.string(), accountSchema);

const KEY = (network: BtcNetworkName) => `btcAddressBook:${network}`;
const purposeOf = (t: BtcAddressType) => (t === 'p2wpkh' ? 84 : 86);
const slot = (c: Chain) => (c === 0 ? 'receive' : 'change');

function emptyAccount(): AccountBook {
  const chain = () => ({ keys: [], used: 0 });
  return { p2wpkh: { receive: chain(), change: chain() }, p2tr: { receive: chain(), change: chain() } };
}

/**
 * The Bitcoin addresses of each account, receive (…/0/n) and change (…/1/n) for both
 * address types, with how many of each chain are known to be used. Public keys only, in
 * storage.local (like the account cache); deriving more needs the unlocked keyring.
 */
export class BtcAddressBook {
  constructor(
    private readonly local: Store,
    private readonly keyring: KeyringService,
  ) {}

  /** Every known address of the account (no derivation: works while locked). */
  async addresses(network: BtcNetworkName, account: number): Promise<BookAddress[]> {
    const book = (await this.read(network))[String(account)];
    return book ? flatten(book, network) : [];
  }

  /**
   * Makes sure each chain has GAP_LIMIT unused addresses after the last used one, deriving
   * what is missing (needs the wallet unlocked). Returns every address of the account.
   */
  async ensureGap(network: BtcNetworkName, account: number): Promise<BookAddress[]> {
    return this.ensureKeys(network, account, () => 0);
  }

  /**
   * Derives what is missing so that each chain has at least `want(type, change)` keys
   * (and GAP_LIMIT unused ones after the last used), then returns every address of the account.
   */
  private async ensureKeys(network: BtcNetworkName, account: number, want: (type: BtcAddressType, change: Chain) => number): Promise<BookAddress[]> {
    const all = await this.read(network);
    const book = all[String(account)] ?? emptyAccount();
    let changed = !all[String(account)];
    for (const type of TYPES) {
      for (const change of CHAINS) {
        const c: ChainBook = book[type][slot(change)];
        const need = Math.max(c.used + GAP_LIMIT, want(type, change));
        if (c.keys.length < need) {
          const more = await this.keyring.btcPublicKeys(account, purposeOf(type), network, change, c.keys.length, need - c.keys.length);
          c.keys.push(...more.map((k) => bytesToHex(k)));
          changed = true;
        }
      }
    }
    if (changed) await this.write(network, { ...all, [String(account)]: book });
    return flatten(book, network);
  }

  /** Records that these addresses have history; returns true when a chain's used count grew. */
  async markUsed(network: BtcNetworkName, account: number, used: readonly BookAddress[]): Promise<boolean> {
    if (used.length === 0) return false;
    const all = await this.read(network);
    const book = all[String(account)];
    if (!book) return false;
    let grew = false;
    for (const a of used) {
      const c = book[a.type][slot(a.change)];
      if (a.index + 1 > c.used) {
        c.used = a.index + 1;
        grew = true;
      }
    }
    if (grew) await this.write(network, all);
    return grew;
  }

  /**
   * The first change address no transaction has used yet and that is not in `reserved` (the
   * change of reviews still open, so two of them never pay change to one address); derived if
   * needed.
   */
  async nextChange(network: BtcNetworkName, account: number, type: BtcAddressType, reserved: ReadonlySet<number> = new Set()): Promise<BookAddress> {
    const used = (await this.read(network))[String(account)]?.[type].change.used ?? 0;
    let index = used;
    while (reserved.has(index)) index++;
    const list = await this.ensureKeys(network, account, (t, change) => (t === type && change === 1 ? index + 1 : 0));
    const found = list.find((a) => a.type === type && a.change === 1 && a.index === index);
    if (!found) throw new Error('address book: change address missing after derivation');
    return found;
  }

  /** scriptPubKey (hex) → the address of the account it pays. */
  async byScript(network: BtcNetworkName, account: number): Promise<Map<string, BookAddress>> {
    const map = new Map<string, BookAddress>();
    for (const a of await this.addresses(network, account)) map.set(bytesToHex(scriptForKey(hexToBytes(a.publicKey), a.type)), a);
    return map;
  }

  /** scriptPubKey (hex) → owner, for PSBT analysis ("mine / not mine", change). */
  async ownScripts(network: BtcNetworkName, account: number): Promise<Map<string, OwnScriptInfo & { address: string; publicKey: string }>> {
    const map = new Map<string, OwnScriptInfo & { address: string; publicKey: string }>();
    for (const [script, a] of await this.byScript(network, account)) {
      map.set(script, { type: a.type, path: { purpose: purposeOf(a.type), change: a.change, index: a.index }, address: a.address, publicKey: a.publicKey });
    }
    return map;
  }

  async clear(): Promise<void> {
    await this.local.remove(['mainnet', 'testnet4', 'signet', 'regtest'].map((n) => KEY(n as BtcNetworkName)));
  }

  private async read(network: BtcNetworkName): Promise<Record<string, AccountBook>> {
    const r = v.safeParse(bookSchema, (await this.local.get<unknown>(KEY(network))) ?? {});
    return r.success ? r.output : {};
  }

  private async write(network: BtcNetworkName, all: Record<string, AccountBook>): Promise<void> {
    await this.local.set({ [KEY(network)]: all });
  }
}

// Addresses are recomputed from the keys (cheap) rather than stored twice.
const addressCache = new Map<string, string>();

function addressOf(publicKey: string, type: BtcAddressType, network: BtcNetworkName): string {
  const k = `${network}:${type}:${publicKey}`;
  let a = addressCache.get(k);
  if (!a) {
    const pub = hexToBytes(publicKey);
    a = type === 'p2wpkh' ? p2wpkhAddress(pub, network) : p2trAddress(pub, network);
    addressCache.set(k, a);
  }
  return a;
}

function flatten(book: AccountBook, network: BtcNetworkName): BookAddress[] {
  const out: BookAddress[] = [];
  for (const type of TYPES) {
    for (const change of CHAINS) {
      book[type][slot(change)].keys.forEach((publicKey, index) => out.push({ address: addressOf(publicKey, type, network), publicKey, type, change, index }));
    }
  }
  return out;
}
