import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { btcAddress } from '../../fixtures/regtest/phrase-addresses';
import { WalletBrowser } from './wallet-browser';

export const PASSWORD = 'correct horse battery';
/** BIP84/BIP86 test vector phrase; its addresses are published in both BIPs. */
export const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
export const ABANDON_ADDRESSES = {
  eth: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
  p2wpkh: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
  p2tr: 'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
};
/** The same phrase on regtest (coin type 1'), where the E2E build starts (build.mjs --local). */
export const ABANDON_REGTEST = {
  eth: ABANDON_ADDRESSES.eth,
  p2wpkh: btcAddress(ABANDON, 'p2wpkh', 'regtest'),
  p2tr: btcAddress(ABANDON, 'p2tr', 'regtest'),
};

/** Picks a Bitcoin network in the home screen's network menu. */
export async function pickBtcNetwork(page: Page, network: 'mainnet' | 'testnet4' | 'signet' | 'regtest'): Promise<void> {
  await page.getByTestId('network-picker').click();
  await page.getByTestId(`network-option-btc-${network}`).click();
}

export async function importWallet(page: Page, mnemonic: string, password = PASSWORD, passphrase?: string): Promise<void> {
  await page.getByTestId('onboarding-import').click();
  await page.getByTestId('import-mnemonic-input').fill(mnemonic);
  if (passphrase) {
    await page.getByTestId('import-advanced-toggle').click();
    await page.getByTestId('import-passphrase-input').fill(passphrase);
  }
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('password-confirm-input').fill(password);
  await page.getByTestId('import-submit').click();
}

export async function addresses(page: Page): Promise<{ eth: string; p2wpkh: string; p2tr: string }> {
  const read = async (id: string) => (await page.getByTestId(id).getAttribute('data-address')) ?? '';
  return { eth: await read('account-address-eth'), p2wpkh: await read('account-address-btc-p2wpkh'), p2tr: await read('account-address-btc-p2tr') };
}

export async function unlock(page: Page, password = PASSWORD): Promise<void> {
  await page.getByTestId('unlock-password-input').fill(password);
  await page.getByTestId('unlock-submit').click();
}

export async function expectScreen(page: Page, id: 'onboarding-screen' | 'unlock-screen' | 'home-screen' | 'settings-screen'): Promise<void> {
  await page.getByTestId(id).waitFor({ state: 'visible', timeout: 15_000 });
  expect(await page.getByTestId(id).isVisible()).toBe(true);
}

/** Reads chrome.storage.local from the service worker: what is on disk for the vault. */
export async function storedVault(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => (await chrome.storage.local.get('vault'))['vault'] as string | undefined);
}

/** A new browser whose wallet is imported from `mnemonic`, with the popup on the home screen. */
export async function launchWithWallet(mnemonic: string, password = PASSWORD): Promise<{ wb: WalletBrowser; popup: Page }> {
  const wb = await WalletBrowser.launch();
  const popup = await wb.openPopup();
  await importWallet(popup, mnemonic, password);
  await expectScreen(popup, 'home-screen');
  return { wb, popup };
}
