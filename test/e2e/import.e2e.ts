import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { btcAddress } from '../fixtures/regtest/phrase-addresses';
import { ABANDON, ABANDON_ADDRESSES, ABANDON_REGTEST, PASSWORD, addresses, expectScreen, importWallet, pickBtcNetwork, storedVault } from './helpers/flows';
import { WalletBrowser } from './helpers/wallet-browser';

describe('import a seed phrase', () => {
  let wb: WalletBrowser;
  beforeAll(async () => {
    wb = await WalletBrowser.launch();
  });
  afterAll(async () => {
    await wb?.close();
  });

  it('refuses bad phrases and bad passwords with a clear message, storing nothing', async () => {
    const page = await wb.openPopup();
    await expectScreen(page, 'onboarding-screen');
    const cases: [string, string, string, RegExp][] = [
      [ABANDON.replace('about', 'abandon'), PASSWORD, PASSWORD, /checksum/i],
      [ABANDON.replace('about', 'aboutt'), PASSWORD, PASSWORD, /Word 12 "aboutt"/],
      // Mixed lists: the word and position the parser names (one Chinese word among English ones).
      [ABANDON.replace('abandon abandon abandon', 'abandon abandon 的'), PASSWORD, PASSWORD, /Word 3 "的" is from another word list/],
      // An unknown word among Chinese ones, typed without spaces (one word per character).
      ['的的的的的的的的的的猫在', PASSWORD, PASSWORD, /Word 11 "猫"/],
      ['abandon abandon abandon', PASSWORD, PASSWORD, /12, 15, 18, 21 or 24 words; this one has 3/],
      [ABANDON, 'short', 'short', /at least 8/],
      [ABANDON, PASSWORD, PASSWORD + 'x', /do not match/],
    ];
    await page.getByTestId('onboarding-import').click();
    for (const [phrase, pw, confirm, expected] of cases) {
      await page.getByTestId('import-mnemonic-input').fill(phrase);
      await page.getByTestId('password-input').fill(pw);
      await page.getByTestId('password-confirm-input').fill(confirm);
      await page.getByTestId('import-submit').click();
      await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(expected);
    }
    expect(await storedVault(page)).toBeUndefined();
    await page.close();
  });

  it('imports the BIP84 test phrase and shows its published ETH, P2WPKH and P2TR addresses', async () => {
    const page = await wb.openPopup();
    // Sloppy input on purpose: upper case, extra spaces and a newline are normalised.
    await importWallet(page, `  ${ABANDON.toUpperCase().replace(/ /g, '   ')}\n`);
    await expectScreen(page, 'home-screen');
    // The E2E build starts on regtest; the published mainnet vectors show after switching.
    await expect.poll(() => addresses(page)).toEqual(ABANDON_REGTEST);
    await pickBtcNetwork(page, 'mainnet');
    await expect.poll(() => addresses(page)).toEqual(ABANDON_ADDRESSES);
    await pickBtcNetwork(page, 'regtest');
    await expect.poll(() => addresses(page)).toEqual(ABANDON_REGTEST);
    const record = JSON.parse((await storedVault(page)) ?? '{}') as { version: number; kdf: { name: string; m: number; t: number } };
    expect(record.version).toBe(3);
    expect(record.kdf.name).toBe('argon2id');
    // At or above the OWASP minimum (m=19 MiB, t=2).
    expect(record.kdf.m).toBeGreaterThanOrEqual(19456);
    expect(record.kdf.t).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('adds and switches accounts with the picker', async () => {
    const page = await wb.openPopup();
    await expectScreen(page, 'home-screen');
    await page.getByTestId('account-picker').click();
    await page.getByTestId('add-account-button').click();
    // The new account is selected: m/84'/1'/1'/0/0 of the phrase on regtest (derived by scure in the test, not our code).
    await expect.poll(() => page.getByTestId('account-address-btc-p2wpkh').getAttribute('data-address')).toBe(btcAddress(ABANDON, 'p2wpkh', 'regtest', 1));
    await page.getByTestId('account-picker').click();
    await page.getByTestId('account-option-0').click();
    await expect.poll(() => addresses(page)).toEqual(ABANDON_REGTEST);
    await page.close();
  });

  it('reveals the phrase only with the password', async () => {
    const page = await wb.openPopup();
    await page.getByTestId('settings-button').click();
    await page.getByTestId('reveal-seed-button').click();
    await page.getByTestId('reveal-seed-password-input').fill('not the password');
    await page.getByTestId('reveal-seed-submit').click();
    await expect.poll(() => page.getByTestId('form-error').last().textContent()).toMatch(/Wrong password/);
    expect(await page.getByTestId('revealed-seed').count()).toBe(0);
    await page.getByTestId('reveal-seed-password-input').fill(PASSWORD);
    await page.getByTestId('reveal-seed-submit').click();
    await expect.poll(async () => (await page.getByTestId('revealed-seed').textContent())?.trim()).toBe(ABANDON);
    await page.close();
  });

  it('never overwrites an existing vault', async () => {
    const page = await wb.openPopup();
    const before = await storedVault(page);
    const reply: unknown = await page.evaluate(
      async (m): Promise<unknown> => chrome.runtime.sendMessage({ channel: 'duowallet:internal', method: 'wallet_import', params: { mnemonic: m, password: 'another password' } }),
      'legal winner thank year wave sausage worth useful legal winner thank yellow',
    );
    expect(reply).toMatchObject({ ok: false, error: { data: { reason: 'vault_exists' } } });
    expect(await storedVault(page)).toBe(before);
    await page.close();
  });
});
