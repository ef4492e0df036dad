import { describe, expect, it } from 'vitest';
import { NO_FAILURES, recordFailure, retryAfterMs, unlockDelayMs } from './backoff';

const at = (failures: number, lastFailureAt = 1_000_000) => ({ failures, lastFailureAt });

describe('unlock delay schedule', () => {
  it('is free for the first 3 failures, then doubles from 1 s, capped at 5 min', () => {
    const schedule = Array.from({ length: 15 }, (_, n) => unlockDelayMs(at(n)));
    expect(schedule).toEqual([
      0, 0, 0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000,
    ]);
    expect(unlockDelayMs(at(10_000))).toBe(300_000);
  });

  it('treats damaged state as no failures', () => {
    expect(unlockDelayMs(at(Number.NaN))).toBe(0);
    expect(unlockDelayMs(at(-5))).toBe(0);
  });

  it('recordFailure counts up and stamps the time without mutating', () => {
    const s0 = NO_FAILURES;
    const s1 = recordFailure(s0, 5_000);
    expect(s1).toEqual({ failures: 1, lastFailureAt: 5_000 });
    expect(s0).toEqual({ failures: 0, lastFailureAt: 0 });
    let s = s1;
    for (let i = 0; i < 4; i++) s = recordFailure(s, 6_000 + i);
    expect(s).toEqual({ failures: 5, lastFailureAt: 6_003 });
  });

  it('retryAfterMs counts down from the last failure', () => {
    expect(retryAfterMs(at(3), 1_000_000)).toBe(0);
    const s = at(5); // 2 s delay
    expect(retryAfterMs(s, 1_000_000)).toBe(2_000);
    expect(retryAfterMs(s, 1_001_500)).toBe(500);
    expect(retryAfterMs(s, 1_002_000)).toBe(0);
    expect(retryAfterMs(s, 9_999_999)).toBe(0);
  });

  it('never waits longer than the delay when the clock went backwards', () => {
    expect(retryAfterMs(at(4, 10_000_000), 1_000)).toBe(1_000);
  });

  it('a whole lock-out sequence', () => {
    let s = NO_FAILURES;
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      now += retryAfterMs(s, now); // caller waits exactly as long as told
      s = recordFailure(s, now);
      waits.push(retryAfterMs(s, now));
    }
    expect(waits).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000]);
  });
});
