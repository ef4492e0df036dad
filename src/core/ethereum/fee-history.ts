/** Fee fields of one choice, in wei as decimal strings (bigint does not survive JSON). */
export interface FeeFields {
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
  gasPrice?: string;
}

export type Speed = 'slow' | 'normal' | 'fast';
export type FeePresets = Record<Speed, FeeFields>;

/** The percentiles asked of eth_feeHistory, one per speed. */
export const FEE_PERCENTILES = [10, 50, 90] as const;
/** A tip floor of 0.01 gwei keeps a tip even when recent blocks were empty (anvil, quiet L2s). */
export const TIP_FLOOR = 10_000_000n;

const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;
const quantity = (x: unknown): bigint | null => (typeof x === 'string' && QUANTITY.test(x) ? BigInt(x) : null);

function median(xs: bigint[]): bigint {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.floor(s.length / 2)] ?? 0n;
}

/**
 * Slow / normal / fast from an eth_feeHistory answer asked with FEE_PERCENTILES: the median
 * over the blocks of each percentile's tip (fast gets +20 %), max fee = 2 × the next block's
 * base fee (the last entry of baseFeePerGas) + tip, which survives six full blocks of
 * base-fee growth. null when the answer has no usable base fee (a chain without EIP-1559, or
 * garbage): the caller falls back to eth_gasPrice.
 */
export function presetsFromFeeHistory(answer: unknown): { baseFee: bigint; presets: FeePresets } | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { baseFeePerGas, reward } = answer as { baseFeePerGas?: unknown; reward?: unknown };
  if (!Array.isArray(baseFeePerGas) || baseFeePerGas.length === 0) return null;
  const baseFee = quantity(baseFeePerGas[baseFeePerGas.length - 1]);
  if (baseFee === null || baseFee === 0n) return null;
  const rows = Array.isArray(reward) ? reward.filter((r): r is unknown[] => Array.isArray(r)) : [];
  const tips = FEE_PERCENTILES.map((_, i) => median(rows.map((r) => quantity(r[i])).filter((x): x is bigint => x !== null)));
  const preset = (tip: bigint): FeeFields => {
    const t = tip < TIP_FLOOR ? TIP_FLOOR : tip;
    return { maxPriorityFeePerGas: t.toString(), maxFeePerGas: (baseFee * 2n + t).toString() };
  };
  const [slow, normal, fast] = tips as [bigint, bigint, bigint];
  return { baseFee, presets: { slow: preset(slow), normal: preset(normal), fast: preset(fast + fast / 5n) } };
}

/** Legacy chains: 90 % / 100 % / 120 % of the node's eth_gasPrice. */
export function presetsFromGasPrice(price: bigint): FeePresets {
  return {
    slow: { gasPrice: ((price * 9n) / 10n).toString() },
    normal: { gasPrice: price.toString() },
    fast: { gasPrice: ((price * 12n) / 10n).toString() },
  };
}
