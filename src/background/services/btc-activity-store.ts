import * as v from 'valibot';
import { BTC_NETWORKS } from '../../shared/messages';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'btcActivity';
const MAX_RECORDS = 500;

const recordSchema = v.object({
  txid: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  network: v.picklist(BTC_NETWORKS),
  account: v.pipe(v.number(), v.integer(), v.minValue(0)),
  kind: v.picklist(['send', 'dapp', 'speed_up', 'cancel']),
  origin: v.nullable(v.string()),
  createdAt: v.number(),
  /** sats paid to others (0 for a cancel) and the fee, as decimal strings */
  sent: v.string(),
  fee: v.string(),
  vsize: v.number(),
  recipients: v.array(v.string()),
  /** the pending tx this one replaced (speed up / cancel) */
  replaces: v.optional(v.string()),
  /** set on the original once a replacement was broadcast */
  replacedBy: v.optional(v.string()),
  /** set on a later send that a replacement of the tx it spent evicted */
  droppedBy: v.optional(v.string()),
});

export type BtcActivityRecord = v.InferOutput<typeof recordSchema>;

/** The Bitcoin transactions this wallet broadcast, newest first, in storage.local. */
export class BtcActivityStore {
  private readonly lock = new Mutex();
  constructor(private readonly local: Store) {}

  async all(): Promise<BtcActivityRecord[]> {
    const r = v.safeParse(v.array(recordSchema), (await this.local.get<unknown>(KEY)) ?? []);
    return r.success ? r.output : [];
  }

  /** Records a broadcast; a replacement marks what it replaced and the later sends it evicted (`drops`). */
  async add(rec: BtcActivityRecord, drops: readonly string[] = []): Promise<void> {
    await this.lock.run(async () => {
      const list = (await this.all()).filter((r) => r.txid !== rec.txid);
      const marked = list.map((r) => (r.txid === rec.replaces ? { ...r, replacedBy: rec.txid } : drops.includes(r.txid) ? { ...r, droppedBy: rec.txid } : r));
      await this.local.set({ [KEY]: [rec, ...marked].slice(0, MAX_RECORDS) });
    });
  }

  async get(txid: string): Promise<BtcActivityRecord | undefined> {
    return (await this.all()).find((r) => r.txid === txid);
  }

  /** Addresses the user paid recently: known-good for the look-alike check. */
  async recentRecipients(network: string, limit = 50): Promise<string[]> {
    const out = new Set<string>();
    for (const r of await this.all()) if (r.network === network) for (const a of r.recipients) out.add(a);
    return [...out].slice(0, limit);
  }
}
