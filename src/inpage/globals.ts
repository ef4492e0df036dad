import { setOwn } from './intrinsics';

/**
 * Sets `win[key] = value` only if nothing owns that name yet (another wallet's provider, or a
 * page's own variable). Defined like a plain assignment (writable, configurable), so a wallet
 * injected after us can still take the name over by assignment or defineProperty; we never
 * overwrite theirs. Returns whether the name is now ours.
 */
export function defineIfFree(win: object, key: string, value: unknown): boolean {
  if (key in win) return false;
  try {
    setOwn(win, key, value);
    return true;
  } catch {
    return false; // a non-extensible window (should not happen): leave it
  }
}
