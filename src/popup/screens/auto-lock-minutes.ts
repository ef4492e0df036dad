export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 24 * 60;

/** Whole minutes in range, or null: "7" → 7; "0", "5000", "1.5", "-3", "" → null. */
export function parseAutoLockMinutes(text: string): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= AUTO_LOCK_MIN && n <= AUTO_LOCK_MAX ? n : null;
}
