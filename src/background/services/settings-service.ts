import * as v from 'valibot';
import { DEFAULT_BTC_NETWORK } from '../../shared/btc-networks';
import { BTC_NETWORKS, LANGUAGES, TIP_IDS, type Settings, type TipId } from '../../shared/messages';
import { DEFAULT_PRICE_SOURCE, PRICE_CURRENCIES } from '../../shared/prices';
import { Mutex } from './mutex';
import type { Store } from './store';

const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = { language: 'en', autoLockMinutes: 15, btcNetwork: DEFAULT_BTC_NETWORK, prices: DEFAULT_PRICE_SOURCE };

// Stored settings are read defensively: a damaged entry falls back per field, never crashes.
const storedSchema = v.object({
  language: v.fallback(v.picklist(LANGUAGES), DEFAULT_SETTINGS.language),
  autoLockMinutes: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)), DEFAULT_SETTINGS.autoLockMinutes),
  btcNetwork: v.fallback(v.picklist(BTC_NETWORKS), DEFAULT_SETTINGS.btcNetwork),
  // The price source falls back whole (off): a damaged record never turns fetching on.
  prices: v.fallback(v.object({ enabled: v.boolean(), url: v.string(), currency: v.picklist(PRICE_CURRENCIES) }), { ...DEFAULT_PRICE_SOURCE }),
});

/**
 * Settings, dismissed tips and the selected account in storage.local. Every read-modify-write
 * runs under one lock: two quick changes (language, then auto-lock) each read the record the
 * other wrote, so neither is lost.
 */
export class SettingsService {
  private readonly lock = new Mutex();
  constructor(private readonly local: Store) {}

  async get(): Promise<Settings> {
    const raw = await this.local.get<unknown>(SETTINGS_KEY);
    const r = v.safeParse(storedSchema, raw ?? {});
    return r.success ? r.output : { ...DEFAULT_SETTINGS };
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    return this.lock.run(async () => {
      const next = { ...(await this.get()), ...patch };
      await this.local.set({ [SETTINGS_KEY]: next });
      return next;
    });
  }

  async dismissedTips(): Promise<TipId[]> {
    const r = v.safeParse(v.array(v.picklist(TIP_IDS)), (await this.local.get<unknown>('dismissedTips')) ?? []);
    return r.success ? r.output : [];
  }

  async dismissTip(id: TipId): Promise<TipId[]> {
    return this.lock.run(async () => {
      const next = [...new Set([...(await this.dismissedTips()), id])];
      await this.local.set({ dismissedTips: next });
      return next;
    });
  }

  async getSelectedAccount(): Promise<number> {
    const n = await this.local.get<unknown>('selectedAccount');
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
  }

  async setSelectedAccount(index: number): Promise<void> {
    await this.local.set({ selectedAccount: index });
  }
}
