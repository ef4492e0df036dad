import { getAddress } from 'ethers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './helpers/approval';
import { anvilRpc, ANVIL_ACCOUNTS } from './helpers/anvil-rpc';
import { balanceOf, deployRevertingToken, deployTestToken, installMulticall3, transfersIn, transferToken } from './helpers/erc20';
import { MULTICALL3_ADDRESS } from '../../src/core/ethereum/balances';
import { expectScreen, launchWithWallet } from './helpers/flows';
import { rpc } from './helpers/rpc';
import { startChainAndPages } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

/**
 * ERC-20 on anvil with tokens compiled from test/fixtures/contracts at test time: add a token
 * (read from its contract), its balance on home, send it through the popup (review, confirm, a
 * mined Transfer of the right amount), incoming transfers in Activity, and tokens that revert
 * or lie about their decimals.
 */
const JUNK = 'test test test test test test test test test test test junk';
const ME = ANVIL_ACCOUNTS[0].address;
const ACCOUNT1 = ANVIL_ACCOUNTS[1].address;
const ISSUER = ANVIL_ACCOUNTS[9].address;
const TST = 10n ** 6n; // 1 TST in base units (6 decimals, like USDC)

describe('ERC-20 tokens on anvil: add, balance, send, incoming, bad contracts', () => {
  let wb: WalletBrowser;
  let popup: Page;
  let dapp: Page;
  let anvilUrl: string;
  let stopAll: () => Promise<void>;
  let token: string;
  let second: string;
  let reverting: string;
  let liar: string;
  let incomingHash: string;

  beforeAll(async () => {
    const { anvil, pages } = await startChainAndPages();
    anvilUrl = anvil.url;
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
    };
    token = getAddress(await deployTestToken(anvilUrl, { name: 'Test Token', symbol: 'TST', decimals: 6, supply: 1_000_000n * TST, holder: ISSUER }));
    second = getAddress(await deployTestToken(anvilUrl, { name: 'Second Token', symbol: 'SEC', decimals: 18, supply: 10n ** 24n, holder: ISSUER }));
    liar = await deployTestToken(anvilUrl, { name: 'Liar', symbol: 'LIE', decimals: 77, supply: 1n, holder: ME });
    reverting = await deployRevertingToken(anvilUrl);
    incomingHash = await transferToken(anvilUrl, token, ISSUER, ME, 1000n * TST);
    ({ wb, popup } = await launchWithWallet(JUNK));
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  const lookup = async (address: string) => {
    await popup.getByTestId('add-token-address').fill(address);
    await popup.getByTestId('add-token-lookup').click();
  };
  const formError = () => popup.locator('[data-testid="form-error"]:visible').textContent();

  it('refuses, with clear messages, a contract that reverts, an address without code, absurd decimals and a bad address; adds nothing', async () => {
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('add-token-button').click();
    await popup.getByTestId('add-token-screen').waitFor();
    await lookup(reverting);
    await expect.poll(formError).toMatch(/does not answer symbol\(\) and decimals\(\): it is not an ERC-20 token/);
    await lookup(ACCOUNT1);
    await expect.poll(formError).toMatch(/no contract at this address/);
    await lookup(liar);
    await expect.poll(formError).toMatch(/reports 77 decimals/);
    await lookup('0x1234');
    await expect.poll(formError).toMatch(/not a valid address/);
    expect(await popup.getByTestId('add-token-preview').count()).toBe(0);
    expect(await popup.getByTestId('token-row').count()).toBe(0);
  });

  it('the same refusal in 简体中文', async () => {
    await popup.goto(`${wb.popupUrl}#/settings`);
    await popup.getByTestId('language-select').selectOption('zh_CN');
    await popup.goto(`${wb.popupUrl}#/tokens`);
    await lookup(reverting);
    await expect.poll(formError).toContain('它不是此网络上的 ERC-20 代币');
    await popup.goto(`${wb.popupUrl}#/settings`);
    await popup.getByTestId('language-select').selectOption('en');
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('adds TST with the symbol and decimals its contract reports; home shows the balance', async () => {
    await popup.goto(`${wb.popupUrl}#/tokens`);
    await lookup(token.toLowerCase());
    await popup.getByTestId('add-token-preview').waitFor();
    expect(await popup.getByTestId('add-token-symbol').textContent()).toBe('TST');
    expect(await popup.getByTestId('add-token-decimals').textContent()).toBe('6');
    await popup.getByTestId('add-token-submit').click();
    await expectScreen(popup, 'home-screen');
    const row = popup.locator(`[data-testid="token-balance"][data-address="${token}"]`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/TST\s*1000$/);
  });

  it('wallet_watchAsset: refused when the contract reports other decimals or no token; added when it agrees', async () => {
    const lie = await rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address: second, symbol: 'SEC', decimals: 6 } });
    expect(lie.error).toMatchObject({ code: -32602, message: expect.stringMatching(/reports 18 decimals, not 6/) as unknown });
    const notToken = await rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address: reverting, symbol: 'REV', decimals: 18 } });
    expect(notToken.error).toMatchObject({ code: -32602, message: expect.stringMatching(/not an ERC-20 token/) as unknown });
    const renamed = await rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address: second, symbol: 'USDC', decimals: 18 } });
    expect(renamed.error).toMatchObject({ code: -32602, message: expect.stringMatching(/symbol is "SEC", not "USDC"/) as unknown });
    const ok = rpc(dapp, 'wallet_watchAsset', { type: 'ERC20', options: { address: second, symbol: 'SEC', decimals: 18 } });
    await answer(wb.context, 'watch_asset', true);
    expect(await ok).toEqual({ result: true });
    await popup.goto(wb.popupUrl);
    await expect.poll(() => popup.locator(`[data-testid="token-balance"][data-address="${second}"]`).textContent(), { timeout: 15_000 }).toMatch(/SEC\s*0$/);
  });

  it('sends 12.5 TST: review, confirm, anvil mines a Transfer of exactly 12.5 TST to the recipient', async () => {
    await popup.goto(wb.popupUrl);
    await popup.getByTestId('send-button').click();
    await popup.getByTestId('send-asset-select').selectOption(token);
    await popup.getByTestId('send-to-input').fill(ACCOUNT1);
    await popup.getByTestId('send-amount-input').fill('12.5');
    await popup.getByTestId('send-review-button').click();
    await popup.getByTestId('send-review-screen').waitFor();
    expect(await popup.getByTestId('send-review-amount').textContent()).toContain('12.5 TST');
    expect(await popup.getByTestId('send-review-to').textContent()).toBe(ACCOUNT1);
    await popup.getByTestId('send-confirm-button').click();
    const row = popup.getByTestId('activity-item').first();
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    expect(await row.textContent()).toContain('12.5 TST');
    const hash = (await row.getAttribute('data-hash'))!;
    expect(await transfersIn(anvilUrl, hash)).toEqual([{ token, from: ME, to: ACCOUNT1, value: 12_500_000n }]);
    expect(await balanceOf(anvilUrl, token, ACCOUNT1)).toBe(12_500_000n);
    await popup.goto(wb.popupUrl);
    await expect.poll(() => popup.locator(`[data-testid="token-balance"][data-address="${token}"]`).textContent(), { timeout: 15_000 }).toMatch(/987\.5$/);
  });

  it('more TST than the balance: a clear message on the form, nothing sent', async () => {
    const nonce = await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ME, 'pending']);
    await popup.goto(`${wb.popupUrl}#/send`);
    await popup.getByTestId('send-asset-select').selectOption(token);
    await popup.getByTestId('send-to-input').fill(ACCOUNT1);
    await popup.getByTestId('send-amount-input').fill('5000');
    await popup.getByTestId('send-review-button').click();
    await expect.poll(formError).toMatch(/more than your TST balance/);
    await popup.getByTestId('send-amount-input').fill('0.0000001'); // 7 decimals on a 6-decimal token
    await popup.getByTestId('send-review-button').click();
    await expect.poll(formError).toMatch(/greater than zero/);
    expect(await anvilRpc(anvilUrl, 'eth_getTransactionCount', [ME, 'pending'])).toBe(nonce);
  });

  it('activity lists the incoming 1000 TST from its Transfer log, and not our own send as incoming', async () => {
    await popup.goto(`${wb.popupUrl}#/activity`);
    const incoming = popup.getByTestId('activity-incoming');
    await expect.poll(() => incoming.count(), { timeout: 15_000 }).toBe(1);
    expect(await incoming.getAttribute('data-hash')).toBe(incomingHash);
    expect(await incoming.getAttribute('data-token')).toBe(token);
    expect(await incoming.getAttribute('data-amount')).toBe(String(1000n * TST));
    expect(await incoming.textContent()).toContain('+1000 TST');
    // A new one shows on the next refresh (only the new blocks are asked for).
    const again = await transferToken(anvilUrl, token, ISSUER, ME, 3n * TST);
    await expect.poll(() => incoming.count(), { timeout: 15_000 }).toBe(2);
    expect(await incoming.first().getAttribute('data-hash')).toBe(again);
  });

  it('home follows new blocks while open: with Multicall3, then on a chain without it (a JSON-RPC batch), the same numbers as the chain', async () => {
    await popup.goto(wb.popupUrl);
    const tst = popup.locator(`[data-testid="token-balance"][data-address="${token}"]`);
    const expectChain = async () => {
      const want = String(await balanceOf(anvilUrl, token, ME));
      await expect.poll(() => tst.getAttribute('data-value'), { timeout: 15_000 }).toBe(want);
      expect(await popup.getByTestId('balance-eth').getAttribute('data-value')).toBe(BigInt(await anvilRpc<string>(anvilUrl, 'eth_getBalance', [ME, 'latest'])).toString());
    };
    // What the wallet learned while reading (storage.session): so far, Multicall3 everywhere.
    const chainsWithoutMulticall = async () => {
      const learned = await popup.evaluate(async () => (await chrome.storage.session.get('rpcCapabilities'))['rpcCapabilities'] as { multicallAbsent?: Record<string, number> } | undefined);
      return Object.keys(learned?.multicallAbsent ?? {});
    };
    await expectChain();
    expect(await chainsWithoutMulticall()).toEqual([]);
    await popup.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await transferToken(anvilUrl, token, ISSUER, ME, 2n * TST);
    await expectChain();
    try {
      await anvilRpc(anvilUrl, 'anvil_setCode', [MULTICALL3_ADDRESS, '0x']);
      await transferToken(anvilUrl, token, ISSUER, ME, 3n * TST);
      await expectChain();
      // The wallet noticed the empty answer and read by batch (remembered for this chain).
      expect(await chainsWithoutMulticall()).toEqual(['31337']);
      expect(await popup.getByTestId('balance-unavailable').count()).toBe(0);
      expect(await popup.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    } finally {
      await installMulticall3(anvilUrl);
    }
  });
});
