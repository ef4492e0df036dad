import { describe, expect, it } from 'vitest';
import { ABSURD_FLOOR, customFees, GWEI, maxNativeAmount, maxPricePerGas, replacementFees, staleReason, type ChainNow, type ReviewedTx } from './send-fees';

const FAST_1559 = { maxFeePerGas: (30n * GWEI).toString(), maxPriorityFeePerGas: (2n * GWEI).toString() };
const market = { baseFee: 14n * GWEI, fast: FAST_1559 };

describe('maxPricePerGas / maxNativeAmount', () => {
  it('worst case is the max fee, or the gas price on a legacy chain', () => {
    expect(maxPricePerGas(FAST_1559)).toBe(30n * GWEI);
    expect(maxPricePerGas({ gasPrice: '7' })).toBe(7n);
  });
  it('max = balance − gas × worst-case price; nothing left → null', () => {
    expect(maxNativeAmount(10n ** 18n, 21_000n, FAST_1559)).toBe(10n ** 18n - 21_000n * 30n * GWEI);
    expect(maxNativeAmount(21_000n * 30n * GWEI, 21_000n, FAST_1559)).toBeNull();
  });
});

describe('customFees', () => {
  it('accepts a sane EIP-1559 fee as typed', () => {
    expect(customFees({ maxFee: 20n * GWEI, tip: 3n * GWEI }, market)).toEqual({ ok: true, fees: { maxFeePerGas: (20n * GWEI).toString(), maxPriorityFeePerGas: (3n * GWEI).toString() } });
    expect(customFees({ maxFee: 20n * GWEI, tip: 0n }, market).ok).toBe(true);
  });
  it('refuses unparsed, zero, a tip above the max fee, and a max fee under the base fee', () => {
    expect(customFees({ maxFee: null, tip: 1n }, market)).toEqual({ ok: false, problem: { reason: 'fee_invalid' } });
    expect(customFees({ maxFee: 20n * GWEI, tip: null }, market)).toEqual({ ok: false, problem: { reason: 'fee_invalid' } });
    expect(customFees({ maxFee: 0n, tip: 0n }, market)).toEqual({ ok: false, problem: { reason: 'fee_invalid' } });
    expect(customFees({ maxFee: 20n * GWEI, tip: 21n * GWEI }, market)).toEqual({ ok: false, problem: { reason: 'fee_tip_above_max' } });
    expect(customFees({ maxFee: 13n * GWEI, tip: 1n * GWEI }, market)).toEqual({ ok: false, problem: { reason: 'fee_below_base', baseFee: 14n * GWEI } });
  });
  it('refuses more than 10 × the fast preset as a typo, with a floor for quiet chains', () => {
    expect(customFees({ maxFee: 300n * GWEI, tip: GWEI }, market).ok).toBe(true);
    expect(customFees({ maxFee: 300n * GWEI + 1n, tip: GWEI }, market)).toEqual({ ok: false, problem: { reason: 'fee_absurd', limit: 300n * GWEI } });
    const quiet = { baseFee: 10_000_000n, fast: { maxFeePerGas: '30000000', maxPriorityFeePerGas: '10000000' } };
    expect(customFees({ maxFee: ABSURD_FLOOR, tip: GWEI }, quiet).ok).toBe(true);
    expect(customFees({ maxFee: ABSURD_FLOOR + 1n, tip: GWEI }, quiet)).toEqual({ ok: false, problem: { reason: 'fee_absurd', limit: ABSURD_FLOOR } });
  });
  it('legacy chain: the max fee is the gas price, the tip is not needed', () => {
    const legacy = { baseFee: null, fast: { gasPrice: (5n * GWEI).toString() } };
    expect(customFees({ maxFee: 6n * GWEI, tip: null }, legacy)).toEqual({ ok: true, fees: { gasPrice: (6n * GWEI).toString() } });
    expect(customFees({ maxFee: 51n * GWEI, tip: null }, legacy)).toEqual({ ok: false, problem: { reason: 'fee_absurd', limit: 50n * GWEI } });
  });
});

describe('staleReason', () => {
  const tx: ReviewedTx = { nonce: 4, gas: 21_000n, value: 10n ** 18n, fees: { maxFeePerGas: (30n * GWEI).toString(), maxPriorityFeePerGas: GWEI.toString() }, tokenAmount: null };
  const cost = tx.value + tx.gas * 30n * GWEI;
  const now: ChainNow = { pendingNonce: 4, balance: cost, baseFee: 14n * GWEI, gasEstimate: 21_000n, tokenBalance: null };

  it('the chain as reviewed (or with a lower gas need or base fee): sendable as shown', () => {
    expect(staleReason(tx, now)).toBeNull();
    expect(staleReason(tx, { ...now, gasEstimate: 20_000n, baseFee: GWEI })).toBeNull();
    // A base fee that rose but stays under the max fee: still exactly what was shown (the max).
    expect(staleReason(tx, { ...now, baseFee: 30n * GWEI })).toBeNull();
  });
  it('another transaction took the nonce (or a pending one vanished)', () => {
    expect(staleReason(tx, { ...now, pendingNonce: 5 })).toBe('send_nonce_used');
    expect(staleReason(tx, { ...now, pendingNonce: 3 })).toBe('send_nonce_used');
  });
  it('the balance no longer covers value + worst-case fee, or the token balance the amount', () => {
    expect(staleReason(tx, { ...now, balance: cost - 1n })).toBe('send_balance_changed');
    const token = { ...tx, value: 0n, gas: 50_000n, tokenAmount: 100n };
    expect(staleReason(token, { ...now, gasEstimate: 50_000n, tokenBalance: 99n })).toBe('send_balance_changed');
    expect(staleReason(token, { ...now, gasEstimate: 50_000n, tokenBalance: 100n })).toBeNull();
  });
  it('the call would revert now, or need more gas than the reviewed limit', () => {
    expect(staleReason(tx, { ...now, gasEstimate: 'reverted' })).toBe('send_would_fail');
    expect(staleReason(tx, { ...now, gasEstimate: 21_001n })).toBe('send_would_fail');
  });
  it('the base fee rose above the reviewed max fee (EIP-1559 only)', () => {
    expect(staleReason(tx, { ...now, baseFee: 30n * GWEI + 1n })).toBe('send_fee_too_low');
    const legacy = { ...tx, fees: { gasPrice: (30n * GWEI).toString() } };
    expect(staleReason(legacy, { ...now, baseFee: null })).toBeNull();
  });
});

describe('replacementFees', () => {
  it('+12.5 % (rounded up) on both EIP-1559 fields when the market is calmer than the old fee', () => {
    const old = { maxFeePerGas: '1000000000', maxPriorityFeePerGas: '100000000' };
    expect(replacementFees(old, { maxFeePerGas: '500000000', maxPriorityFeePerGas: '10000000' })).toEqual({ maxFeePerGas: '1125000001', maxPriorityFeePerGas: '112500001' });
  });
  it('today’s fast preset when the market rose past the bump, per field; the tip never passes the max fee', () => {
    const old = { maxFeePerGas: '1000000000', maxPriorityFeePerGas: '100000000' };
    const r = replacementFees(old, { maxFeePerGas: '9000000000', maxPriorityFeePerGas: '2000000000' });
    expect(r).toEqual({ maxFeePerGas: '9000000000', maxPriorityFeePerGas: '2000000000' });
    expect(BigInt(r.maxPriorityFeePerGas!)).toBeLessThanOrEqual(BigInt(r.maxFeePerGas!));
  });
  it('a legacy transaction stays legacy', () => {
    expect(replacementFees({ gasPrice: '1000' }, { gasPrice: '900' })).toEqual({ gasPrice: '1126' });
    expect(replacementFees({ gasPrice: '1000' }, { gasPrice: '5000' })).toEqual({ gasPrice: '5000' });
  });
});
