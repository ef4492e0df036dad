import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, expectScreen, storedVault, unlock, launchWithWallet } from './helpers/flows';
import type { WalletBrowser } from './helpers/wallet-browser';

const JUNK = 'test test test test test test test test test test test junk';
const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const NEW_PASSWORD = 'a new longer password';

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

describe('settings: language, auto-lock, export key, change password, reset', () => {
  let wb: WalletBrowser;
  beforeAll(async () => {
    const { wb: launched, popup: page } = await launchWithWallet(JUNK);
    wb = launched;
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

  /** Runs in the extension's service worker (the background itself), where the alarm and the session key live. */
  const inWorker = async <T>(fn: () => Promise<T>): Promise<T> => {
    const worker = wb.worker() ?? (await wb.context.waitForEvent('serviceworker'));
    return worker.evaluate(fn);
  };
  const alarm = () => inWorker(async () => (await chrome.alarms.get('auto-lock')) as Alarm | undefined);
  /**
   * How long until the alarm fires, measured in the worker right after reading it (so an alarm
   * re-armed meanwhile is never compared with an older "now"); +1 ms in the checks because Chrome
   * keeps fractional milliseconds and Date.now() does not.
   */
  const remaining = () => inWorker(async () => {
    const a = await chrome.alarms.get('auto-lock');
    return a ? a.scheduledTime - Date.now() : null;
  });
  const sessionKey = () => inWorker(async () => (await chrome.storage.session.get('vaultKey'))['vaultKey'] as string | undefined);
  const storedMinutes = (page: Page) => page.evaluate(async () => ((await chrome.storage.local.get('settings'))['settings'] as { autoLockMinutes?: number } | undefined)?.autoLockMinutes);

  it('auto-lock minutes: 0 and 5000 are refused with a message and change nothing; 7 is kept after a reload', async () => {
    const page = await wb.openPopup('#/settings');
    const input = page.getByTestId('auto-lock-input');
    const before = await storedMinutes(page);
    const shown = await input.inputValue();
    const rangeError = () => page.getByTestId('form-error').filter({ hasText: 'Auto-lock takes whole minutes from 1 to 1440' }).count();
    for (const bad of ['0', '5000']) {
      await input.fill(bad);
      await input.press('Tab');
      await expect.poll(rangeError).toBe(1);
      expect(await storedMinutes(page)).toBe(before);
      // Back to the stored value: the message goes, so the next bad value must bring it back itself.
      await input.fill(shown);
      await input.press('Tab');
      await expect.poll(rangeError).toBe(0);
    }
    await input.fill('7');
    await input.press('Tab');
    await expect.poll(() => page.getByTestId('auto-lock-status').textContent()).toContain('7 minutes');
    expect(await page.getByTestId('form-error').filter({ hasText: 'Auto-lock' }).count()).toBe(0);
    expect(await storedMinutes(page)).toBe(7);
    await page.reload();
    await expect.poll(() => page.getByTestId('auto-lock-input').inputValue()).toBe('7');
    // …and the message is translated.
    await page.getByTestId('language-select').selectOption('zh_CN');
    await page.getByTestId('auto-lock-input').fill('0');
    await page.getByTestId('auto-lock-input').press('Tab');
    await expect.poll(() => page.getByTestId('form-error').filter({ hasText: '自动锁定时间须为 1 到 1440' }).count()).toBe(1);
    await page.getByTestId('language-select').selectOption('en');
    await page.close();
  });

  it('after unlock the auto-lock alarm is set to the chosen delay; when it fires the wallet locks and the session key is gone', async () => {
    let page = await wb.openPopup();
    await page.getByTestId('lock-button').click();
    await expectScreen(page, 'unlock-screen');
    expect(await alarm()).toBeUndefined();
    const unlockedFrom = Date.now();
    await unlock(page);
    await expectScreen(page, 'home-screen');
    const set = await alarm();
    expect(set?.periodInMinutes).toBeUndefined();
    // Armed at (or after) the unlock with the 7 minutes chosen above; re-armed on use, never further out.
    expect(set!.scheduledTime).toBeGreaterThanOrEqual(unlockedFrom + 7 * 60_000);
    expect(await remaining()).toBeLessThanOrEqual(7 * 60_000 + 1);
    expect(await sessionKey()).toMatch(/\S/);

    // 1 minute applies at once (no waiting for the old alarm)…
    await page.goto(`${wb.popupUrl}#/settings`);
    await page.getByTestId('auto-lock-input').fill('1');
    await page.getByTestId('auto-lock-input').press('Tab');
    await expect.poll(async () => (await remaining()) ?? Infinity).toBeLessThanOrEqual(60_000 + 1);
    await page.close();
    // …and instead of waiting that minute, the same alarm is made due now (an unpacked extension's
    // alarms have no 30 s floor): Chrome fires it into the background's own onAlarm listener.
    await inWorker(() => chrome.alarms.create('auto-lock', { when: Date.now() }));
    await expect.poll(() => sessionKey(), { timeout: 10_000 }).toBeUndefined();
    expect(await alarm()).toBeUndefined();
    page = await wb.openPopup();
    await expectScreen(page, 'unlock-screen');
    await unlock(page);
    await expectScreen(page, 'home-screen');
    await page.goto(`${wb.popupUrl}#/settings`);
    await page.getByTestId('auto-lock-input').fill('15');
    await page.getByTestId('auto-lock-input').press('Tab');
    await expect.poll(() => storedMinutes(page)).toBe(15);
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
