import * as v from 'valibot';
import { BTC_NETWORKS } from '../../shared/messages';
import { walletError } from '../../shared/errors';
import { Mutex } from './mutex';
import type { Store } from './store';

const KEY = 'btcQuotes';
/** A review older than this is built again: coins and fees move. */
export const QUOTE_TTL_MS = 15 * 60_000;

const stepSchema = v.object({
  index: v.number(),
  type: v.picklist(['p2wpkh', 'p2tr']),
  change: v.picklist([0, 1]),
  keyIndex: v.number(),
});

const quoteSchema = v.object({
  id: v.string(),
  createdAt: v.number(),
  account: v.number(),
  network: v.picklist(BTC_NETWORKS),
  kind: v.picklist(['send', 'dapp', 'speed_up', 'cancel']),
  origin: v.nullable(v.string()),
  /** the unsigned PSBT exactly as reviewed (base64): what is signed is what was shown */
  psbt: v.string(),
  steps: v.array(stepSchema),
  change: v.nullable(v.object({ type: v.picklist(['p2wpkh', 'p2tr']), index: v.number() })),
  sent: v.string(),
  fee: v.string(),
  vsize: v.number(),
  recipients: v.array(v.string()),
  replaces: v.optional(v.string()),
  /** a replacement: the later transactions its review said it evicts */
  drops: v.optional(v.array(v.string())),
});

export type StoredQuote = v.InferOutput<typeof quoteSchema>;

/**
 * Reviewed-but-unsigned Bitcoin sends, in storage.session (no secrets: an unsigned PSBT) so a
 * review survives the worker being stopped. Taking a quote removes it: one broadcast per review.
 */
export class BtcQuoteStore {
  private readonly lock = new Mutex();
  constructor(
    private readonly session: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async put(q: Omit<StoredQuote, 'id' | 'createdAt'>): Promise<StoredQuote> {
    return this.lock.run(async () => {
      const stored: StoredQuote = { ...q, id: crypto.randomUUID(), createdAt: this.now() };
      const live = (await this.read()).filter((x) => this.now() - x.createdAt < QUOTE_TTL_MS);
      await this.session.set({ [KEY]: [...live.slice(-19), stored] });
      return stored;
    });
  }

  /** Change indexes held by the open reviews of this account and address type. */
  async reservedChange(network: StoredQuote['network'], account: number, type: 'p2wpkh' | 'p2tr'): Promise<Set<number>> {
    const live = (await this.read()).filter((q) => this.now() - q.createdAt < QUOTE_TTL_MS && q.network === network && q.account === account && q.change?.type === type);
    return new Set(live.map((q) => q.change!.index));
  }

  async take(id: string): Promise<StoredQuote> {
    return this.lock.run(async () => {
      const list = await this.read();
      const q = list.find((x) => x.id === id);
      await this.session.set({ [KEY]: list.filter((x) => x.id !== id && this.now() - x.createdAt < QUOTE_TTL_MS) });
      if (!q || this.now() - q.createdAt >= QUOTE_TTL_MS) throw walletError('quote_expired', 'This review has expired or was already sent. Review the transaction again.');
      return q;
    });
  }

  private async read(): Promise<StoredQuote[]> {
    const r = v.safeParse(v.array(quoteSchema), (await this.session.get<unknown>(KEY)) ?? []);
    return r.success ? r.output : [];
  }
}
