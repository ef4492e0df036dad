import { Wallet } from 'ethers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilRpc, ANVIL_ACCOUNTS } from './helpers/anvil-rpc';
import { launchWithWallet } from './helpers/flows';
import { startChainAndPages } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

/**
 * A nonce gap on our own account: with automine off, a transaction with a future nonce is
 * signed outside the wallet (anvil's public test key of account 0 = the wallet's account 0)
 * and sent to anvil directly. It waits in the pool behind a nonce nobody sent; Activity says
 * so and fills the gap with a 0 ETH transaction to ourselves, after which both are mined.
 */
const JUNK = 'test test test test test test test test test test test junk';
const ME = ANVIL_ACCOUNTS[0].address;

describe('Activity: a stuck nonce gap is detected and fixed', () => {
  let wb: WalletBrowser;
  let popup: Page;
  let anvilUrl: string;
  let stopAll: () => Promise<void>;

  beforeAll(async () => {
    const { anvil, pages } = await startChainAndPages();
    anvilUrl = anvil.url;
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
    };
    ({ wb, popup } = await launchWithWallet(JUNK));
  }, 60_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  it('no problem shown while nothing waits', async () => {
    await popup.goto(`${wb.popupUrl}#/activity`);
    await popup.getByTestId('activity-screen').waitFor();
    await popup.waitForTimeout(1500);
    expect(await popup.getByTestId('nonce-problem').count()).toBe(0);
  });

  it('a transaction queued at nonce N+1: "nonce N is missing", and filling it gets both mined', async () => {
    await anvilRpc(anvilUrl, 'evm_setAutomine', [false]);
    try {
      const latest = Number(BigInt(await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ME, 'latest'])));
      const signer = new Wallet(ANVIL_ACCOUNTS[0].key);
      const future = await signer.signTransaction({
        type: 2,
        chainId: 31337,
        nonce: latest + 1,
        to: ANVIL_ACCOUNTS[1].address,
        value: 1n,
        gasLimit: 21_000n,
        maxFeePerGas: 10n ** 10n,
        maxPriorityFeePerGas: 10n ** 9n,
      });
      const futureHash = await anvilRpc<string>(anvilUrl, 'eth_sendRawTransaction', [future]);
      // What makes it a gap: the node's pending count does not move past the missing nonce.
      expect(Number(BigInt(await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ME, 'pending'])))).toBe(latest);

      await popup.goto(`${wb.popupUrl}#/activity`);
      const notice = popup.getByTestId('nonce-problem');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.getAttribute('data-kind')).toBe('gap');
      expect(await notice.getAttribute('data-nonce')).toBe(String(latest));
      expect(await notice.textContent()).toContain(`Nonce ${latest} is missing`);

      await popup.getByTestId('nonce-gap-fix').click();
      const fill = popup.locator('[data-testid="activity-item"][data-kind="cancel"]');
      await expect.poll(() => fill.count(), { timeout: 15_000 }).toBe(1);
      expect(await fill.textContent()).toContain(`Nonce ${latest}`);
      // The gap is filled: the pool now runs latest, latest+1 without a hole.
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);

      await anvilRpc(anvilUrl, 'evm_mine');
      await expect.poll(() => fill.getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
      expect(Number(BigInt(await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ME, 'latest'])))).toBe(latest + 2);
      expect(await anvilRpc<{ status: string } | null>(anvilUrl, 'eth_getTransactionReceipt', [futureHash])).toMatchObject({ status: '0x1' });
      expect(await notice.count()).toBe(0);
    } finally {
      await anvilRpc(anvilUrl, 'evm_setAutomine', [true]);
    }
  });

  it('a fill for a nonce that is not missing is refused, nothing sent', async () => {
    const before = await anvilRpc<string>(anvilUrl, 'eth_getTransactionCount', [ME, 'pending']);
    const reply = await popup.evaluate(() => chrome.runtime.sendMessage<unknown, unknown>({ channel: 'duowallet:internal', method: 'activity_fillNonce', params: { nonce: 0 } }));
    expect(reply).toMatchObject({ ok: false, error: { data: { reason: 'nonce_not_missing' } } });
    expect(await anvilRpc(anvilUrl, 'eth_getTransactionCount', [ME, 'pending'])).toBe(before);
  });
});
