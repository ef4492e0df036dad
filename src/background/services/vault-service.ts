import {
  VaultError,
  createVault,
  openVault,
  openVaultWithKey,
  rewriteVault,
  changePassword,
  recordFailure,
  retryAfterMs,
  type FailureState,
  bytesToBase64,
  base64ToBytes,
} from '../../core/vault';
import { walletError, type WalletError } from '../../shared/errors';
import { decodeKeyringData, encodeKeyringData, type KeyringData } from './keyring-data';
import { Mutex } from './mutex';
import type { Store } from './store';

export const VAULT_KEY = 'vault';
const FAILURES_KEY = 'unlockFailures';
const SESSION_KEY = 'vaultKey';

/**
 * Owns the encrypted record in storage.local and the derived AES key in storage.session.
 * Every write is one storage.local.set of the whole record, so a worker killed mid-write
 * leaves the previous, still decryptable record (DESIGN §3).
 */
export class VaultService {
  private key: Uint8Array | null = null;
  private readonly writes = new Mutex();

  constructor(
    private readonly local: Store,
    private readonly session: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async exists(): Promise<boolean> {
    return typeof (await this.local.get<string>(VAULT_KEY)) === 'string';
  }

  get unlocked(): boolean {
    return this.key !== null;
  }

  async retryAfterMs(): Promise<number> {
    const state = await this.local.get<FailureState>(FAILURES_KEY);
    return state ? retryAfterMs(state, this.now()) : 0;
  }

  /** First write of a new wallet. Refuses to overwrite an existing vault. */
  async create(password: string, data: KeyringData): Promise<void> {
    await this.writes.run(async () => {
      if (await this.exists()) throw walletError('vault_exists', 'A wallet already exists in this browser. Reset it before creating another.');
      const opened = await createVault(password, encodeKeyringData(data));
      await this.local.set({ [VAULT_KEY]: opened.record });
      await this.local.remove([FAILURES_KEY]);
      await this.remember(opened.key);
      opened.plaintext.fill(0);
    });
  }

  /** Password unlock with the growing delay; writes an upgraded record only after it decrypted back. */
  async unlock(password: string): Promise<KeyringData> {
    return this.writes.run(async () => {
      const opened = await this.openWithPassword(password);
      if (opened.upgraded) await this.local.set({ [VAULT_KEY]: opened.record });
      await this.remember(opened.key);
      return this.decode(opened.plaintext);
    });
  }

  /** Checks the password without changing the lock state (reveal seed, export key). */
  async verifyPassword(password: string): Promise<KeyringData> {
    const opened = await this.openWithPassword(password);
    opened.key.fill(0);
    return this.decode(opened.plaintext);
  }

  /** A restarted worker re-opens the vault from the key kept in storage.session. */
  async restore(): Promise<KeyringData | null> {
    const b64 = await this.session.get<string>(SESSION_KEY);
    const record = await this.local.get<string>(VAULT_KEY);
    if (!b64 || typeof record !== 'string') return null;
    try {
      const key = base64ToBytes(b64);
      if (!key) throw new Error('bad session key');
      const plaintext = await openVaultWithKey(key, record);
      this.key = key;
      return this.decode(plaintext);
    } catch {
      // A key that no longer matches (vault replaced) is useless: forget it and stay locked.
      await this.session.remove([SESSION_KEY]);
      return null;
    }
  }

  /** Rewrites the record while unlocked (add account, rename...). */
  async save(data: KeyringData): Promise<void> {
    await this.writes.run(async () => {
      const key = this.requireKey();
      const record = await this.local.get<string>(VAULT_KEY);
      if (typeof record !== 'string') throw walletError('no_vault', 'No wallet exists yet.');
      const next = await rewriteVault(key, record, encodeKeyringData(data));
      await this.local.set({ [VAULT_KEY]: next });
    });
  }

  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await this.writes.run(async () => {
      const record = await this.readRecord();
      const opened = await this.mapErrors(() => changePassword(oldPassword, newPassword, record));
      await this.local.set({ [VAULT_KEY]: opened.record });
      await this.remember(opened.key);
      opened.plaintext.fill(0);
    });
  }

  async lock(): Promise<void> {
    this.key?.fill(0);
    this.key = null;
    await this.session.remove([SESSION_KEY]);
  }

  private async openWithPassword(password: string) {
    const wait = await this.retryAfterMs();
    if (wait > 0) {
      throw walletError('too_many_attempts', `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`, { retryAfterMs: wait });
    }
    const record = await this.readRecord();
    try {
      const opened = await this.mapErrors(() => openVault(password, record));
      await this.local.remove([FAILURES_KEY]);
      return opened;
    } catch (err) {
      if ((err as WalletError).data?.reason === 'wrong_password') {
        const prev = (await this.local.get<FailureState>(FAILURES_KEY)) ?? { failures: 0, lastFailureAt: 0 };
        const next = recordFailure(prev, this.now());
        await this.local.set({ [FAILURES_KEY]: next });
        const after = retryAfterMs(next, this.now());
        throw walletError('wrong_password', 'Wrong password', after > 0 ? { retryAfterMs: after } : undefined);
      }
      throw err;
    }
  }

  private async readRecord(): Promise<string> {
    const record = await this.local.get<string>(VAULT_KEY);
    if (typeof record !== 'string') throw walletError('no_vault', 'No wallet exists yet.');
    return record;
  }

  private async remember(key: Uint8Array): Promise<void> {
    this.key?.fill(0);
    this.key = key;
    await this.session.set({ [SESSION_KEY]: bytesToBase64(key) });
  }

  private requireKey(): Uint8Array {
    if (!this.key) throw walletError('locked', 'The wallet is locked.');
    return this.key;
  }

  private decode(plaintext: Uint8Array): KeyringData {
    try {
      return decodeKeyringData(plaintext);
    } catch {
      throw walletError('vault_corrupt', 'The vault record is damaged and cannot be read.');
    } finally {
      plaintext.fill(0);
    }
  }

  private async mapErrors<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof VaultError) {
        if (err.code === 'wrong_password') throw walletError('wrong_password', 'Wrong password');
        if (err.code === 'unsupported_version') throw walletError('vault_unsupported_version', err.message);
        throw walletError('vault_corrupt', err.message);
      }
      throw err;
    }
  }
}
