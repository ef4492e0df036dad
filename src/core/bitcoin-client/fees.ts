// Turn Esplora's `/fee-estimates` map (confirmation target in blocks → sat/vB)
// into the three speeds the wallet offers.

export interface FeeTiers {
  /** sat/vB to confirm within about 1–2 blocks */
  fast: number;
  /** sat/vB for about 6 blocks (an hour) */
  normal: number;
  /** sat/vB for about 24 blocks or more (several hours) */
  slow: number;
}

export const DEFAULT_MIN_FEE_RATE = 1;

/**
 * fast = the highest estimate for targets 1–2, normal = target 6, slow = target 24
 * (for a target the map lacks: the nearest smaller target, else the nearest larger one).
 * Every tier is at least `minFeeRate` (an empty map — regtest, a fresh node — gives the floor),
 * rounded up to 0.1 sat/vB, and slow ≤ normal ≤ fast.
 */
export function feeTiers(estimates: Readonly<Record<string, number>>, minFeeRate = DEFAULT_MIN_FEE_RATE): FeeTiers {
  const points = Object.entries(estimates)
    .map(([k, rate]) => [Number(k), rate] as const)
    .filter(([t, rate]) => Number.isInteger(t) && t > 0 && Number.isFinite(rate) && rate > 0)
    .sort((a, b) => a[0] - b[0]);
  const rateFor = (target: number): number | undefined => {
    let best: number | undefined;
    for (const [t, rate] of points) if (t <= target) best = rate;
    return best ?? points.find(([t]) => t > target)?.[1];
  };
  const upTo2 = points.filter(([t]) => t <= 2).map(([, r]) => r);
  const up = (x: number | undefined) => Math.ceil(Math.max(x ?? minFeeRate, minFeeRate) * 10 - 1e-9) / 10;
  const slow = up(rateFor(24));
  const normal = Math.max(up(rateFor(6)), slow);
  const fast = Math.max(up(upTo2.length ? Math.max(...upTo2) : rateFor(2)), normal);
  return { fast, normal, slow };
}
