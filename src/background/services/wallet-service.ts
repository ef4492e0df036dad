import { generateMnemonic, parseMnemonic, MnemonicError } from '../../core/keyring';
import { walletError, type ErrorReason } from '../../shared/errors';
import type { WalletState } from '../../shared/messages';
import type { AccountCache } from './account-cache';
import type { KeyringData } from './keyring-data';
import type { KeyringService } from './keyring-service';
import type { SettingsService } from './settings-service';
import type { VaultService } from './vault-service';

export interface LockListener {
  onUnlocked(): Promise<void>;
  onLocked(): Promise<void>;
}

/** Wallet lifecycle: onboarding, unlock, lock, restore after a worker restart. */
export class WalletService {
  private restoring: Promise<void> | null = null;

  constructor(
    private readonly vault: VaultService,
    private readonly keyring: KeyringService,
    private readonly cache: AccountCache,
    private readonly settings: SettingsService,
    private readonly lockListener: LockListener,
    private readonly resetStorage: () => Promise<void>,
  ) {}

  /** Called once per worker start and awaited by every request. */
  ready(): Promise<void> {
    this.restoring ??= (async () => {
      const data = await this.vault.restore();
      if (data) this.keyring.load(data);
    })();
    return this.restoring;
  }

  async state(): Promise<WalletState> {
    const [initialized, retryAfterMs] = await Promise.all([this.vault.exists(), this.vault.retryAfterMs()]);
    return { initialized, unlocked: this.keyring.unlocked, retryAfterMs, backedUp: this.keyring.backedUp };
  }

  newMnemonic(words: 12 | 24): string {
    return generateMnemonic(words);
  }

  async create(input: { mnemonic: string; passphrase?: string; password: string; backedUp: boolean }): Promise<WalletState> {
    const phrase = parseOrThrow(input.mnemonic);
    const data: KeyringData = {
      v: 1,
      mnemonic: phrase,
      passphrase: input.passphrase ?? '',
      accounts: [{ index: 0, name: 'Account 1' }],
      backedUp: input.backedUp,
    };
    await this.vault.create(input.password, data);
    // A cache left by an earlier wallet must never show its addresses for this one.
    await this.cache.clear();
    await this.settings.setSelectedAccount(0);
    this.keyring.load(data);
    await this.lockListener.onUnlocked();
    return this.state();
  }

  async unlock(password: string): Promise<WalletState> {
    const data = await this.vault.unlock(password);
    this.keyring.load(data);
    await this.lockListener.onUnlocked();
    return this.state();
  }

  async lock(): Promise<WalletState> {
    this.keyring.clear();
    await this.vault.lock();
    await this.lockListener.onLocked();
    return this.state();
  }

  async changePassword(oldPassword: string, newPassword: string): Promise<WalletState> {
    await this.vault.changePassword(oldPassword, newPassword);
    return this.state();
  }

  /** Forgets everything this wallet stored: vault, caches, settings, permissions, activity. */
  async reset(): Promise<WalletState> {
    this.keyring.clear();
    await this.vault.lock();
    await this.cache.clear();
    await this.resetStorage();
    await this.lockListener.onLocked();
    return this.state();
  }

  /** A fresh password check (export key, reveal): counts failures like unlock does. */
  async verifyPassword(password: string): Promise<void> {
    await this.vault.verifyPassword(password);
  }

  async revealSeed(password: string): Promise<string> {
    if (!this.keyring.unlocked) throw walletError('locked', 'The wallet is locked.');
    const data = await this.vault.verifyPassword(password);
    return data.mnemonic;
  }
}

function parseOrThrow(input: string): string {
  try {
    return parseMnemonic(input).phrase;
  } catch (err) {
    if (err instanceof MnemonicError) {
      const reason = `mnemonic_${err.code}` as ErrorReason;
      // Word, position and count exactly as the parser found them, so the UI names the same word.
      throw walletError(reason, err.message, {
        ...(err.count !== undefined ? { count: err.count } : {}),
        ...(err.word !== undefined ? { word: err.word } : {}),
        ...(err.position !== undefined ? { position: err.position } : {}),
      });
    }
    throw err;
  }
}
