import * as v from 'valibot';
import type { Store } from './store';


export interface SitePermission {
  origin: string;
  /** HD account indexes this site may see, in the order the user chose. */
  accounts: number[];
  grantedAt: number;
}

const schema = v.record(
  v.string(),
  v.object({ origin: v.string(), accounts: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), grantedAt: v.number() }),
);

/**
 * Per-origin permissions in storage.local (DESIGN §5: permissions are per origin), one store
 * per chain: a site connected for Ethereum sees nothing of Bitcoin until it asks for that too.
 */
export class PermissionStore {
  constructor(
    private readonly local: Store,
    private readonly key: 'permissions' | 'btcPermissions' = 'permissions',
  ) {}

  async all(): Promise<Record<string, SitePermission>> {
    const r = v.safeParse(schema, (await this.local.get<unknown>(this.key)) ?? {});
    return r.success ? r.output : {};
  }

  async get(origin: string): Promise<SitePermission | undefined> {
    const all = await this.all();
    return Object.prototype.hasOwnProperty.call(all, origin) ? all[origin] : undefined;
  }

  async grant(origin: string, accounts: number[]): Promise<SitePermission> {
    const all = await this.all();
    const p: SitePermission = { origin, accounts: [...new Set(accounts)], grantedAt: Date.now() };
    await this.local.set({ [this.key]: { ...all, [origin]: p } });
    return p;
  }

  async revoke(origin: string): Promise<boolean> {
    const all = await this.all();
    if (!Object.prototype.hasOwnProperty.call(all, origin)) return false;
    const next = Object.fromEntries(Object.entries(all).filter(([o]) => o !== origin));
    await this.local.set({ [this.key]: next });
    return true;
  }
}
