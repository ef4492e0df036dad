// Timing helpers shared by the Node and browser benches.

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(ms: number[]): Sample {
  const s = [...ms].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/**
 * 1 warm-up each, then `runs` timed runs, alternating ours/theirs so drift
 * (thermal, GC, other load) hits both sides equally.
 */
export async function comparePair(
  ours: () => Promise<unknown>,
  theirs: () => Promise<unknown>,
  runs: number,
  now: () => number = () => performance.now(),
): Promise<{ ours: Sample; theirs: Sample }> {
  await ours();
  await theirs();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = now();
    await ours();
    a.push(now() - t);
    t = now();
    await theirs();
    b.push(now() - t);
  }
  return { ours: summarize(a), theirs: summarize(b) };
}

export async function timeOne(fn: () => Promise<unknown>, runs: number): Promise<Sample> {
  await fn();
  const a: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    a.push(performance.now() - t);
  }
  return summarize(a);
}
