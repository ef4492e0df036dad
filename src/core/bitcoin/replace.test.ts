// Replacements are checked by the regtest TEST FIXTURE's mempool (BIP125 rules as Bitcoin
// Core applies them, signatures verified by @scure/btc-signer), not by our own arithmetic.
import { describe, expect, it } from 'vitest';
import { RegtestChain } from '../../../test/fixtures/regtest/chain';
import { buildSendPsbt, finalizeAndExtract, signPsbtInputs, type SendInput } from './build-send';
import { InsufficientFundsError } from './errors';
import { scriptLengthOf, validateBtcAddress } from './address';
import { feeFor, txVsize } from './fees';
import { minimumReplacementRate, planReplacement, type ReplacePlan } from './replace';
import { testKey, testKeyring, type TestKey } from './test-helpers';
import type { Recipient } from './types';

const NET = 'regtest';
const kr = testKeyring();
const a0 = testKey(kr, 'p2wpkh', NET, 0, 0);
const tr0 = testKey(kr, 'p2tr', NET, 0, 0);
const ch0 = testKey(kr, 'p2wpkh', NET, 1, 0);
const ch1 = testKey(kr, 'p2wpkh', NET, 1, 1);
const other = testKey(kr, 'p2tr', NET, 0, 5, 3).address;
const keys = [a0, tr0, ch0, ch1];

function coin(chain: RegtestChain, k: TestKey, value: bigint): SendInput {
  const txid = chain.fund(k.address, value, { mine: true });
  return { txid, vout: 0, value, address: k.address, confirmed: true, scriptType: k.type, path: k.path, publicKey: k.publicKey };
}

function sign(inputs: readonly SendInput[], recipients: readonly Recipient[], change: { k: TestKey; value: bigint } | null) {
  const psbt = buildSendPsbt({
    inputs,
    recipients,
    network: NET,
    ...(change ? { change: { address: change.k.address, value: change.value, publicKey: change.k.publicKey, path: change.k.path } } : {}),
  });
  signPsbtInputs(psbt, (i) => {
    const k = keys.find((x) => x.address === inputs[i]!.address)!;
    return { privateKey: k.privateKey, publicKey: k.publicKey, type: k.type };
  });
  return finalizeAndExtract(psbt);
}

function signAndSubmit(chain: RegtestChain, inputs: readonly SendInput[], recipients: readonly Recipient[], change: { k: TestKey; value: bigint } | null) {
  const tx = sign(inputs, recipients, change);
  expect(chain.submit(tx.hex)).toBe(tx.txid);
  return tx;
}

/** The pending original: pays `payments` at `rate` sat/vB, the rest (if any) to `changeKey`. */
function original(chain: RegtestChain, inputs: readonly SendInput[], payments: readonly Recipient[], changeKey: TestKey | null, rate: number) {
  const lens = [...payments.map((r) => r.address), ...(changeKey ? [changeKey.address] : [])].map((a) => {
    const v = validateBtcAddress(a, NET);
    if (!v.ok) throw new Error(v.reason);
    return scriptLengthOf(v.type);
  });
  const fee = feeFor(txVsize({ inputs: inputs.map((u) => u.scriptType), outputScriptLengths: lens }), rate);
  const rest = inputs.reduce((s, u) => s + u.value, 0n) - payments.reduce((s, r) => s + r.value, 0n) - fee;
  return signAndSubmit(chain, inputs, payments, changeKey ? { k: changeKey, value: rest } : null);
}

/** The plan signed (not submitted). */
function signPlan(plan: ReplacePlan) {
  const changeKey = plan.change ? keys.find((k) => k.address === plan.change!.address)! : null;
  return sign(plan.inputs, plan.recipients, changeKey && plan.change ? { k: changeKey, value: plan.change.value } : null);
}

function submitPlan(chain: RegtestChain, plan: ReplacePlan) {
  const tx = signPlan(plan);
  expect(chain.submit(tx.hex)).toBe(tx.txid);
  return tx;
}

describe('planReplacement (checked by the regtest fixture mempool)', () => {
  it('speeds up: same payment, lower change, fee above the BIP125 minimum; the original is evicted', () => {
    const chain = new RegtestChain();
    const c = coin(chain, a0, 100_000n);
    const orig = original(chain, [c], [{ address: other, value: 30_000n }], ch0, 1);
    expect(orig.fee).toBe(BigInt(orig.vsize));
    const plan = planReplacement({ network: NET, mode: 'speed_up', inputs: [c], payments: [{ address: other, value: 30_000n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 10, change: { address: ch0.address } });
    expect(plan.recipients).toEqual([{ address: other, value: 30_000n }]);
    expect(plan.feeRate).toBeGreaterThanOrEqual(10);
    expect(plan.fee).toBe(BigInt(Math.ceil(plan.vsize * 10)));
    const repl = submitPlan(chain, plan);
    expect(repl.fee).toBe(plan.fee);
    expect(repl.vsize).toBe(plan.vsize);
    expect(chain.getTx(orig.txid)).toBeUndefined();
    expect(chain.mempool().map((t) => t.txid)).toEqual([repl.txid]);
  });

  it('raises a too-low requested rate to what rule 6 and rules 3/4 need (a replacement at the same rate would be refused)', () => {
    const chain = new RegtestChain();
    const c = coin(chain, a0, 50_000n);
    const orig = original(chain, [c], [{ address: other, value: 10_000n }], ch0, 10);
    const plan = planReplacement({ network: NET, mode: 'speed_up', inputs: [c], payments: [{ address: other, value: 10_000n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 2, change: { address: ch0.address } });
    expect(minimumReplacementRate(orig.fee, orig.vsize)).toBe(11);
    expect(plan.feeRate).toBeGreaterThan(10);
    expect(plan.fee).toBeGreaterThanOrEqual(orig.fee + BigInt(plan.vsize));
    submitPlan(chain, plan);
  });

  it('adds a confirmed coin when the change cannot pay the higher fee (and never an unconfirmed one)', () => {
    const chain = new RegtestChain();
    const c = coin(chain, a0, 20_000n);
    const unconfirmed: SendInput = { ...coin(chain, tr0, 90_000n), confirmed: false }; // as the wallet would see a mempool coin
    const extra = coin(chain, tr0, 40_000n);
    // No change: 20,000 − 19,800 leaves 200 sats of fee.
    const orig = signAndSubmit(chain, [c], [{ address: other, value: 19_800n }], null);
    const plan = planReplacement({ network: NET, mode: 'speed_up', inputs: [c], payments: [{ address: other, value: 19_800n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 20, change: { address: ch1.address }, extra: [unconfirmed, extra] });
    expect(plan.inputs.map((u) => u.txid)).toEqual([c.txid, extra.txid]);
    expect(plan.change?.value).toBe(20_000n + 40_000n - 19_800n - plan.fee);
    submitPlan(chain, plan);
    expect(() => planReplacement({ network: NET, mode: 'speed_up', inputs: [c], payments: [{ address: other, value: 19_800n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 20, change: { address: ch1.address }, extra: [unconfirmed] })).toThrow(InsufficientFundsError);
  });

  it('pays for the later sends it evicts (BIP125 rule 3 counts descendants): without them the mempool refuses it', () => {
    const chain = new RegtestChain();
    const c = coin(chain, a0, 100_000n);
    const orig = original(chain, [c], [{ address: other, value: 30_000n }], ch0, 1);
    // A later send spending the original's unconfirmed change, at a high rate.
    const changeVout = chain.getTx(orig.txid)!.outputs.findIndex((o) => o.amount !== 30_000n);
    const changeValue = chain.getTx(orig.txid)!.outputs[changeVout]!.amount;
    const spendChange: SendInput = { txid: orig.txid, vout: changeVout, value: changeValue, address: ch0.address, confirmed: false, scriptType: 'p2wpkh', path: ch0.path, publicKey: ch0.publicKey };
    const child = original(chain, [spendChange], [{ address: other, value: 20_000n }], ch1, 30);
    const base = { network: NET, mode: 'speed_up', inputs: [c], payments: [{ address: other, value: 30_000n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 5, change: { address: ch0.address } } as const;

    const blind = planReplacement(base);
    expect(() => chain.submit(signPlan(blind).hex)).toThrow(/less fees than conflicting txs/);

    const plan = planReplacement({ ...base, descendants: [{ fee: child.fee, vsize: child.vsize }] });
    expect(plan.fee).toBeGreaterThanOrEqual(orig.fee + child.fee + BigInt(plan.vsize));
    // The rate also beats the group's (fees and sizes of both together).
    expect(plan.feeRate).toBeGreaterThan(Number(orig.fee + child.fee) / (orig.vsize + child.vsize));
    const repl = submitPlan(chain, plan);
    expect(chain.getTx(orig.txid)).toBeUndefined();
    expect(chain.getTx(child.txid)).toBeUndefined();
    expect(chain.mempool().map((t) => t.txid)).toEqual([repl.txid]);
  });

  it('cancels: one output back to our change address, the payment gone from the mempool', () => {
    const chain = new RegtestChain();
    const c = coin(chain, a0, 80_000n);
    const orig = original(chain, [c], [{ address: other, value: 50_000n }], ch0, 2);
    const plan = planReplacement({ network: NET, mode: 'cancel', inputs: [c], payments: [{ address: other, value: 50_000n }], oldFee: orig.fee, oldVsize: orig.vsize, feeRate: 5, change: { address: ch1.address } });
    expect(plan.recipients).toEqual([]);
    expect(plan.change).toMatchObject({ address: ch1.address, value: 80_000n - plan.fee });
    const repl = submitPlan(chain, plan);
    expect(chain.getTx(orig.txid)).toBeUndefined();
    expect(chain.balance(other)).toEqual({ confirmed: 0n, unconfirmed: 0n });
    expect(chain.balance(ch1.address).unconfirmed).toBe(80_000n - repl.fee);
  });

  it('refuses a cancel that cannot leave a non-dust output', () => {
    expect(() =>
      planReplacement({
        network: NET,
        mode: 'cancel',
        inputs: [{ txid: 'ab'.repeat(32), vout: 0, value: 400n, address: a0.address, confirmed: true, scriptType: 'p2wpkh', path: a0.path, publicKey: a0.publicKey }],
        payments: [],
        oldFee: 110n,
        oldVsize: 110,
        feeRate: 1,
        change: { address: ch0.address },
      }),
    ).toThrow(InsufficientFundsError);
  });
});
