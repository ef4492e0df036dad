import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSendPsbt, finalizeAndExtract, signPsbtInputs } from './build-send';
import { selectCoins, sendMax, type SelectCoinsParams } from './coin-select';
import { InsufficientFundsError, InvalidSendError } from './errors';
import { dustLimit, feeFor, FeeRateError, INPUT_WEIGHT, OUTPUT_BYTES, overheadWeight, weightToVsize } from './fees';
import { fakeTxid, testKey, testKeyring } from './test-helpers';
import { outpointKey, type Utxo } from './types';

const NET = 'regtest';
const kr = testKeyring();
const wpkh = testKey(kr, 'p2wpkh', NET);
const tr = testKey(kr, 'p2tr', NET);
const changeKey = testKey(kr, 'p2wpkh', NET, 1, 0);
const dest = testKey(kr, 'p2wpkh', NET, 0, 5, 1).address;

let n = 0;
function utxo(value: bigint, opts: Partial<Utxo> = {}): Utxo {
  const k = opts.scriptType === 'p2tr' ? tr : wpkh;
  return { txid: fakeTxid(1000 + ++n), vout: 0, value, address: k.address, confirmed: true, scriptType: k.type, path: k.path, ...opts };
}

const base = (utxos: Utxo[], amount: bigint, extra: Partial<SelectCoinsParams> = {}): SelectCoinsParams => ({
  utxos,
  recipients: [{ address: dest, value: amount }],
  feeRate: 1,
  changeType: 'p2wpkh',
  network: NET,
  ...extra,
});

/** Exact fee of a tx with these p2wpkh inputs, one p2wpkh recipient and maybe a p2wpkh change output. */
function exactFee(inputs: number, rate: number, withChange = false): bigint {
  const outs = withChange ? 2 : 1;
  return feeFor(weightToVsize(overheadWeight(inputs, outs) + inputs * INPUT_WEIGHT.p2wpkh + outs * OUTPUT_BYTES.p2wpkh * 4), rate);
}

function checkInvariants(s: ReturnType<typeof selectCoins>, p: SelectCoinsParams): void {
  const inTotal = s.inputs.reduce((a, u) => a + u.value, 0n);
  const outTotal = p.recipients.reduce((a, r) => a + r.value, 0n);
  expect(inTotal).toBe(outTotal + s.fee + s.change);
  expect(s.fee).toBeGreaterThanOrEqual(feeFor(s.vsize, p.feeRate));
  if (s.change > 0n) {
    expect(s.change).toBeGreaterThanOrEqual(dustLimit(p.changeType));
    expect(s.fee).toBe(feeFor(s.vsize, p.feeRate));
  }
  expect(new Set(s.inputs.map(outpointKey)).size).toBe(s.inputs.length);
}

describe('branch and bound', () => {
  it('finds an exact match and creates no change', () => {
    const a = utxo(31_234n);
    const b = utxo(57_771n);
    const noise = [utxo(1_000_000n), utxo(400_000n), utxo(12_345n), utxo(99_999n)];
    const amount = a.value + b.value - exactFee(2, 3);
    const p = base([...noise, a, b], amount, { feeRate: 3 });
    const s = selectCoins(p);
    expect(s.algorithm).toBe('bnb');
    expect(s.change).toBe(0n);
    expect(new Set(s.inputs.map(outpointKey))).toEqual(new Set([a, b].map(outpointKey)));
    expect(s.fee).toBe(exactFee(2, 3));
    checkInvariants(s, p);
  });

  it('accepts a match with a small excess (under the cost of change) as fee', () => {
    const a = utxo(50_000n);
    const amount = a.value - exactFee(1, 2) - 40n; // 40 sats excess < cost of a change output
    const p = base([utxo(3_000_000n), a], amount, { feeRate: 2 });
    const s = selectCoins(p);
    expect(s.algorithm).toBe('bnb');
    expect(s.inputs).toEqual([a]);
    expect(s.fee).toBe(exactFee(1, 2) + 40n);
  });

  it('finds an exact match in a pool of 253+ coins (fee sized for the inputs picked, not the pool)', () => {
    // Sizing the input-count varint for the whole pool (3 bytes at ≥ 253 coins) made the fee 2 vB
    // too high, so every zero-excess match was rejected and a change output paid instead.
    const a = utxo(50_000n);
    const noise = Array.from({ length: 300 }, (_, i) => utxo(BigInt(10_000_000 + i * 1_000)));
    const amount = a.value - exactFee(1, 20);
    const p = base([...noise, a], amount, { feeRate: 20 });
    const s = selectCoins(p);
    expect(s.algorithm).toBe('bnb');
    expect(s.inputs).toEqual([a]);
    expect(s.change).toBe(0n);
    expect(s.fee).toBe(exactFee(1, 20));
    checkInvariants(s, p);
  });

  it('between exact matches of equal waste (at the long-term rate) takes the lighter one: less fee', () => {
    const amount = 100_000n;
    const single = utxo(amount + exactFee(1, 10));
    const trio = [utxo(40_000n), utxo(35_000n), utxo(amount + exactFee(3, 10) - 75_000n)];
    const p = base([single, ...trio], amount, { feeRate: 10, longTermFeeRate: 10 });
    const s = selectCoins(p);
    expect(s.algorithm).toBe('bnb');
    expect(s.inputs).toEqual([single]);
    expect(s.fee).toBe(exactFee(1, 10));
    checkInvariants(s, p);
  });

  it('skips equivalent branches and stays fast on 500 coins', () => {
    const coins = Array.from({ length: 500 }, (_, i) => utxo(BigInt(10_000 + (i % 50) * 1_000)));
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) checkInvariants(selectCoins(base(coins, 1_234_567n + BigInt(k * 777), { feeRate: 5 })), base(coins, 1_234_567n + BigInt(k * 777), { feeRate: 5 }));
    const perCase = (performance.now() - t0) / 20;
    expect(perCase).toBeLessThan(50); // budget is 5 ms; generous bound against slow CI
  });
});

describe('fallback with change', () => {
  it('adds a change output when no exact match exists', () => {
    const p = base([utxo(100_000n), utxo(70_000n)], 120_000n, { feeRate: 2 });
    const s = selectCoins(p);
    expect(s.algorithm).not.toBe('bnb');
    expect(s.inputs).toHaveLength(2);
    expect(s.change).toBe(170_000n - 120_000n - exactFee(2, 2, true));
    checkInvariants(s, p);
  });

  it('prefers one coin that covers amount + change over many', () => {
    const p = base([utxo(20_000n), utxo(20_000n), utxo(20_000n), utxo(500_000n)], 50_000n, { feeRate: 20 });
    const s = selectCoins(p);
    expect(s.inputs.map((u) => u.value)).toEqual([500_000n]);
    checkInvariants(s, p);
  });

  it('drops change below dust into the fee', () => {
    // Leftover after fee-with-change would be 100 sats: not worth an output.
    const amount = 60_000n - exactFee(1, 1, true) - 100n;
    const p = base([utxo(60_000n)], amount, { feeRate: 1, maxTries: 0 }); // maxTries 0: force the fallback path
    const s = selectCoins(p);
    expect(s.change).toBe(0n);
    expect(s.fee).toBe(60_000n - amount);
    checkInvariants(s, p);
  });

  it('taproot change and inputs are sized as such', () => {
    const coins = [utxo(80_000n, { scriptType: 'p2tr', address: tr.address, path: tr.path })];
    const p = base(coins, 30_000n, { feeRate: 4, changeType: 'p2tr' });
    const s = selectCoins(p);
    expect(s.vsize).toBe(weightToVsize(overheadWeight(1, 2) + INPUT_WEIGHT.p2tr + (OUTPUT_BYTES.p2wpkh + OUTPUT_BYTES.p2tr) * 4));
    checkInvariants(s, p);
  });
});

describe('frozen and unconfirmed coins', () => {
  it('never spends frozen coins, even when that means failing', () => {
    const big = utxo(1_000_000n);
    const small = utxo(10_000n);
    const frozen = new Set([outpointKey(big)]);
    expect(() => selectCoins(base([big, small], 50_000n, { frozen }))).toThrow(InsufficientFundsError);
    const s = selectCoins(base([big, small], 5_000n, { frozen }));
    expect(s.inputs).toEqual([small]);
    // txid case does not matter, and duplicates of a frozen coin are frozen too
    const upper = new Set([`${big.txid.toUpperCase()}:0`]);
    expect(selectCoins(base([big, { ...big }, small], 5_000n, { frozen: upper })).inputs).toEqual([small]);
  });

  it('spends unconfirmed coins only when allowed', () => {
    const pending = utxo(1_000_000n, { confirmed: false });
    expect(() => selectCoins(base([pending], 50_000n))).toThrow(/unconfirmed/);
    expect(selectCoins(base([pending], 50_000n, { minConfirmations: 0 })).inputs).toEqual([pending]);
  });

  it('property: frozen coins are never selected; balances always add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.bigInt({ min: 300n, max: 5_000_000n }), taproot: fc.boolean(), confirmed: fc.boolean(), frozen: fc.boolean() }), { minLength: 0, maxLength: 40 }),
        fc.bigInt({ min: 294n, max: 20_000_000n }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        (specs, amount, rate, allowUnconfirmed) => {
          const coins = specs.map((x) => utxo(x.value, x.taproot ? { scriptType: 'p2tr', address: tr.address, path: tr.path, confirmed: x.confirmed } : { confirmed: x.confirmed }));
          const frozen = new Set(coins.filter((_, i) => specs[i]!.frozen).map(outpointKey));
          const p = base(coins, amount, { feeRate: rate, frozen, minConfirmations: allowUnconfirmed ? 0 : 1 });
          try {
            const s = selectCoins(p);
            for (const u of s.inputs) {
              expect(frozen.has(outpointKey(u))).toBe(false);
              if (!allowUnconfirmed) expect(u.confirmed).toBe(true);
            }
            checkInvariants(s, p);
          } catch (e) {
            expect(e).toBeInstanceOf(InsufficientFundsError);
            const err = e as InsufficientFundsError;
            expect(err.missing).toBeGreaterThan(0n);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('errors', () => {
  it('insufficient funds says how much is missing and what was left out', () => {
    const coins = [utxo(10_000n), utxo(20_000n, { confirmed: false }), utxo(40_000n)];
    const frozen = new Set([outpointKey(coins[2]!)]);
    try {
      selectCoins(base(coins, 50_000n, { frozen }));
      expect.unreachable();
    } catch (e) {
      const err = e as InsufficientFundsError;
      expect(err).toBeInstanceOf(InsufficientFundsError);
      expect(err.available).toBe(10_000n);
      expect(err.needed).toBe(50_000n + exactFee(1, 1));
      expect(err.missing).toBe(err.needed - 10_000n);
      expect(err.message).toMatch(new RegExp(`missing ${err.missing} sats`));
      expect(err.message).toMatch(/40000 sats frozen/);
      expect(err.message).toMatch(/20000 sats unconfirmed/);
    }
    expect(() => selectCoins(base([], 1_000n))).toThrow(InsufficientFundsError);
  });

  it('refuses dust amounts, bad addresses, no recipients and bad fee rates before selecting', () => {
    const coins = [utxo(100_000n)];
    expect(() => selectCoins(base(coins, 293n))).toThrow(/dust/);
    expect(() => selectCoins(base(coins, 0n))).toThrow(InvalidSendError);
    expect(() => selectCoins({ ...base(coins, 1_000n), recipients: [{ address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', value: 1_000n }] })).toThrow(/network/);
    expect(() => selectCoins({ ...base(coins, 1_000n), recipients: [] })).toThrow(/No recipients/);
    expect(() => selectCoins(base(coins, 1_000n, { feeRate: 0 }))).toThrow(FeeRateError);
    expect(() => selectCoins(base(coins, 1_000n, { feeRate: 1e9 }))).toThrow(FeeRateError);
    expect(() => selectCoins(base(coins, 21_000_000n * 100_000_000n + 1n))).toThrow(/amount/);
  });
});

describe('sendMax', () => {
  it('sweeps every spendable, non-frozen coin to one output', () => {
    const coins = [utxo(50_000n), utxo(70_000n, { scriptType: 'p2tr', address: tr.address, path: tr.path }), utxo(9_999n), utxo(1_000_000n, { confirmed: false })];
    const frozen = new Set([outpointKey(coins[2]!)]);
    const r = sendMax({ utxos: coins, address: dest, feeRate: 3, network: NET, frozen });
    expect(r.inputs).toEqual([coins[0], coins[1]]);
    const vsize = weightToVsize(overheadWeight(2, 1) + INPUT_WEIGHT.p2wpkh + INPUT_WEIGHT.p2tr + OUTPUT_BYTES.p2wpkh * 4);
    expect(r.vsize).toBe(vsize);
    expect(r.fee).toBe(feeFor(vsize, 3));
    expect(r.amount).toBe(120_000n - r.fee);
    expect(r.change).toBe(0n);
  });

  it('leaves out coins worth less than their own input fee', () => {
    const coins = [utxo(100_000n), utxo(500n)];
    const r = sendMax({ utxos: coins, address: dest, feeRate: 10, network: NET });
    expect(r.inputs).toEqual([coins[0]]);
    expect(r.uneconomic).toEqual([coins[1]]);
  });

  it('fails when nothing above dust would arrive', () => {
    expect(() => sendMax({ utxos: [utxo(400n)], address: dest, feeRate: 1, network: NET })).toThrow(InsufficientFundsError);
    expect(() => sendMax({ utxos: [], address: dest, feeRate: 1, network: NET })).toThrow(InsufficientFundsError);
    expect(() => sendMax({ utxos: [utxo(400_000n)], address: 'nope', feeRate: 1, network: NET })).toThrow(InvalidSendError);
  });
});

describe('selection → signed transaction', () => {
  it.each([1, 2.5, 37])('real fee rate is at least %s sat/vB and the estimate is within 1 vB', (rate) => {
    const coins = [utxo(40_000n), utxo(65_000n, { scriptType: 'p2tr', address: tr.address, path: tr.path }), utxo(30_000n)];
    const p = base(coins, 90_000n, { feeRate: rate });
    const s = selectCoins(p);
    const inputs = s.inputs.map((u) => ({ ...u, publicKey: u.scriptType === 'p2tr' ? tr.publicKey : wpkh.publicKey }));
    const psbt = buildSendPsbt({
      inputs,
      recipients: p.recipients,
      change: s.change > 0n ? { address: changeKey.address, value: s.change } : undefined,
      network: NET,
    });
    signPsbtInputs(psbt, (i) => {
      const k = inputs[i]!.scriptType === 'p2tr' ? tr : wpkh;
      return { privateKey: k.privateKey, publicKey: k.publicKey, type: k.type };
    });
    const tx = finalizeAndExtract(psbt);
    expect(tx.fee).toBe(s.fee);
    expect(s.vsize - tx.vsize).toBeGreaterThanOrEqual(0);
    expect(s.vsize - tx.vsize).toBeLessThanOrEqual(1);
    expect(Number(tx.fee) / tx.vsize).toBeGreaterThanOrEqual(rate);
  });
});
