import * as v from 'valibot';
import { BTC_NETWORKS } from '../../shared/messages';
import { QuoteStore } from './quote-store';
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

/** Reviewed-but-unsigned Bitcoin sends (an unsigned PSBT each): one broadcast per review. */
export class BtcQuoteStore extends QuoteStore<StoredQuote> {
  constructor(session: Store, now: () => number = Date.now) {
    super(session, KEY, quoteSchema, QUOTE_TTL_MS, now);
  }

  /** Change indexes held by the open reviews of this account and address type. */
  async reservedChange(network: StoredQuote['network'], account: number, type: 'p2wpkh' | 'p2tr'): Promise<Set<number>> {
    const live = (await this.liveQuotes()).filter((q) => q.network === network && q.account === account && q.change?.type === type);
    return new Set(live.map((q) => q.change!.index));
  }
}
