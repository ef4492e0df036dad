import * as v from 'valibot';
import { QuoteStore } from './quote-store';
import type { Store } from './store';

const KEY = 'ethQuotes';
/** A review older than this is built again: fees, balances and nonces move. */
export const ETH_QUOTE_TTL_MS = 10 * 60_000;

const wei = v.pipe(v.string(), v.regex(/^\d{1,78}$/));
const feeFields = v.object({ maxFeePerGas: v.optional(wei), maxPriorityFeePerGas: v.optional(wei), gasPrice: v.optional(wei) });

const common = {
  id: v.string(),
  createdAt: v.number(),
  account: v.number(),
  chainId: v.number(),
  from: v.string(),
  /** the transaction's own `to`: the recipient, or the token contract */
  txTo: v.string(),
  /** wei; for a native "max" send, the balance minus the chosen fee, fixed at confirm */
  value: wei,
  data: v.nullable(v.string()),
  token: v.optional(v.object({ address: v.string(), symbol: v.string(), decimals: v.number(), amount: wei, to: v.string() })),
  gas: wei,
  nonce: v.number(),
};

const quoteSchema = v.variant('kind', [
  v.object({
    ...common,
    kind: v.literal('send'),
    max: v.boolean(),
    /** native balance when reviewed (the base of a "max" send) */
    balance: wei,
    baseFee: v.nullable(wei),
    presets: v.object({ slow: feeFields, normal: feeFields, fast: feeFields }),
  }),
  v.object({
    ...common,
    kind: v.picklist(['speed_up', 'cancel']),
    /** the pending transaction this one replaces (same nonce) */
    replaces: v.string(),
    origin: v.nullable(v.string()),
    fees: feeFields,
  }),
]);

export type EthQuote = v.InferOutput<typeof quoteSchema>;

/** Reviewed ETH / ERC-20 sends and speed-ups / cancels, signed only as reviewed (see QuoteStore). */
export class EthQuoteStore extends QuoteStore<EthQuote> {
  constructor(session: Store, now: () => number = Date.now) {
    super(session, KEY, quoteSchema, ETH_QUOTE_TTL_MS, now);
  }
}
