import { recoverPersonalSignature } from '@metamask/eth-sig-util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalWindow, untilArmed } from './helpers/approval';
import { ABANDON, ABANDON_ADDRESSES, expectScreen, PASSWORD } from './helpers/flows';
import { focused, focusOutline, tabTo } from './helpers/keyboard';
import { servePages, type Service } from './helpers/local-services';
import { WalletBrowser } from './helpers/wallet-browser';

/**
 * The whole path without a mouse: only page.keyboard (Tab, Shift+Tab, Enter, Space, Escape,
 * typing) drives the wallet and the dApp page. No .click(), no .fill().
 */
const ACCOUNT = ABANDON_ADDRESSES.eth.toLowerCase();
const SIGNED_TEXT = 'Hello from the demo dApp'; // what the demo dApp's "Sign a message" asks to sign

async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const o = await focusOutline(page);
  expect(o.style, `${what} has a visible focus outline`).not.toBe('none');
  expect(parseFloat(o.width), `${what} outline width`).toBeGreaterThanOrEqual(2);
}

const dappLog = (dapp: Page) => dapp.locator('#log').textContent().then((t) => t ?? '');

/** Resolves once the answered request has left its window (or the window closed), so the next wait finds the next request. */
async function settled(win: Page, id: string | null): Promise<void> {
  await Promise.race([
    win.waitForEvent('close'),
    win.waitForFunction((i) => !document.querySelector(`[data-approval-id="${i}"]`), id, { timeout: 15_000 }),
  ]).catch(() => undefined);
}

/** A key press that answers a request: the window may close before the key is released. */
async function pressAnswering(win: Page, key: string): Promise<void> {
  await win.keyboard.press(key).catch((err: unknown) => {
    if (!win.isClosed()) throw err;
  });
}

describe('keyboard only: import → lock → unlock → connect → sign', () => {
  let wb: WalletBrowser;
  let pages: Service;
  let dapp: Page;

  beforeAll(async () => {
    pages = await servePages();
    wb = await WalletBrowser.launch();
  });

  afterAll(async () => {
    await wb?.close();
    await pages?.stop();
  });

  it('imports a phrase, locks and unlocks', async () => {
    const page = await wb.openPopup();
    await expectScreen(page, 'onboarding-screen');
    await tabTo(page, 'onboarding-import');
    await expectVisibleFocus(page, 'onboarding-import');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-screen').waitFor();

    await tabTo(page, 'import-mnemonic-input');
    await expectVisibleFocus(page, 'import-mnemonic-input');
    await page.keyboard.type(ABANDON);
    // Space toggles the "advanced" disclosure and back.
    await tabTo(page, 'import-advanced-toggle');
    await page.keyboard.press('Space');
    expect(await page.getByTestId('import-advanced-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('import-passphrase-input').waitFor();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('import-advanced-toggle').getAttribute('aria-expanded')).toBe('false');

    await tabTo(page, 'password-input', { max: 3 });
    await page.keyboard.type(PASSWORD);
    await tabTo(page, 'password-confirm-input', { max: 1 });
    await page.keyboard.type('typo');
    // Shift+Tab goes back; then forward again to fix the confirmation.
    await tabTo(page, 'password-input', { max: 1, backwards: true });
    await tabTo(page, 'password-confirm-input', { max: 1 });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter'); // submits the form
    await expectScreen(page, 'home-screen');

    // A menu opens with Enter and closes with Escape, focus back on its button.
    await tabTo(page, 'network-picker');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('network-picker').getAttribute('aria-expanded')).toBe('true');
    await tabTo(page, 'network-option-eth-31337');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('network-picker').getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('network-picker');

    await tabTo(page, 'lock-button', { backwards: true });
    await expectVisibleFocus(page, 'lock-button');
    await page.keyboard.press('Enter');
    await expectScreen(page, 'unlock-screen');
    // The password field has focus at once.
    await expect.poll(() => focused(page)).toBe('unlock-password-input');
    await expectVisibleFocus(page, 'unlock-password-input');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expectScreen(page, 'home-screen');
    await page.close();
  });

  it('a dApp asks for accounts; the approval is given with Tab and Enter', async () => {
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
    await tabTo(dapp, '#connect');
    await dapp.keyboard.press('Enter');

    const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="connect"]');
    const id = await win.getByTestId('approval-screen').getAttribute('data-approval-id');
    await untilArmed(win);
    await tabTo(win, 'approve-button');
    await expectVisibleFocus(win, 'approve-button');
    await pressAnswering(win, 'Enter');
    await expect.poll(() => dappLog(dapp), { timeout: 15_000 }).toContain(`connect: "${ACCOUNT}"`);
    await settled(win, id);
  });

  it('Escape asks "Reject this request?" first; cancel keeps the request; then personal_sign is approved by keyboard', async () => {
    await tabTo(dapp, '#sign');
    await dapp.keyboard.press('Enter');
    const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="personal_sign"]');
    const id = await win.getByTestId('approval-screen').getAttribute('data-approval-id');
    await untilArmed(win);

    await win.keyboard.press('Escape');
    await win.getByTestId('reject-confirm').waitFor();
    expect(await win.getByTestId('reject-confirm').getAttribute('role')).toBe('alertdialog');
    await expect.poll(() => focused(win)).toBe('reject-confirm-button');
    await expectVisibleFocus(win, 'reject-confirm-button');
    // Nothing was answered yet.
    await win.waitForTimeout(500);
    expect(await win.getByTestId('approval-screen').getAttribute('data-approval-id')).toBe(id);
    expect(await dappLog(dapp)).not.toMatch(/sign/);

    // Cancel (Shift+Tab to it, Space): the confirm goes away, the request stays.
    await tabTo(win, 'reject-confirm-cancel', { max: 1, backwards: true });
    await win.keyboard.press('Space');
    await win.getByTestId('reject-confirm').waitFor({ state: 'detached' });
    // A second Escape opens it again and a third closes it again (Escape = cancel inside the confirm).
    await win.keyboard.press('Escape');
    await win.getByTestId('reject-confirm').waitFor();
    await win.keyboard.press('Escape');
    await win.getByTestId('reject-confirm').waitFor({ state: 'detached' });
    expect(await win.getByTestId('approval-screen').getAttribute('data-approval-id')).toBe(id);

    await tabTo(win, 'approve-button');
    await pressAnswering(win, 'Enter');
    await expect.poll(() => dappLog(dapp), { timeout: 15_000 }).toMatch(/sign: "0x[0-9a-f]{130}"/);
    await settled(win, id);
    const signature = /sign: "(0x[0-9a-f]{130})"/.exec(await dappLog(dapp))![1]!;
    const data = '0x' + Buffer.from(SIGNED_TEXT, 'utf8').toString('hex');
    expect(recoverPersonalSignature({ data, signature })).toBe(ACCOUNT);
  });

  it('Escape then Enter rejects (4001)', async () => {
    if ((await focused(dapp)) !== '#sign') await tabTo(dapp, '#sign'); // focus stayed on the button pressed last
    await dapp.keyboard.press('Enter');
    const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="personal_sign"]');
    await untilArmed(win);
    await win.keyboard.press('Escape');
    await expect.poll(() => focused(win)).toBe('reject-confirm-button');
    await pressAnswering(win, 'Enter');
    await expect.poll(() => dappLog(dapp), { timeout: 15_000 }).toMatch(/sign failed: 4001/);
  });
});
