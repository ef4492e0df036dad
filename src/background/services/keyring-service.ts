import { HdKeyring, type BtcPurpose } from '../../core/keyring';
import { walletError } from '../../shared/errors';
import type { AccountView, BtcNetworkId } from '../../shared/messages';
import type { AccountCache, CachedAccount } from './account-cache';
import type { KeyringData } from './keyring-data';
import type { VaultService } from './vault-service';

/**
 * The decrypted keyring while unlocked. The BIP32 root is built lazily: a worker
 * restarted from storage.session answers from the address cache without PBKDF2 + BIP32.
 */
export class KeyringService {
  private data: KeyringData | null = null;
  private hd: Promise<HdKeyring> | null = null;

  constructor(
    private readonly vault: VaultService,
    private readonly cache: AccountCache,
  ) {}

  get unlocked(): boolean {
    return this.data !== null;
  }

  get backedUp(): boolean {
    return this.data?.backedUp ?? false;
  }

  load(data: KeyringData): void {
    this.clear();
    this.data = data;
  }

  /** Drops decrypted material; byte arrays are wiped, strings can only be released. */
  clear(): void {
    void this.hd?.then((hd) => hd.wipe(), () => undefined);
    this.hd = null;
    this.data = null;
  }

  /** The phrase for the reveal screen only after a fresh password check (see handler). */
  accountCount(): number {
    return this.requireData().accounts.length;
  }

  async list(network: BtcNetworkId): Promise<AccountView[]> {
    const data = this.requireData();
    const cached = new Map((await this.cache.read()).map((c) => [c.index, c]));
    let changed = false;
    const views: AccountView[] = [];
    for (const acc of data.accounts) {
      let entry = cached.get(acc.index);
      if (!entry || !entry.btc[network] || entry.name !== acc.name) {
        entry = await this.fill(entry, acc.index, acc.name, network);
        cached.set(acc.index, entry);
        changed = true;
      }
      const btc = entry.btc[network];
      if (!btc) throw walletError('internal', 'Address cache inconsistent');
      views.push({ index: acc.index, name: acc.name, eth: entry.eth, btc });
    }
    if (changed) await this.cache.write(data.accounts.map((a) => cached.get(a.index)).filter((c): c is CachedAccount => !!c));
    return views;
  }

  async add(network: BtcNetworkId, name?: string): Promise<AccountView> {
    const data = this.requireData();
    const index = data.accounts.reduce((m, a) => Math.max(m, a.index), -1) + 1;
    const next: KeyringData = { ...data, accounts: [...data.accounts, { index, name: name?.trim() || `Account ${index + 1}` }] };
    await this.vault.save(next);
    this.data = next;
    const views = await this.list(network);
    const view = views.find((a) => a.index === index);
    if (!view) throw walletError('internal', 'Account was not added');
    return view;
  }

  async rename(network: BtcNetworkId, index: number, name: string): Promise<AccountView> {
    const data = this.requireData();
    if (!data.accounts.some((a) => a.index === index)) throw walletError('unknown_account', `No account with index ${index}`);
    const next: KeyringData = { ...data, accounts: data.accounts.map((a) => (a.index === index ? { ...a, name } : a)) };
    await this.vault.save(next);
    this.data = next;
    const view = (await this.list(network)).find((a) => a.index === index);
    if (!view) throw walletError('internal', 'Account vanished');
    return view;
  }

  /** Checksummed ETH addresses of these accounts (from the cache; derived only when missing). */
  async ethAddresses(indexes: number[], network: BtcNetworkId): Promise<Map<number, string>> {
    const views = await this.list(network);
    return new Map(views.filter((v) => indexes.includes(v.index)).map((v) => [v.index, v.eth]));
  }

  /** The account's signing key; callers wipe it after use. */
  async ethPrivateKey(index: number): Promise<Uint8Array> {
    if (!this.hasAccount(index)) throw walletError('unknown_account', `No account with index ${index}`);
    return (await this.root()).ethPrivateKey(index);
  }

  /** Public keys of m/purpose'/c'/account'/change/{from…from+count-1}. */
  async btcPublicKeys(account: number, purpose: BtcPurpose, network: BtcNetworkId, change: 0 | 1, from: number, count: number): Promise<Uint8Array[]> {
    if (!this.hasAccount(account)) throw walletError('unknown_account', `No account with index ${account}`);
    const hd = await this.root();
    return Array.from({ length: count }, (_, k) => hd.btcPublicKey(purpose, network, account, change, from + k));
  }

  /** A Bitcoin signing key; callers wipe `privateKey` after use. */
  async btcKey(account: number, purpose: BtcPurpose, network: BtcNetworkId, change: 0 | 1, index: number): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }> {
    if (!this.hasAccount(account)) throw walletError('unknown_account', `No account with index ${account}`);
    const { publicKey, privateKey } = (await this.root()).btcNode(purpose, network, account, change, index);
    return { publicKey, privateKey };
  }

  async masterFingerprint(): Promise<Uint8Array> {
    return (await this.root()).masterFingerprint;
  }

  accountIndexes(): number[] {
    return this.requireData().accounts.map((a) => a.index);
  }

  hasAccount(index: number): boolean {
    return this.requireData().accounts.some((a) => a.index === index);
  }

  private async fill(entry: CachedAccount | undefined, index: number, name: string, network: BtcNetworkId): Promise<CachedAccount> {
    const hd = await this.root();
    return {
      index,
      name,
      eth: entry?.eth ?? hd.ethAddress(index),
      btc: { ...(entry?.btc ?? {}), [network]: entry?.btc[network] ?? hd.btcAddresses(index, network) },
    };
  }

  /** WebCrypto PBKDF2 (async) seeds several times faster than the pure-JS one. */
  private root(): Promise<HdKeyring> {
    const data = this.requireData();
    this.hd ??= HdKeyring.fromMnemonicAsync(data.mnemonic, data.passphrase);
    return this.hd;
  }

  private requireData(): KeyringData {
    if (!this.data) throw walletError('locked', 'The wallet is locked.');
    return this.data;
  }
}
