// BIP21 payment URIs: bitcoin:<address>[?amount=<decimal BTC>&label=…&message=…].

export interface Bip21 {
  address: string;
  /** sats */
  amount?: bigint;
  label?: string;
  message?: string;
}

const AMOUNT = /^\d{1,8}(?:\.\d{1,8})?$/;

function satsOf(text: string): bigint | null {
  if (!AMOUNT.test(text)) return null;
  const [whole = '0', frac = ''] = text.split('.');
  return BigInt(whole) * 100_000_000n + BigInt(frac.padEnd(8, '0'));
}

function btcText(sats: bigint): string {
  const whole = sats / 100_000_000n;
  const frac = (sats % 100_000_000n).toString().padStart(8, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** The URI for a receive QR code. The amount is in sats (shown in BTC, as BIP21 wants). */
export function encodeBip21(p: Bip21): string {
  const q = new URLSearchParams();
  if (p.amount !== undefined && p.amount > 0n) q.set('amount', btcText(p.amount));
  if (p.label) q.set('label', p.label);
  if (p.message) q.set('message', p.message);
  const query = q.toString().replace(/\+/g, '%20');
  return `bitcoin:${p.address}${query ? `?${query}` : ''}`;
}

/**
 * Reads a pasted URI (scheme case-insensitive, "bitcoin://" tolerated). null when it is not
 * a BIP21 URI, or when it has a `req-` parameter this wallet does not understand (BIP21 says
 * such a URI must be refused) or an amount that is not a plain decimal.
 */
export function parseBip21(text: string): Bip21 | null {
  const m = /^bitcoin:(?:\/\/)?([^?]+)(?:\?(.*))?$/i.exec(text.trim());
  if (!m || !m[1]) return null;
  const out: Bip21 = { address: m[1] };
  for (const [k, v] of new URLSearchParams(m[2] ?? '')) {
    if (k === 'amount') {
      const sats = satsOf(v);
      if (sats === null) return null;
      out.amount = sats;
    } else if (k === 'label') out.label = v;
    else if (k === 'message') out.message = v;
    else if (k.startsWith('req-')) return null;
  }
  return out;
}
