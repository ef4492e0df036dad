import type { BtcNetworkId } from '../../shared/messages';
import type { Store } from './store';

/**
 * Public addresses, kept unencrypted in storage.local so the popup can list hundreds of
 * accounts without deriving anything (DESIGN §4). Never holds a private key.
 */
export interface CachedAccount {
  index: number;
  name: string;
  eth: string;
  btc: Partial<Record<BtcNetworkId, { p2wpkh: string; p2tr: string }>>;
}

const CACHE_KEY = 'accountCache';

export class AccountCache {
  // The worker is the only writer, so storage is read once per worker start: every popup
  // open lists all accounts, and re-reading hundreds of entries each time was most of its cost.
  private memo: readonly CachedAccount[] | null = null;
  // Bumped by every write and clear: a read that was in flight meanwhile does not keep what it saw.
  private generation = 0;

  constructor(private readonly local: Store) {}

  async read(): Promise<readonly CachedAccount[]> {
    if (this.memo) return this.memo;
    const generation = this.generation;
    const stored = await this.local.get<CachedAccount[]>(CACHE_KEY);
    const list = Array.isArray(stored) ? stored : [];
    if (generation === this.generation) this.memo = list;
    return list;
  }

  async write(list: CachedAccount[]): Promise<void> {
    this.memo = null;
    const generation = ++this.generation;
    await this.local.set({ [CACHE_KEY]: list });
    if (generation === this.generation) this.memo = list;
  }

  async clear(): Promise<void> {
    this.memo = null;
    this.generation++;
    await this.local.remove([CACHE_KEY]);
  }
}
