/**
 * Integer base units ↔ decimal text (wei ↔ ETH, sats ↔ BTC) with bigint, so the popup
 * does not pull in ethers for two functions.
 */
export function formatUnits(value: bigint | string, decimals: number): string {
  const v = typeof value === 'string' ? BigInt(value) : value;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const frac = decimals > 0 ? (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Parses "1.5" into base units; null when the text is not a plain non-negative decimal or has too many decimals. */
export function parseUnits(text: string, decimals: number): bigint | null {
  const t = text.trim();
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t) ?? /^()\.(\d+)$/.exec(t);
  if (!m) return null;
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
}

/**
 * For display: at most `maxFraction` decimals, cut (never rounded up, so a balance is never
 * shown larger than it is); a non-zero amount too small to show reads "<0.000001".
 */
export function formatDisplay(value: bigint | string, decimals: number, maxFraction = 6): string {
  const full = formatUnits(value, decimals);
  const [whole, frac = ''] = full.replace(/^-/, '').split('.');
  const neg = full.startsWith('-') ? '-' : '';
  const cut = frac.slice(0, maxFraction).replace(/0+$/, '');
  if (!cut && /^0*$/.test(whole ?? '') && /[1-9]/.test(frac)) return `${neg}<0.${'0'.repeat(maxFraction - 1)}1`;
  return `${neg}${whole}${cut ? `.${cut}` : ''}`;
}
