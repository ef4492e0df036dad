import { hexToBytes as hexBytes } from '@noble/hashes/utils.js';
import * as btc from '@scure/btc-signer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFeeEstimates, type RegtestEsplora } from '../fixtures/regtest';
import { btcAddress, btcKey, REGTEST } from '../fixtures/regtest/phrase-addresses';
import { ABANDON, addresses, launchWithWallet } from './helpers/flows';
import { startRegtest } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

// Bitcoin in the popup against the regtest Esplora TEST FIXTURE (which validates every
// broadcast with @scure/btc-signer, BIP125 included): balance, receive, send with review,
// speed up, confirm, cancel, frozen coins, bad input.

const OTHER = btcAddress(ABANDON, 'p2wpkh', 'regtest', 7); // another account of the same phrase: not in account 0's book
const CHANGE0 = btcAddress(ABANDON, 'p2wpkh', 'regtest', 0, 1, 0); // m/84'/1'/0'/1/0
const CHANGE1 = btcAddress(ABANDON, 'p2wpkh', 'regtest', 0, 1, 1);

const sats = (btcText: string) => BigInt(Math.round(Number(btcText.replace(/[^\d.]/g, '')) * 1e8));
const RBF = 0xfffffffe;

describe('Bitcoin in the popup on the regtest fixture', () => {
  let wb: WalletBrowser;
  let esplora: RegtestEsplora;
  let popup: Page;
  let me: { p2wpkh: string; p2tr: string };

  beforeAll(async () => {
    esplora = await startRegtest();
    ({ wb, popup } = await launchWithWallet(ABANDON));
    me = await addresses(popup);
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await esplora?.stop();
  });

  async function send(to: string, amount: string, opts: { speed?: 'slow' | 'normal' | 'fast'; from?: 'p2wpkh' | 'p2tr' } = {}): Promise<void> {
    await popup.goto(`${wb.popupUrl}#/send`);
    await popup.getByTestId('send-asset-select').selectOption('btc');
    await popup.getByTestId('send-to-input').fill(to);
    await popup.getByTestId('send-amount-input').fill(amount);
    if (opts.from) await popup.getByTestId('btc-from-select').selectOption(opts.from);
    await popup.getByTestId(`send-speed-${opts.speed ?? 'normal'}`).check();
    await popup.getByTestId('send-review-button').click();
  }

  const btcRow = (txid: string) => popup.locator(`[data-testid="activity-item"][data-chain="btc"][data-hash="${txid}"]`);

  it('shows the account on regtest and its balance once the fixture funds it (confirmed + pending)', async () => {
    expect(me.p2wpkh).toBe(btcAddress(ABANDON, 'p2wpkh', 'regtest'));
    esplora.fund(me.p2wpkh, 1_000_000n, { mine: true });
    esplora.fund(me.p2wpkh, 250_000n, { mine: true });
    esplora.fund(me.p2tr, 40_000n); // unconfirmed, Taproot
    await expect.poll(() => popup.getByTestId('balance-btc').getAttribute('data-value'), { timeout: 20_000 }).toBe('1290000');
    expect(await popup.getByTestId('balance-btc').textContent()).toContain('0.0129 BTC');
    await expect.poll(() => popup.getByTestId('balance-btc-pending').textContent()).toContain('0.0004');
  });

  it('receive: SegWit or Taproot address, QR, and a BIP21 link with the amount asked for', async () => {
    await popup.getByTestId('receive-button').click();
    await popup.getByTestId('receive-chain-btc').click();
    expect(await popup.getByTestId('receive-address').getAttribute('data-address')).toBe(me.p2wpkh);
    await popup.getByTestId('receive-amount-input').fill('0.015');
    expect(await popup.getByTestId('receive-uri').textContent()).toBe(`bitcoin:${me.p2wpkh}?amount=0.015`);
    await popup.getByTestId('receive-btc-type').selectOption('p2tr');
    expect(await popup.getByTestId('receive-address').getAttribute('data-address')).toBe(me.p2tr);
    expect(await popup.getByTestId('receive-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  });

  it('refuses bad input with clear messages and sends nothing', async () => {
    const cases: [string, string, RegExp][] = [
      ['bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', '0.001', /network|address/i], // mainnet address on regtest
      [OTHER.toUpperCase().slice(0, 10) + OTHER.slice(10), '0.001', /address/i], // mixed case bech32
      [OTHER.slice(0, -1) + (OTHER.endsWith('q') ? 'p' : 'q'), '0.001', /address/i], // bad checksum
      [OTHER, '0.00000100', /dust/i],
      [OTHER, '5', /Not enough|insufficient/i],
      [OTHER, '0', /greater than zero/i],
    ];
    for (const [to, amount, msg] of cases) {
      await send(to, amount);
      await expect.poll(() => popup.getByTestId('form-error').textContent(), { message: `${to} ${amount}` }).toMatch(msg);
    }
    // A custom fee rate of 0 is refused too.
    await popup.getByTestId('send-speed-custom').check();
    await popup.getByTestId('btc-fee-rate-input').fill('0');
    await popup.getByTestId('send-to-input').fill(OTHER);
    await popup.getByTestId('send-amount-input').fill('0.001');
    await popup.getByTestId('send-review-button').click();
    await expect.poll(() => popup.getByTestId('form-error').textContent()).toMatch(/fee rate/i);
    expect(esplora.state.mempool().filter((t) => t.origin === 'normal')).toEqual([]);
  });

  let first = '';
  let normalRate = 0;
  it('sends after a review that shows coins, change to a change address, fee and rate; the fixture accepts it with RBF on', async () => {
    await send(OTHER, '0.003');
    await popup.getByTestId('send-review-screen').waitFor();
    normalRate = Number(/([\d.]+) sat\/vB/.exec(await popup.getByTestId('btc-review-fee').textContent() ?? '')?.[1]);
    const outputs = popup.getByTestId('btc-output');
    await expect.poll(() => outputs.count()).toBe(2);
    const change = popup.locator('[data-testid="btc-output"][data-change="true"]');
    expect(await change.locator('.address').textContent()).toBe(CHANGE0);
    expect(await popup.getByTestId('btc-input').count()).toBe(1);
    // The "normal" preset is the fixture's 6-block estimate (a falling curve by default).
    expect(normalRate).toBeCloseTo(defaultFeeEstimates()['6']!, 0);
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-screen').waitFor();

    const mem = esplora.state.mempool().filter((t) => t.origin === 'normal');
    expect(mem).toHaveLength(1);
    const tx = btc.Transaction.fromRaw(hexBytes(mem[0]!.hex));
    first = mem[0]!.txid;
    const outs = Array.from({ length: tx.outputsLength }, (_, i) => tx.getOutput(i));
    expect(outs.map((o) => [btc.Address(REGTEST).encode(btc.OutScript.decode(o.script!)), o.amount])).toEqual(expect.arrayContaining([[OTHER, 300_000n], [CHANGE0, expect.any(BigInt)]]));
    expect(tx.getInput(0).sequence).toBeLessThan(RBF);
    expect(Number(mem[0]!.fee) / mem[0]!.vsize).toBeCloseTo(normalRate, 0);
    await expect.poll(() => btcRow(first).getAttribute('data-status'), { timeout: 15_000 }).toBe('pending');
  });

  it('speeds the pending send up: the replacement pays the same recipient a higher fee, the original leaves the mempool', async () => {
    const before = esplora.state.getTx(first)!;
    await btcRow(first).getByTestId('speed-up-button').click();
    await popup.locator('[data-testid="send-review-screen"][data-kind="speed_up"]').waitFor();
    const rate = Number(/([\d.]+) sat\/vB/.exec(await popup.getByTestId('btc-review-fee').textContent() ?? '')?.[1]);
    expect(rate).toBeGreaterThan(normalRate);
    await popup.getByTestId('send-confirm-button').click();
    await expect.poll(() => esplora.state.getTx(first), { timeout: 15_000 }).toBeUndefined();
    const repl = esplora.state.mempool().filter((t) => t.origin === 'normal');
    expect(repl).toHaveLength(1);
    expect(repl[0]!.fee).toBeGreaterThan(before.fee);
    await expect.poll(() => btcRow(first).getAttribute('data-status'), { timeout: 15_000 }).toBe('replaced');
    await expect.poll(() => btcRow(repl[0]!.txid).getAttribute('data-kind')).toBe('speed_up');
    // Mined: confirmed, and no speed-up offered any more.
    esplora.mine(1);
    await expect.poll(() => btcRow(repl[0]!.txid).getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    expect(await btcRow(repl[0]!.txid).getByTestId('speed-up-button').count()).toBe(0);
    expect(esplora.state.balance(OTHER).confirmed).toBe(300_000n);
  });

  it('cancels a pending send: everything comes back to a change address of ours, the recipient gets nothing', async () => {
    await send(OTHER, '0.001', { speed: 'slow' });
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-screen').waitFor();
    const pending = esplora.state.mempool().filter((t) => t.origin === 'normal');
    expect(pending).toHaveLength(1);
    await btcRow(pending[0]!.txid).getByTestId('cancel-tx-button').click();
    await popup.locator('[data-testid="send-review-screen"][data-kind="cancel"]').waitFor();
    expect(await popup.locator('[data-testid="btc-output"]').count()).toBe(1);
    await popup.getByTestId('send-confirm-button').click();
    await expect.poll(() => esplora.state.getTx(pending[0]!.txid), { timeout: 15_000 }).toBeUndefined();
    const cancel = esplora.state.mempool().filter((t) => t.origin === 'normal');
    expect(cancel).toHaveLength(1);
    expect(esplora.state.balance(OTHER)).toEqual({ confirmed: 300_000n, unconfirmed: 0n });
    const tx = btc.Transaction.fromRaw(hexBytes(cancel[0]!.hex));
    expect(tx.outputsLength).toBe(1);
    expect([CHANGE0, CHANGE1]).toContain(btc.Address(REGTEST).encode(btc.OutScript.decode(tx.getOutput(0).script!)));
    esplora.mine(1);
  });

  it('a speed-up lists the later transaction it would drop (one spending the pending change) and pays for it', async () => {
    await send(OTHER, '0.0005', { speed: 'slow' });
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-screen').waitFor();
    const [pending] = esplora.state.mempool().filter((t) => t.origin === 'normal');
    // Someone holding the phrase spends its change before it confirms (signed here with btc-signer).
    const vout = pending!.outputs.findIndex((o) => o.amount !== 50_000n);
    const change = btc.Address(REGTEST).encode(btc.OutScript.decode(pending!.outputs[vout]!.script));
    const index = Array.from({ length: 20 }, (_, i) => i).find((i) => btcAddress(ABANDON, 'p2wpkh', 'regtest', 0, 1, i) === change)!;
    const child = new btc.Transaction();
    child.addInput({ txid: pending!.txid, index: vout, witnessUtxo: { script: pending!.outputs[vout]!.script, amount: pending!.outputs[vout]!.amount }, sequence: 0xfffffffd });
    child.addOutputAddress(OTHER, pending!.outputs[vout]!.amount - 5_000n, REGTEST);
    child.sign(btcKey(ABANDON, 84, 'regtest', 0, 1, index).privateKey!);
    child.finalize();
    expect(esplora.state.submit(child.hex)).toBe(child.id);

    await btcRow(pending!.txid).getByTestId('speed-up-button').click();
    await popup.locator('[data-testid="send-review-screen"][data-kind="speed_up"]').waitFor();
    const warning = popup.locator('[data-testid="approval-warning"][data-kind="drops_later_sends"]');
    expect(await warning.locator(`[data-testid="btc-dropped-tx"][data-txid="${child.id}"]`).getAttribute('data-mine')).toBe('false');
    expect(Number(await popup.getByTestId('btc-review-fee').getAttribute('data-sats'))).toBeGreaterThan(Number(pending!.fee) + 5_000);
    await popup.getByTestId('send-confirm-button').click();
    await expect.poll(() => esplora.state.getTx(child.id), { timeout: 15_000 }).toBeUndefined();
    expect(esplora.state.getTx(pending!.txid)).toBeUndefined();
    expect(esplora.state.mempool().filter((t) => t.origin === 'normal')).toHaveLength(1);
    esplora.mine(1);
  });

  it('never spends a frozen coin: freezing the big one makes the same send impossible', async () => {
    await popup.goto(`${wb.popupUrl}#/btc-coins`);
    const coins = popup.getByTestId('btc-coin');
    await expect.poll(() => coins.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const values = await coins.evaluateAll((els) => els.map((e) => e.querySelector('strong')?.textContent ?? ''));
    const biggest = values.map(sats).reduce((m, v) => (v > m ? v : m), 0n);
    const big = coins.first(); // sorted by value, largest first
    const outpoint = (await big.getAttribute('data-outpoint'))!;
    await big.getByTestId('btc-freeze-button').click();
    await expect.poll(() => popup.locator(`[data-outpoint="${outpoint}"]`).getAttribute('data-frozen')).toBe('true');
    const rest = values.map(sats).reduce((s, v) => s + v, 0n) - biggest;
    // More than every unfrozen coin together, less than the frozen one alone.
    await send(OTHER, ((Number(rest) + 10_000) / 1e8).toFixed(8));
    await expect.poll(() => popup.getByTestId('form-error').textContent()).toMatch(/Not enough|insufficient/i);
    await popup.goto(`${wb.popupUrl}#/btc-coins`);
    await popup.locator(`[data-outpoint="${outpoint}"]`).getByTestId('btc-freeze-button').click();
    await expect.poll(() => popup.locator(`[data-outpoint="${outpoint}"]`).getAttribute('data-frozen')).toBe('false');
  });

  it('a Taproot coin is spent only when the user picks Taproot', async () => {
    esplora.mine(1); // confirms the Taproot funding
    await send(OTHER, '0.0002', { from: 'p2tr' });
    await popup.getByTestId('send-review-screen').waitFor();
    const inputs = await popup.getByTestId('btc-input').locator('.address').allTextContents();
    expect(inputs).toEqual([me.p2tr]);
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-screen').waitFor();
    const mem = esplora.state.mempool().filter((t) => t.origin === 'normal');
    expect(mem).toHaveLength(1); // accepted: a BIP86 key-path signature the fixture verified
  });

  it('an Esplora URL is saved only for a server on that network; a server that is down leaves the old one', async () => {
    await popup.goto(`${wb.popupUrl}#/networks`);
    const row = popup.locator('[data-testid="btc-network-row"][data-network="mainnet"]');
    await row.getByTestId('btc-network-edit').click();
    await row.getByTestId('btc-esplora-input').fill(esplora.url); // a regtest server for mainnet
    await row.getByTestId('btc-esplora-save').click();
    await expect.poll(() => row.getByTestId('form-error').textContent()).toMatch(/another chain|not on/i);
    await row.getByTestId('btc-esplora-input').fill('http://127.0.0.1:9/');
    await row.getByTestId('btc-esplora-save').click();
    await expect.poll(() => row.getByTestId('form-error').textContent()).toMatch(/did not answer|unavailable/i);
    await row.getByTestId('btc-esplora-input').fill('http://example.com/api');
    await row.getByTestId('btc-esplora-save').click();
    await expect.poll(() => row.getByTestId('form-error').textContent()).toMatch(/https/i);
    expect(await row.getByTestId('btc-network-esplora').textContent()).toBe('https://mempool.space/api');
  });
});
