import * as v from 'valibot';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'activity';
const MAX_RECORDS = 500;

const feesSchema = v.object({
  gas: v.string(),
  nonce: v.number(),
  maxFeePerGas: v.optional(v.string()),
  maxPriorityFeePerGas: v.optional(v.string()),
  gasPrice: v.optional(v.string()),
});

const recordSchema = v.object({
  hash: v.string(),
  chainId: v.number(),
  from: v.string(),
  to: v.nullable(v.string()),
  value: v.string(),
  /** ERC-20 transfer shown as such: token contract, symbol, decimals, amount in base units. */
  token: v.optional(v.object({ address: v.string(), symbol: v.string(), decimals: v.number(), amount: v.string(), to: v.string() })),
  data: v.nullable(v.string()),
  fees: feesSchema,
  status: v.picklist(['pending', 'confirmed', 'failed', 'replaced']),
  createdAt: v.number(),
  origin: v.nullable(v.string()),
  kind: v.picklist(['send', 'dapp', 'speed_up', 'cancel']),
  replaces: v.optional(v.string()),
});

export type ActivityRecord = v.InferOutput<typeof recordSchema>;

/** Our own sent transactions (DESIGN §7 activity), newest first, in storage.local. */
export class ActivityStore {
  private readonly lock = new Mutex();
  constructor(private readonly local: Store) {}

  async all(): Promise<ActivityRecord[]> {
    const r = v.safeParse(v.array(recordSchema), (await this.local.get<unknown>(KEY)) ?? []);
    return r.success ? r.output : [];
  }

  async add(rec: ActivityRecord): Promise<void> {
    await this.lock.run(async () => {
      const list = (await this.all()).filter((r) => r.hash !== rec.hash);
      await this.local.set({ [KEY]: [rec, ...list].slice(0, MAX_RECORDS) });
    });
  }

  async update(hashes: Map<string, ActivityRecord['status']>): Promise<void> {
    if (hashes.size === 0) return;
    await this.lock.run(async () => {
      const list = await this.all();
      await this.local.set({ [KEY]: list.map((r) => (hashes.has(r.hash) ? { ...r, status: hashes.get(r.hash)! } : r)) });
    });
  }

  /** Addresses the user sent to recently: known-good for the look-alike check. */
  async recentRecipients(limit = 50): Promise<string[]> {
    const out = new Set<string>();
    for (const r of await this.all()) {
      const to = r.token?.to ?? r.to;
      if (to && r.kind === 'send') out.add(to);
      if (out.size >= limit) break;
    }
    return [...out];
  }
}
