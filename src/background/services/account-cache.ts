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
  constructor(private readonly local: Store) {}

  async read(): Promise<CachedAccount[]> {
    const list = await this.local.get<CachedAccount[]>(CACHE_KEY);
    return Array.isArray(list) ? list : [];
  }

  async write(list: CachedAccount[]): Promise<void> {
    await this.local.set({ [CACHE_KEY]: list });
  }

  async clear(): Promise<void> {
    await this.local.remove([CACHE_KEY]);
  }
}
