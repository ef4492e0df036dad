// Growing delay after failed unlock attempts. Pure functions; the caller
// persists FailureState (e.g. chrome.storage.local) so closing the popup or a
// worker restart does not reset the count, and resets it after a success.
//
// The delay only slows guessing through our own UI; an attacker with the
// record on disk is slowed by Argon2, not by this.

export interface FailureState {
  failures: number;
  lastFailureAt: number; // ms epoch
}

export const NO_FAILURES: Readonly<FailureState> = Object.freeze({ failures: 0, lastFailureAt: 0 });

const FREE_ATTEMPTS = 3;
const BASE_MS = 1_000;
const CAP_MS = 5 * 60_000;

function failuresOf(state: FailureState): number {
  const n = state.failures;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0; // damaged state: no penalty rather than a lock-out
}

/** 0 for the first 3 failures, then 1 s, 2 s, 4 s ... capped at 5 minutes. */
export function unlockDelayMs(state: FailureState): number {
  const extra = failuresOf(state) - FREE_ATTEMPTS;
  if (extra <= 0) return 0;
  return Math.min(BASE_MS * 2 ** (extra - 1), CAP_MS);
}

/** Milliseconds still to wait before another attempt is accepted (0 = may try now). */
export function retryAfterMs(state: FailureState, now: number): number {
  const delay = unlockDelayMs(state);
  if (delay === 0) return 0;
  const last = Number.isFinite(state.lastFailureAt) ? state.lastFailureAt : 0;
  // Clamp to `delay`: a clock that jumped backwards (or a future timestamp)
  // must not turn a 1 s wait into hours.
  return Math.max(0, Math.min(delay, last + delay - now));
}

export function recordFailure(state: FailureState, now: number): FailureState {
  return { failures: failuresOf(state) + 1, lastFailureAt: now };
}
