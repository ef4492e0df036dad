// The popup's ETH send against a real anvil: what is signed is the reviewed quote, once, before
// it expires; a chain that moved since the review is refused with its reason, nothing sent.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../context';
import { AccountCache } from '../../services/account-cache';
import { ActivityStore } from '../../services/activity-store';
import { BudgetStore } from '../../services/budget-store';
import { ETH_QUOTE_TTL_MS, EthQuoteStore } from '../../services/eth-quote-store';
import { KeyringService } from '../../services/keyring-service';
import { NetworkService } from '../../services/network-service';
import { SettingsService } from '../../services/settings-service';
import { memoryStore } from '../../services/store';
import { TokenStore } from '../../services/token-store';
import { VaultService } from '../../services/vault-service';
import { feeMarket } from '../eth/fee-presets';
import { sendConfirm, sendQuote } from './wallet-send';

const JUNK = 'test test test test test test test test test test test junk';
const ME = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'; // account 0 of JUNK, unlocked on anvil too
const TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CHAIN = 31337;
const GWEI = 10n ** 9n;

interface Anvil {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

describe('send: sign exactly the reviewed quote (anvil)', () => {
  let anvil: Anvil;
  let clock = Date.now();
  let services: Services;
  let ctx: { services: Services };

  const rpc = async <T = string>(method: string, params: unknown[] = []): Promise<T> => {
    const r = await fetch(anvil.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    const body = (await r.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  };
  const nonce = async () => Number(BigInt(await rpc('eth_getTransactionCount', [ME, 'pending'])));
  const balance = async (a: string) => BigInt(await rpc('eth_getBalance', [a, 'latest']));
  const tx = (hash: string) => rpc<{ nonce: string; gas: string; maxFeePerGas: string; maxPriorityFeePerGas: string; to: string; value: string }>('eth_getTransactionByHash', [hash]);
  const reason = (p: Promise<unknown>) => p.then(() => 'sent', (e: { data?: { reason?: string }; message?: string }) => e.data?.reason ?? e.message ?? 'unknown');

  beforeAll(async () => {
    const { startAnvil } = (await import(resolve(import.meta.dirname, '../../../../scripts/anvil.mjs'))) as { startAnvil: (o: { port: number }) => Promise<Anvil> };
    anvil = await startAnvil({ port: await freePort() });
  }, 30_000);
  afterAll(() => anvil?.stop());

  beforeEach(async () => {
    const local = memoryStore();
    const session = memoryStore();
    const keyring = new KeyringService(new VaultService(local, session), new AccountCache(local));
    keyring.load({ v: 1, mnemonic: JUNK, passphrase: '', accounts: [{ index: 0, name: 'Account 1' }], backedUp: true });
    const network = new NetworkService(local);
    await network.update(CHAIN, anvil.url);
    await network.select(CHAIN);
    const partial: Partial<Services> = {
      keyring,
      settings: new SettingsService(local),
      network,
      tokens: new TokenStore(local),
      activity: new ActivityStore(local),
      budgets: new BudgetStore(local),
      store: local,
      session,
      ethQuotes: new EthQuoteStore(session, () => clock),
    };
    // Only what the send handlers touch; the rest (alarms, windows) needs a browser.
    services = partial as Services;
    ctx = { services };
    await rpc('anvil_setBalance', [ME, '0x21e19e0c9bab2400000']); // 10000 ETH again
  });

  it('fee presets from anvil\'s own eth_feeHistory: max fee = 2 × the next block\'s base fee + tip', async () => {
    await rpc('anvil_setNextBlockBaseFeePerGas', ['0x77359400']); // 2 gwei for the next block
    await rpc('evm_mine');
    // anvil indexes a mined block's fees in the background: wait until its history has the block and the next base fee.
    let history: string[] = [];
    await expect.poll(async () => (history = (await rpc<{ baseFeePerGas: string[] }>('eth_feeHistory', ['0x1', 'latest', []])).baseFeePerGas).length).toBe(2);
    const next = BigInt(history[1]!);
    const m = await feeMarket(services.network, CHAIN);
    expect(m.baseFee).toBe(next);
    for (const s of ['slow', 'normal', 'fast'] as const) {
      const tip = BigInt(m.presets[s].maxPriorityFeePerGas!);
      expect(tip).toBeGreaterThanOrEqual(10_000_000n); // empty blocks: the floor
      expect(BigInt(m.presets[s].maxFeePerGas!)).toBe(2n * next + tip);
    }
    await rpc('anvil_setNextBlockBaseFeePerGas', ['0x3b9aca00']);
    await rpc('evm_mine');
  });

  it('signs the reviewed nonce, gas and fee even after the market moved; once only', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '1.5' });
    expect(q.quoteId).toMatch(/^[0-9a-f-]{36}$/);
    // The base fee halves before the user confirms: a re-plan would pick other fees.
    const before = await feeMarket(services.network, CHAIN);
    await rpc('anvil_setNextBlockBaseFeePerGas', [`0x${(before.baseFee! / 2n).toString(16)}`]);
    await rpc('evm_mine');
    expect((await feeMarket(services.network, CHAIN)).presets.normal).not.toEqual({ maxFeePerGas: q.fees.normal.maxFeePerGas, maxPriorityFeePerGas: q.fees.normal.maxPriorityFeePerGas });

    const { hash } = await sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' });
    const sent = await tx(hash);
    expect(Number(BigInt(sent.nonce))).toBe(q.fees.normal.nonce);
    expect(BigInt(sent.gas).toString()).toBe(q.fees.normal.gas);
    expect(BigInt(sent.maxFeePerGas).toString()).toBe(q.fees.normal.maxFeePerGas);
    expect(BigInt(sent.maxPriorityFeePerGas).toString()).toBe(q.fees.normal.maxPriorityFeePerGas);
    expect(sent.to.toLowerCase()).toBe(TO.toLowerCase());
    expect(BigInt(sent.value)).toBe(1_500_000_000_000_000_000n);

    const n = await nonce();
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' }))).toBe('quote_expired');
    expect(await nonce()).toBe(n);
  });

  it('an expired review is refused, nothing sent', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '0.1' });
    expect(q.expiresAt).toBe(clock + ETH_QUOTE_TTL_MS);
    const n = await nonce();
    clock += ETH_QUOTE_TTL_MS;
    try {
      expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' }))).toBe('quote_expired');
    } finally {
      clock = Date.now();
    }
    expect(await nonce()).toBe(n);
  });

  it('another send took the nonce after the review: refused, not re-planned', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '0.1' });
    await rpc('eth_sendTransaction', [{ from: ME, to: TO, value: '0x1' }]); // anvil signs for its dev account
    const n = await nonce();
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' }))).toBe('send_nonce_used');
    expect(await nonce()).toBe(n);
    // …and the review is used up: the way forward is a new one.
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' }))).toBe('quote_expired');
  });

  it('the balance dropped below amount + reviewed fee: refused', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '2' });
    await rpc('anvil_setBalance', [ME, `0x${(2n * 10n ** 18n).toString(16)}`]);
    const n = await nonce();
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'normal' }))).toBe('send_balance_changed');
    expect(await nonce()).toBe(n);
  });

  it('the base fee rose above the reviewed max fee: refused (it would sit unmined)', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '0.1' });
    await rpc('anvil_setNextBlockBaseFeePerGas', [`0x${(BigInt(q.fees.slow.maxFeePerGas!) + 1n).toString(16)}`]);
    await rpc('evm_mine');
    try {
      expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'slow' }))).toBe('send_fee_too_low');
    } finally {
      await rpc('anvil_setNextBlockBaseFeePerGas', ['0x3b9aca00']);
      await rpc('evm_mine');
    }
  });

  it('a custom fee is checked (a mistyped one keeps the review), then signed as typed', async () => {
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: '0.2' });
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom', custom: { maxFeeGwei: '2', tipGwei: '3' } }))).toBe('fee_tip_above_max');
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom', custom: { maxFeeGwei: '99999', tipGwei: '1' } }))).toBe('fee_absurd');
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom', custom: { maxFeeGwei: 'two', tipGwei: '1' } }))).toBe('fee_invalid');
    expect(await reason(sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom' }))).toBe('fee_invalid');
    const { hash } = await sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom', custom: { maxFeeGwei: '3.5', tipGwei: '1.25' } });
    const sent = await tx(hash);
    expect(BigInt(sent.maxFeePerGas)).toBe(3_500_000_000n);
    expect(BigInt(sent.maxPriorityFeePerGas)).toBe(1_250_000_000n);
  });

  it('"max" sends the balance minus the chosen worst-case fee, to the wei', async () => {
    const start = await balance(ME);
    const got = await balance(TO);
    const q = await sendQuote(ctx, { asset: 'eth', to: TO, amount: 'max' });
    expect(q.max).toBe(true);
    expect(BigInt(q.amount)).toBe(start - 21_000n * BigInt(q.fees.normal.maxFeePerGas!));
    const { hash } = await sendConfirm(ctx, { quoteId: q.quoteId, speed: 'custom', custom: { maxFeeGwei: '4', tipGwei: '1' } });
    const receipt = await rpc<{ status: string; gasUsed: string; effectiveGasPrice: string }>('eth_getTransactionReceipt', [hash]);
    expect(receipt.status).toBe('0x1');
    const value = start - 21_000n * 4n * GWEI;
    expect(await balance(TO)).toBe(got + value);
    // What is left is only the unused part of the worst-case fee.
    expect(await balance(ME)).toBe(21_000n * 4n * GWEI - BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice));
  });
});
