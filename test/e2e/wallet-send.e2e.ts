import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Interface } from 'ethers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answered } from './helpers/approval';
import { anvilRpc, ANVIL_ACCOUNTS, waitReceipt } from './helpers/anvil-rpc';
import { isBlocking, runAxe } from './helpers/axe';
import { expectScreen, launchWithWallet } from './helpers/flows';
import { ROOT } from './helpers/paths';
import { rpc } from './helpers/rpc';
import { startChainAndPages } from './helpers/servers';
import { startUnreliableRpc } from './helpers/unreliable-rpc';
import type { WalletBrowser } from './helpers/wallet-browser';

const JUNK = 'test test test test test test test test test test test junk';
const ACCOUNT0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const ACCOUNT1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** anvil's dev account 9: an outsider sending us ETH (the wallet's phrase does not hold it) */
const OUTSIDER = '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720';
const ETH = 10n ** 18n;

interface MinedTx {
  gas: string;
  maxFeePerGas: string;
  maxPriorityFeePerGas: string;
  nonce: string;
}

const SCREENS = resolve(ROOT, 'test-results/screens');
/**
 * The review screens only this file reaches: a screenshot for a person to look at
 * (test-results/screens/en-light-*.png) and an axe run (no serious or critical violation).
 */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENS, `en-light-${name}.png`), fullPage: true });
  const blocking = (await runAxe(page)).filter(isBlocking);
  expect(blocking.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), name).toEqual([]);
}

const bigAttr = async (page: Page, testid: string, attr = 'data-wei') => BigInt((await page.getByTestId(testid).getAttribute(attr)) ?? 'x');
const balanceOf = async (url: string, address: string) => BigInt(await anvilRpc<string>(url, 'eth_getBalance', [address, 'latest']));

/** The hash of the newest row of Ethereum activity (the send just confirmed). */
async function newestSend(popup: Page): Promise<string> {
  await popup.getByTestId('activity-screen').waitFor();
  const row = popup.locator('[data-testid="activity-item"]:not([data-chain="btc"])').first();
  await row.waitFor();
  return (await row.getAttribute('data-hash')) ?? '';
}

/** The page was not reloaded between the two checks: a marker set in its window survives. */
const markPage = (popup: Page) => popup.evaluate(() => Object.assign(window, { __sameDocument: true }));
const samePage = (popup: Page) => popup.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

async function send(popup: Page, to: string, amount: string): Promise<void> {
  await popup.getByTestId('send-button').click();
  await popup.getByTestId('send-to-input').fill(to);
  await popup.getByTestId('send-amount-input').fill(amount);
  await popup.getByTestId('send-review-button').click();
}

describe('the everyday wallet on anvil: balance, send, receive, activity, speed up, cancel', () => {
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let anvilUrl: string;
  let pagesUrl: string;
  let startAnvil: Awaited<ReturnType<typeof startChainAndPages>>['startAnvil'];
  let popup: Page;

  beforeAll(async () => {
    const { anvil, pages, startAnvil: start } = await startChainAndPages();
    anvilUrl = anvil.url;
    pagesUrl = pages.url;
    startAnvil = start;
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
    };
    ({ wb, popup } = await launchWithWallet(JUNK));
    // The onboarding tab the install opened sits in front; a page behind it gets its animation
    // frames throttled, and every click's stability check then waits ~2 s.
    await popup.bringToFront();
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  it('shows the ETH balance of the selected account (anvil funds it with 10000 ETH)', async () => {
    await expect.poll(() => popup.getByTestId('balance-eth').textContent(), { timeout: 15_000 }).toContain('10000');
  });

  const wei = async (address: string) => BigInt(await anvilRpc<string>(anvilUrl, 'eth_getBalance', [address, 'latest'])).toString();
  const receive = async (to: string, eth: bigint) => {
    await anvilRpc(anvilUrl, 'eth_sendTransaction', [{ from: OUTSIDER, to, value: `0x${(eth * ETH).toString(16)}` }]);
  };

  it('the balance on screen follows a new block without reopening (someone sends us 2 ETH)', async () => {
    const shown = popup.getByTestId('balance-eth');
    await expect.poll(() => shown.getAttribute('data-value'), { timeout: 15_000 }).toBe(await wei(ACCOUNT0));
    const before = BigInt(await wei(ACCOUNT0));
    await markPage(popup);
    await receive(ACCOUNT0, 2n);
    await expect.poll(() => shown.getAttribute('data-value'), { timeout: 15_000 }).toBe((before + 2n * ETH).toString());
    expect(await shown.textContent()).toContain('ETH');
    expect(await samePage(popup)).toBe(true);
  });

  it('receive shows the address and a QR code', async () => {
    await popup.getByTestId('receive-button').click();
    expect(await popup.getByTestId('receive-address').getAttribute('data-address')).toBe(ACCOUNT0);
    await popup.getByTestId('receive-qr').waitFor();
    expect(await popup.getByTestId('receive-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await popup.goBack();
  });

  it('refuses a bad address and a bad amount with clear messages, sending nothing', async () => {
    await popup.goto(wb.popupUrl);
    await send(popup, '0x70997970c51812dc3a010c7d01b50e0d17dc79C8', '1'); // broken checksum
    await expect.poll(() => popup.getByTestId('form-error').textContent()).toMatch(/not a valid address/);
    await popup.getByTestId('send-to-input').fill(ACCOUNT1);
    await popup.getByTestId('send-amount-input').fill('-1');
    await popup.getByTestId('send-review-button').click();
    await expect.poll(() => popup.getByTestId('form-error').textContent()).toMatch(/greater than zero/);
    expect(await anvilRpc(anvilUrl, 'eth_getTransactionCount', [ACCOUNT0, 'pending'])).toBe('0x0');
  });

  it('sends 1.5 ETH after review; it appears in activity and anvil mines it', async () => {
    await popup.goto(wb.popupUrl);
    const before = await balanceOf(anvilUrl, ACCOUNT1);
    await send(popup, ACCOUNT1, '1.5');
    expect(await popup.getByTestId('send-review-amount').textContent()).toContain('1.5 ETH');
    expect(await popup.getByTestId('send-review-to').textContent()).toBe(ACCOUNT1);
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-item').first().waitFor();
    await expect.poll(() => popup.getByTestId('activity-item').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    const after = await balanceOf(anvilUrl, ACCOUNT1);
    expect(after - before).toBe(1_500_000_000_000_000_000n);
  });

  it('warns on the review screen when the recipient looks like one of my addresses but is not', async () => {
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('add-account-button').click();
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('account-option-0').click();
    // All lower case: no checksum to satisfy, as a poisoner's address often is pasted.
    const lookalike = '0x70997970' + 'a'.repeat(28) + '79c8';
    await send(popup, lookalike, '0.1');
    await popup.getByTestId('send-review-screen').waitFor({ timeout: 5000 }).catch(async (e: unknown) => {
      throw new Error(`no review screen; form error: ${await popup.getByTestId('form-error').textContent()}`, { cause: e });
    });
    const warnings = (await popup.getByTestId('approval-warning').allTextContents()).join(' ');
    expect(warnings.toLowerCase()).toContain(ACCOUNT1.toLowerCase().slice(0, 10));
  });

  it('the account menu shows each account’s balance as the chain says, and follows a new block while open', async () => {
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('account-picker').click();
    const balance = (i: number) => popup.getByTestId(`account-option-${i}`).getByTestId('account-balance');
    await expect.poll(() => balance(0).getAttribute('data-value'), { timeout: 15_000 }).toBe(await wei(ACCOUNT0));
    await expect.poll(() => balance(1).getAttribute('data-value'), { timeout: 15_000 }).toBe(await wei(ACCOUNT1));
    expect(await balance(1).textContent()).toMatch(/\d ETH$/);
    const before = BigInt(await wei(ACCOUNT1));
    await markPage(popup);
    await receive(ACCOUNT1, 3n);
    await expect.poll(() => balance(1).getAttribute('data-value'), { timeout: 15_000 }).toBe((before + 3n * ETH).toString());
    expect(await samePage(popup)).toBe(true);
    await popup.keyboard.press('Escape');
  });

  it('speeds up a pending send (replaces it) and cancels another', async () => {
    await anvilRpc(anvilUrl, 'evm_setAutomine', [false]);
    try {
      await popup.goto(wb.popupUrl);
      await send(popup, ACCOUNT1, '0.25');
      await popup.getByTestId('send-confirm-button').click();
      const first = popup.locator('[data-testid="activity-item"][data-status="pending"]').first();
      await first.waitFor();
      const original = await first.getAttribute('data-hash');
      // The first click only shows a review: leaving it sends nothing.
      await first.getByTestId('speed-up-button').click();
      await popup.locator('[data-testid="send-review-screen"][data-kind="speed_up"]').waitFor();
      expect(await popup.getByTestId('replace-replaces').getAttribute('title')).toBe(original);
      await popup.getByTestId('replace-back-button').click();
      await popup.locator('[data-testid="activity-item"][data-status="pending"]').first().waitFor();
      expect(await popup.locator('[data-testid="activity-item"][data-kind="speed_up"]').count()).toBe(0);
      // Reviewed: the new fee is shown next to the old one (at least +12.5 %), and it is the one signed.
      await first.getByTestId('speed-up-button').click();
      await popup.locator('[data-testid="send-review-screen"][data-kind="speed_up"]').waitFor();
      const oldFee = await bigAttr(popup, 'replace-old-fee');
      const newFee = await bigAttr(popup, 'replace-new-fee');
      expect(newFee * 1000n).toBeGreaterThan(oldFee * 1125n);
      await shot(popup, 'speed-up-review');
      await popup.getByTestId('send-confirm-button').click();
      await expect.poll(() => popup.locator('[data-testid="activity-item"][data-kind="speed_up"]').count()).toBe(1);
      const faster = (await popup.locator('[data-testid="activity-item"][data-kind="speed_up"]').getAttribute('data-hash')) ?? '';
      expect(BigInt((await anvilRpc<MinedTx>(anvilUrl, 'eth_getTransactionByHash', [faster])).maxFeePerGas)).toBe(newFee);
      await anvilRpc(anvilUrl, 'evm_mine');
      await expect.poll(() => popup.locator(`[data-hash="${original}"]`).getAttribute('data-status'), { timeout: 15_000 }).toBe('replaced');
      await expect.poll(() => popup.locator('[data-testid="activity-item"][data-kind="speed_up"]').getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');

      await popup.goto(wb.popupUrl);
      await send(popup, ACCOUNT1, '0.3');
      await popup.getByTestId('send-confirm-button').click();
      const pending = popup.locator('[data-testid="activity-item"][data-status="pending"][data-kind="send"]').first();
      await pending.waitFor();
      const toCancel = await pending.getAttribute('data-hash');
      await pending.getByTestId('cancel-tx-button').click();
      await popup.locator('[data-testid="send-review-screen"][data-kind="cancel"]').waitFor();
      expect(await popup.getByTestId('replace-replaces').getAttribute('title')).toBe(toCancel);
      expect(await bigAttr(popup, 'replace-new-fee')).toBeGreaterThan(await bigAttr(popup, 'replace-old-fee'));
      await popup.getByTestId('send-confirm-button').click();
      await expect.poll(() => popup.locator('[data-testid="activity-item"][data-kind="cancel"]').count()).toBe(1);
      await anvilRpc(anvilUrl, 'evm_mine');
      await expect.poll(() => popup.locator(`[data-hash="${toCancel}"]`).getAttribute('data-status'), { timeout: 15_000 }).toBe('replaced');
      await expect.poll(() => popup.locator('[data-testid="activity-item"][data-kind="cancel"]').getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    } finally {
      await anvilRpc(anvilUrl, 'evm_setAutomine', [true]);
    }
  });

  it('networks: a custom network must answer its chain id; an RPC URL can be edited', async () => {
    await popup.goto(`${wb.popupUrl}#/networks`);
    const fill = async (name: string, chainId: string, url: string) => {
      await popup.getByTestId('add-network-name').fill(name);
      await popup.getByTestId('add-network-chainId').fill(chainId);
      await popup.getByTestId('add-network-rpcUrl').fill(url);
      await popup.getByTestId('add-network-submit').click();
    };
    await fill('Wrong', '999', anvilUrl);
    await expect.poll(() => popup.getByTestId('form-error').filter({ hasText: /another chain than 999/ }).count()).toBe(1);
    await fill('Remote http', '999', 'http://rpc.example.org');
    await expect.poll(() => popup.getByTestId('form-error').filter({ hasText: /https/ }).count()).toBe(1);
    expect(await popup.locator('[data-testid="network-row"][data-chain-id="999"]').count()).toBe(0);
    const local = popup.locator('[data-testid="network-row"][data-chain-id="31337"]');
    await local.getByTestId('network-edit').click();
    await local.getByTestId('network-rpc-input').fill('http://localhost:8545');
    await local.getByTestId('network-save').click();
    await expect.poll(() => local.getByTestId('network-rpc').textContent()).toBe('http://localhost:8545');
    await popup.goto(wb.popupUrl);
    await expect.poll(() => popup.getByTestId('balance-eth').textContent(), { timeout: 15_000 }).toMatch(/\d/);
  });

  it('an RPC that answers garbage or hangs: "balance unavailable" (also in 简体中文), never a number; the UI stays usable; back when the RPC is', async () => {
    const rpc = await startUnreliableRpc(anvilUrl);
    const setRpc = async (url: string) => {
      await popup.goto(`${wb.popupUrl}#/networks`);
      const local = popup.locator('[data-testid="network-row"][data-chain-id="31337"]');
      await local.getByTestId('network-edit').click();
      await local.getByTestId('network-rpc-input').fill(url);
      await local.getByTestId('network-save').click();
      await expect.poll(() => local.getByTestId('network-rpc').textContent()).toBe(url);
    };
    const unavailable = popup.getByTestId('balance-unavailable');
    const shown = popup.getByTestId('balance-eth');
    try {
      await setRpc(rpc.url); // accepted while it still answers like the chain
      rpc.mode = 'garbage';
      await popup.goto(wb.popupUrl);
      await unavailable.waitFor({ timeout: 15_000 });
      expect(await shown.getAttribute('data-value')).toBe('');
      expect(await shown.textContent()).toBe('—');
      expect(await unavailable.textContent()).toContain('Balance unavailable');

      await popup.goto(`${wb.popupUrl}#/settings`);
      await popup.getByTestId('language-select').selectOption('zh_CN');
      await popup.goto(wb.popupUrl);
      await expect.poll(() => unavailable.textContent(), { timeout: 15_000 }).toContain('无法获取余额');
      await popup.goto(`${wb.popupUrl}#/settings`);
      await popup.getByTestId('language-select').selectOption('en');

      rpc.mode = 'hang';
      await popup.goto(wb.popupUrl);
      // While the RPC hangs the screen works: another screen opens and home comes back.
      await popup.getByTestId('settings-button').click();
      await popup.getByTestId('language-select').waitFor();
      await popup.goBack();
      await expectScreen(popup, 'home-screen');
      await unavailable.waitFor({ timeout: 20_000 }); // the wallet gives up on the hanging call
      expect(await shown.getAttribute('data-value')).toBe('');

      rpc.mode = 'proxy';
      await expect.poll(() => shown.getAttribute('data-value'), { timeout: 20_000 }).toBe(await wei(ACCOUNT0));
      expect(await unavailable.count()).toBe(0);
    } finally {
      rpc.mode = 'proxy';
      await setRpc(anvilUrl);
      await rpc.close();
    }
  });

  it('insights total this month per asset; a budget alerts on home and on the send review', async () => {
    await popup.goto(`${wb.popupUrl}#/insights`);
    const month = new Date().toISOString().slice(0, 7);
    // 1.5 + 0.25 (sped up, counted once) + 0.3 (cancelled: the cancel moved nothing) … the replaced ones are not counted.
    await expect.poll(() => popup.locator(`[data-testid="insights-month"][data-month="${month}"] [data-asset="eth:31337"]`).textContent()).toBe('1.75');
    const row = popup.locator('[data-testid="budget-row"][data-asset="eth:31337"]');
    await row.getByTestId('budget-input').fill('1');
    await row.getByTestId('budget-save').click();
    await expect.poll(() => row.getAttribute('data-over')).toBe('true');
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('budget-alert').waitFor();
    await send(popup, ACCOUNT1, '0.01');
    await popup.getByTestId('send-review-screen').waitFor();
    await expect.poll(() => popup.locator('[data-testid="approval-warning"][data-kind="budget"]').count()).toBe(1);
  });

  it('a review the chain has overtaken is refused with its reason; a fresh review sends the fee it shows', async () => {
    await popup.goto(wb.popupUrl);
    await send(popup, ACCOUNT1, '0.01');
    await popup.getByTestId('send-review-screen').waitFor();
    const firstQuote = await popup.getByTestId('send-review-screen').getAttribute('data-quote-id');
    // This wallet's account 0 is anvil's dev account 0, which anvil signs for: another send takes the nonce.
    await anvilRpc(anvilUrl, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }]);
    const nonce = await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ACCOUNT0, 'pending']);
    await popup.getByTestId('send-confirm-button').click();
    await expect.poll(() => popup.getByTestId('form-error').filter({ hasText: /Another transaction from this account was sent after this review/ }).count()).toBe(1);
    expect(await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ACCOUNT0, 'pending'])).toBe(nonce);
    await shot(popup, 'send-review-stale');
    await popup.getByTestId('send-rereview-button').click();
    await expect.poll(() => popup.getByTestId('send-review-screen').getAttribute('data-quote-id')).not.toBe(firstQuote);
    const shownFee = await bigAttr(popup, 'send-review-fee');
    await popup.getByTestId('send-confirm-button').click();
    const mined = await anvilRpc<MinedTx>(anvilUrl, 'eth_getTransactionByHash', [await newestSend(popup)]);
    expect(BigInt(mined.gas) * BigInt(mined.maxFeePerGas)).toBe(shownFee);
    expect(mined.nonce).toBe(nonce);
  });

  it('a custom fee is checked on the review (tip ≤ max fee, not absurd) and is the one mined', async () => {
    await popup.goto(wb.popupUrl);
    await send(popup, ACCOUNT1, '0.02');
    await popup.getByTestId('send-speed-custom').check();
    await popup.getByTestId('send-custom-max-fee').fill('2');
    await popup.getByTestId('send-custom-tip').fill('3');
    await expect.poll(() => popup.getByTestId('form-error').filter({ hasText: /tip cannot be more than the max fee/ }).count()).toBe(1);
    await shot(popup, 'send-review-custom-fee');
    expect(await popup.getByTestId('send-confirm-button').isDisabled()).toBe(true);
    await popup.getByTestId('send-custom-max-fee').fill('5000');
    await popup.getByTestId('send-custom-tip').fill('1');
    await expect.poll(() => popup.getByTestId('form-error').filter({ hasText: /far more than the network asks/ }).count()).toBe(1);
    await popup.getByTestId('send-custom-max-fee').fill('2.5');
    await popup.getByTestId('send-custom-tip').fill('1.5');
    await expect.poll(() => popup.getByTestId('send-confirm-button').isEnabled()).toBe(true);
    expect(await bigAttr(popup, 'send-review-fee')).toBe(21_000n * 2_500_000_000n);
    await popup.getByTestId('send-confirm-button').click();
    const hash = await newestSend(popup);
    const mined = await anvilRpc<MinedTx>(anvilUrl, 'eth_getTransactionByHash', [hash]);
    expect(BigInt(mined.maxFeePerGas)).toBe(2_500_000_000n);
    expect(BigInt(mined.maxPriorityFeePerGas)).toBe(1_500_000_000n);
    expect((await waitReceipt(anvilUrl, hash)).status).toBe('0x1');
  });

  it('a transaction that reverts on chain shows as failed in activity', async () => {
    // A contract whose code is only `revert(0, 0)` (PUSH1 0 PUSH1 0 REVERT), deployed by anvil's
    // account 9 from hand-written init code: the same as test/fixtures/contracts/RevertingToken.sol
    // without the seconds solc-js takes to compile it.
    const deployed = await anvilRpc<string>(anvilUrl, 'eth_sendTransaction', [{ from: ANVIL_ACCOUNTS[9].address, data: '0x6005600c60003960056000f360006000fd' }]);
    const reverting = (await waitReceipt(anvilUrl, deployed)).contractAddress!;
    expect(await anvilRpc(anvilUrl, 'eth_getCode', [reverting, 'latest'])).toBe('0x60006000fd');
    const dapp = await wb.context.newPage();
    try {
      await dapp.goto(`${pagesUrl}dapp/index.html`);
      await answered(rpc(dapp, 'eth_requestAccounts'), wb.context, 'connect', true);
      // A token transfer with explicit gas: the wallet does not estimate it, the chain mines it and it reverts.
      const data = new Interface(['function transfer(address to, uint256 value)']).encodeFunctionData('transfer', [ACCOUNT1, 1n]);
      const sent = await answered(rpc(dapp, 'eth_sendTransaction', [{ from: ACCOUNT0.toLowerCase(), to: reverting, data, gas: '0x186a0' }]), wb.context, 'transaction', true);
      const hash = sent.result as string;
      expect((await waitReceipt(anvilUrl, hash)).status).toBe('0x0');
      await popup.goto(`${wb.popupUrl}#/activity`);
      await expect.poll(() => popup.locator(`[data-testid="activity-item"][data-hash="${hash}"]`).getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
    } finally {
      await dapp.close();
      await popup.bringToFront();
    }
  });

  it('"max" sends the balance minus the chosen fee: the recipient gets exactly that, the sender keeps only unused fee', async () => {
    const recipient = ANVIL_ACCOUNTS[9].address;
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('account-option-1').click();
    await expect.poll(() => popup.getByTestId('account-address-eth').getAttribute('data-address')).toBe(ACCOUNT1);
    const [start, got] = [await balanceOf(anvilUrl, ACCOUNT1), await balanceOf(anvilUrl, recipient)];
    await popup.getByTestId('send-button').click();
    await popup.getByTestId('send-to-input').fill(recipient);
    await popup.getByTestId('send-max-button').click();
    expect(await popup.getByTestId('send-amount-input').inputValue()).toBe('max');
    await popup.getByTestId('send-review-button').click();
    await popup.getByTestId('send-speed-fast').check();
    const amount = await bigAttr(popup, 'send-review-amount', 'data-amount');
    const fee = await bigAttr(popup, 'send-review-fee');
    expect(amount + fee).toBe(start);
    await popup.getByTestId('send-confirm-button').click();
    const hash = await newestSend(popup);
    const receipt = (await waitReceipt(anvilUrl, hash)) as unknown as { status: string; gasUsed: string; effectiveGasPrice: string };
    expect(receipt.status).toBe('0x1');
    expect(await balanceOf(anvilUrl, recipient)).toBe(got + amount);
    expect(await balanceOf(anvilUrl, ACCOUNT1)).toBe(fee - BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice));
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('account-picker').click();
    await popup.getByTestId('account-option-0').click();
    await expect.poll(() => popup.getByTestId('account-address-eth').getAttribute('data-address')).toBe(ACCOUNT0);
  });

  it('networks: adds a custom network (a second anvil), switches to it and sees its balance, then removes it', async () => {
    const second = await startAnvil({ port: 8546, chainId: 4242 });
    try {
      await anvilRpc(second.url, 'anvil_setBalance', [ACCOUNT0, `0x${(42n * 10n ** 18n).toString(16)}`]);
      await popup.goto(`${wb.popupUrl}#/networks`);
      await popup.getByTestId('add-network-name').fill('Second anvil');
      await popup.getByTestId('add-network-chainId').fill('4242');
      await popup.getByTestId('add-network-rpcUrl').fill(second.url);
      await popup.getByTestId('add-network-symbol').fill('SEC');
      await popup.getByTestId('add-network-submit').click();
      const row = popup.locator('[data-testid="network-row"][data-chain-id="4242"]');
      await row.waitFor();
      expect(await row.getByTestId('network-rpc').textContent()).toBe(second.url);

      await popup.goto(wb.popupUrl);
      await popup.getByTestId('network-picker').click();
      await popup.getByTestId('network-option-eth-4242').click();
      await expect.poll(() => popup.getByTestId('network-picker').textContent()).toContain('Second anvil');
      await expect.poll(() => popup.getByTestId('balance-eth').getAttribute('data-value'), { timeout: 15_000 }).toBe((42n * 10n ** 18n).toString());

      await popup.goto(`${wb.popupUrl}#/networks`);
      await row.getByTestId('network-remove').click();
      await expect.poll(() => row.count()).toBe(0);
      await popup.goto(wb.popupUrl);
      // The current network was the one removed: back on Localhost 8545, with its own balance.
      await expect.poll(() => popup.getByTestId('network-picker').textContent()).toContain('Localhost 8545');
      await expect.poll(() => popup.getByTestId('balance-eth').getAttribute('data-value'), { timeout: 15_000 }).toBe((await balanceOf(anvilUrl, ACCOUNT0)).toString());
    } finally {
      await second.stop();
    }
  });

  it('the expand button opens the same app in a tab', async () => {
    await popup.goto(wb.popupUrl);
    await expectScreen(popup, 'home-screen');
    const [tab] = await Promise.all([wb.context.waitForEvent('page'), popup.getByTestId('expand-view-button').click()]);
    await tab.waitForURL(`${wb.popupUrl}#/`);
    await expectScreen(tab, 'home-screen');
    expect(await tab.getByTestId('account-address-eth').getAttribute('data-address')).toBe(ACCOUNT0);
    await tab.close();
    await popup.bringToFront();
  });

  it('the send form survives the popup closing; Back and a sent transaction clear it', async () => {
    const draft = (page: Page) => page.evaluate(async () => (await chrome.storage.session.get('sendDraft'))['sendDraft']);
    const openSend = async () => {
      const page = await wb.openPopup();
      await page.getByTestId('send-button').click();
      await page.getByTestId('send-to-input').waitFor();
      return page;
    };
    let page = await openSend();
    await page.getByTestId('send-to-input').fill(ACCOUNT1);
    await page.getByTestId('send-amount-input').fill('0.0123');
    await expect.poll(() => draft(page)).toEqual({ asset: 'eth', to: ACCOUNT1, amount: '0.0123' });
    await page.close();

    page = await openSend();
    expect(await page.getByTestId('send-to-input').inputValue()).toBe(ACCOUNT1);
    expect(await page.getByTestId('send-amount-input').inputValue()).toBe('0.0123');
    expect(await page.getByTestId('send-asset-select').inputValue()).toBe('eth');
    await page.getByTestId('send-back-button').click();
    await expectScreen(page, 'home-screen');
    expect(await draft(page)).toBeUndefined();
    await page.close();

    page = await openSend();
    expect(await page.getByTestId('send-to-input').inputValue()).toBe('');
    await page.getByTestId('send-to-input').fill(ACCOUNT1);
    await page.getByTestId('send-amount-input').fill('0.001');
    await page.getByTestId('send-review-button').click();
    await page.getByTestId('send-confirm-button').click();
    await newestSend(page);
    expect(await draft(page)).toBeUndefined();
    await page.close();
    page = await openSend();
    expect(await page.getByTestId('send-amount-input').inputValue()).toBe('');
    await page.close();
  });
});
