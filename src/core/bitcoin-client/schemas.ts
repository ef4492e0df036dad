// Strict shapes of the Esplora answers the client reads (Blockstream esplora /
// mempool.space JSON). Unknown extra fields are ignored (servers add fields
// over time); missing or out-of-range ones make the answer 'garbage'.
import * as v from 'valibot';

/** 21 million BTC in sats: no amount is larger (and it is below 2^53, so JSON numbers are exact). */
export const MAX_MONEY = 2_100_000_000_000_000;
/** Highest fee rate (sat/vB) accepted from a server before calling the answer implausible. */
export const DEFAULT_MAX_FEE_RATE = 10_000;

const sats = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(MAX_MONEY));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const height = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(100_000_000));
const uint32 = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(0xffffffff));
const int32 = v.pipe(v.number(), v.safeInteger(), v.minValue(-0x80000000), v.maxValue(0x7fffffff));
export const hash64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const hex = v.pipe(v.string(), v.maxLength(4_000_000), v.regex(/^(?:[0-9a-f]{2})*$/));

export const TxStatusSchema = v.variant('confirmed', [
  v.object({ confirmed: v.literal(true), block_height: height, block_hash: hash64, block_time: count }),
  v.object({ confirmed: v.literal(false) }),
]);

export const UtxoSchema = v.object({ txid: hash64, vout: uint32, value: sats, status: TxStatusSchema });
export const UtxoListSchema = v.pipe(v.array(UtxoSchema), v.maxLength(100_000));

const TxoStatsSchema = v.object({
  funded_txo_count: count,
  funded_txo_sum: sats,
  spent_txo_count: count,
  spent_txo_sum: sats,
  tx_count: count,
});

export const AddressInfoSchema = v.object({
  address: v.string(),
  chain_stats: TxoStatsSchema,
  mempool_stats: TxoStatsSchema,
});

const VoutSchema = v.object({
  scriptpubkey: hex,
  scriptpubkey_type: v.pipe(v.string(), v.maxLength(64)),
  scriptpubkey_address: v.optional(v.pipe(v.string(), v.maxLength(128))),
  value: sats,
});

const VinSchema = v.object({
  txid: hash64,
  vout: uint32,
  prevout: v.nullable(VoutSchema),
  witness: v.optional(v.array(hex)),
  is_coinbase: v.boolean(),
  sequence: uint32,
});

export const TxSchema = v.pipe(
  v.object({
    txid: hash64,
    version: int32,
    locktime: uint32,
    vin: v.pipe(v.array(VinSchema), v.minLength(1)),
    vout: v.pipe(v.array(VoutSchema), v.minLength(1)),
    size: v.pipe(count, v.minValue(1)),
    weight: v.pipe(count, v.minValue(1)),
    fee: sats,
    status: TxStatusSchema,
  }),
  v.check((tx) => tx.vin.every((i) => i.is_coinbase || i.prevout !== null), 'a non-coinbase input has no prevout'),
);
export const OutspendsSchema = v.pipe(
  v.array(
    v.variant('spent', [
      v.object({ spent: v.literal(true), txid: hash64, vin: uint32, status: TxStatusSchema }),
      v.object({ spent: v.literal(false) }),
    ]),
  ),
  v.maxLength(100_000),
);
export const TxListSchema = v.pipe(v.array(TxSchema), v.maxLength(1_000));

export function feeEstimatesSchema(maxFeeRate: number) {
  return v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[1-9]\d{0,4}$/)),
      v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(maxFeeRate, `fee rate above ${maxFeeRate} sat/vB is implausible`)),
    ),
    v.check((m) => Object.keys(m).length <= 1_000, 'too many fee targets'),
  );
}

export type RawTx = v.InferOutput<typeof TxSchema>;
export type RawTxStatus = v.InferOutput<typeof TxStatusSchema>;
export type RawUtxo = v.InferOutput<typeof UtxoSchema>;
export type RawAddressInfo = v.InferOutput<typeof AddressInfoSchema>;
