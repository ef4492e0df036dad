import * as v from 'valibot';
import type { Store } from './store';

const KEY = 'budgets';

/** Monthly budgets per asset key, in base units. Local only, never sent anywhere. */
export class BudgetStore {
  constructor(private readonly local: Store) {}

  async all(): Promise<Record<string, bigint>> {
    const r = v.safeParse(v.record(v.string(), v.pipe(v.string(), v.regex(/^\d{1,78}$/))), (await this.local.get<unknown>(KEY)) ?? {});
    return r.success ? Object.fromEntries(Object.entries(r.output).map(([k, x]) => [k, BigInt(x)])) : {};
  }

  async set(asset: string, amount: bigint | null): Promise<void> {
    const all = Object.fromEntries(Object.entries(await this.all()).map(([k, x]) => [k, x.toString()]));
    if (amount === null) delete all[asset];
    else all[asset] = amount.toString();
    await this.local.set({ [KEY]: all });
  }
}
