import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, expectScreen, importWallet, storedVault, unlock } from './helpers/flows';
import { WalletBrowser } from './helpers/wallet-browser';

const JUNK = 'test test test test test test test test test test test junk';
const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const NEW_PASSWORD = 'a new longer password';

describe('settings: language, export key, change password, reset', () => {
  let wb: WalletBrowser;
  beforeAll(async () => {
    wb = await WalletBrowser.launch();
    const page = await wb.openPopup();
    await importWallet(page, JUNK);
    await expectScreen(page, 'home-screen');
    await page.close();
  });
  afterAll(async () => {
    await wb?.close();
  });

  it('switches the interface to Chinese and back', async () => {
    const page = await wb.openPopup();
    await page.getByTestId('settings-button').click();
    await page.getByTestId('language-select').selectOption('zh_CN');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('设置');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Settings');
    await page.close();
  });

  it('exports account 0 private key only with the password', async () => {
    const page = await wb.openPopup('#/settings');
    await page.getByTestId('export-key-button').click();
    await page.getByTestId('export-key-password-input').fill('wrong password');
    await page.getByTestId('export-key-submit').click();
    await expect.poll(() => page.getByTestId('form-error').filter({ hasText: /Wrong password/ }).count()).toBe(1);
    await page.getByTestId('export-key-password-input').fill(PASSWORD);
    await page.getByTestId('export-key-submit').click();
    await expect.poll(() => page.getByTestId('exported-key').textContent()).toBe(KEY0);
    await page.close();
  });

  it('changes the password: the old one stops working, the new one unlocks', async () => {
    const page = await wb.openPopup('#/settings');
    const before = await storedVault(page);
    await page.getByTestId('change-password-button').click();
    await page.getByTestId('old-password-input').fill(PASSWORD);
    await page.getByTestId('password-input').fill(NEW_PASSWORD);
    await page.getByTestId('password-confirm-input').fill(NEW_PASSWORD);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('form-success').waitFor();
    expect(await storedVault(page)).not.toBe(before);
    await page.goto(wb.popupUrl);
    await page.getByTestId('lock-button').click();
    await unlock(page, PASSWORD);
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/Wrong password/);
    await unlock(page, NEW_PASSWORD);
    await expectScreen(page, 'home-screen');
    await page.close();
  });

  it('reset needs the typed word, then deletes the wallet and returns to onboarding', async () => {
    const page = await wb.openPopup('#/settings');
    await page.getByTestId('reset-wallet-button').click();
    await page.getByTestId('reset-confirm-input').fill('reset please');
    await page.getByTestId('reset-wallet-submit').click();
    await expect.poll(() => page.getByTestId('form-error').filter({ hasText: /RESET/ }).count()).toBe(1);
    expect(await storedVault(page)).toBeDefined();
    await page.getByTestId('reset-confirm-input').fill('RESET');
    await page.getByTestId('reset-wallet-submit').click();
    await expectScreen(page, 'onboarding-screen');
    expect(await storedVault(page)).toBeUndefined();
    await page.close();
  });
});
