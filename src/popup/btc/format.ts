import { formatUnits } from '../../shared/units';

/** sats (decimal string or bigint) → "0.0001 BTC"; the sign kept. */
export function btc(sats: string | bigint): string {
  return `${formatUnits(sats, 8)} BTC`;
}

export function shortAddress(a: string): string {
  return a.length > 20 ? `${a.slice(0, 10)}…${a.slice(-6)}` : a;
}
