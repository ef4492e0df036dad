import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { btcAddress } from '../fixtures/regtest/phrase-addresses';
import { ABANDON, ABANDON_REGTEST, addresses, expectScreen, storedVault, unlock, launchWithWallet } from './helpers/flows';
import { WalletBrowser } from './helpers/wallet-browser';

describe('lock, unlock, worker restarts and browser restarts', () => {
  let wb: WalletBrowser;
  beforeAll(async () => {
    const { wb: launched, popup: page } = await launchWithWallet(ABANDON);
    wb = launched;
    await page.close();
  });
  afterAll(async () => {
    await wb?.close();
  });

  it('locks; a wrong password is refused with the vault unchanged; the right one unlocks', async () => {
    const page = await wb.openPopup();
    await page.getByTestId('lock-button').click();
    await expectScreen(page, 'unlock-screen');
    const before = await storedVault(page);
    await unlock(page, 'wrong password!');
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/Wrong password/);
    await page.reload();
    await expectScreen(page, 'unlock-screen');
    expect(await storedVault(page)).toBe(before);
    await unlock(page);
    await expectScreen(page, 'home-screen');
    await expect.poll(() => addresses(page)).toEqual(ABANDON_REGTEST);
    await page.close();
  });

  it('stays unlocked and answers after the service worker is stopped', async () => {
    const page = await wb.openPopup();
    await expectScreen(page, 'home-screen');
    await wb.stopServiceWorker();
    await page.reload();
    await expectScreen(page, 'home-screen');
    await expect.poll(() => addresses(page)).toEqual(ABANDON_REGTEST);
    // A write after the restart works too (re-opened from the session key, not the password).
    await page.getByTestId('account-picker').click();
    await page.getByTestId('add-account-button').click();
    await expect.poll(() => page.getByTestId('account-address-btc-p2wpkh').getAttribute('data-address')).toBe(btcAddress(ABANDON, 'p2wpkh', 'regtest', 1));
    await page.close();
  });

  it('is locked after the browser restarts, and the vault still opens', async () => {
    const dir = wb.profileDir;
    await wb.close();
    wb = await WalletBrowser.launch(dir);
    const page = await wb.openPopup();
    await expectScreen(page, 'unlock-screen');
    await unlock(page);
    await expectScreen(page, 'home-screen');
    await page.getByTestId('account-picker').click();
    // The account added before the restart was persisted.
    await page.getByTestId('account-option-1').waitFor();
    await page.close();
  });
});
