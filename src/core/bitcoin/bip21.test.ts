import { describe, expect, it } from 'vitest';
import { encodeBip21, parseBip21 } from './bip21';

const A = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';

describe('BIP21', () => {
  it('encodes the address alone, and an amount in BTC without trailing zeros', () => {
    expect(encodeBip21({ address: A })).toBe(`bitcoin:${A}`);
    expect(encodeBip21({ address: A, amount: 1_000_000_000n })).toBe(`bitcoin:${A}?amount=10`);
    expect(encodeBip21({ address: A, amount: 50_000n })).toBe(`bitcoin:${A}?amount=0.0005`);
    expect(encodeBip21({ address: A, amount: 123_456_789n, label: 'Luke-Jr', message: 'Donation for project xyz' })).toBe(
      `bitcoin:${A}?amount=1.23456789&label=Luke-Jr&message=Donation%20for%20project%20xyz`,
    );
  });

  it('parses the examples of BIP21 (amount to sats, labels decoded)', () => {
    expect(parseBip21(`bitcoin:${A}?amount=20.3&label=Luke-Jr`)).toEqual({ address: A, amount: 2_030_000_000n, label: 'Luke-Jr' });
    expect(parseBip21(`BITCOIN:${A}?message=Donation%20for%20project%20xyz`)).toEqual({ address: A, message: 'Donation for project xyz' });
    expect(parseBip21(`bitcoin:${A}?amount=50&somethingyoudontunderstand=50`)).toEqual({ address: A, amount: 5_000_000_000n });
    expect(parseBip21(encodeBip21({ address: A, amount: 1n }))).toEqual({ address: A, amount: 1n });
  });

  it('refuses req- parameters it does not know, bad amounts and non-URIs', () => {
    expect(parseBip21(`bitcoin:${A}?req-somethingyoudontunderstand=50`)).toBeNull();
    expect(parseBip21(`bitcoin:${A}?amount=1e3`)).toBeNull();
    expect(parseBip21(`bitcoin:${A}?amount=0.123456789`)).toBeNull();
    expect(parseBip21(`bitcoin:${A}?amount=-1`)).toBeNull();
    expect(parseBip21(A)).toBeNull();
    expect(parseBip21('bitcoin:')).toBeNull();
  });
});
