import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, addresses, expectScreen } from './helpers/flows';
import { WalletBrowser } from './helpers/wallet-browser';

describe('create a new wallet', () => {
  let wb: WalletBrowser;
  beforeAll(async () => {
    wb = await WalletBrowser.launch();
  });
  afterAll(async () => {
    await wb?.close();
  });

  it('shows 12 words, insists on the quiz, then sets the password and shows the addresses', async () => {
    const page = await wb.openPopup();
    await expectScreen(page, 'onboarding-screen');
    await page.getByTestId('onboarding-create').click();
    await page.getByTestId('seed-word-12').waitFor();
    const words: string[] = [];
    for (let i = 1; i <= 12; i++) words.push(((await page.getByTestId(`seed-word-${i}`).textContent()) ?? '').trim());
    expect(words.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    await page.getByTestId('seed-continue').click();

    const asked = await page.locator('[data-testid^="seed-quiz-input-"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-testid')?.split('-').pop())));
    expect(asked.length).toBe(3);
    // A wrong answer keeps the user on the quiz.
    for (const n of asked) await page.getByTestId(`seed-quiz-input-${n}`).fill('wrong');
    await page.getByTestId('seed-quiz-submit').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/does not match/);
    for (const n of asked) await page.getByTestId(`seed-quiz-input-${n}`).fill(words[n - 1]!);
    await page.getByTestId('seed-quiz-submit').click();

    await page.getByTestId('password-input').fill(PASSWORD);
    await page.getByTestId('password-confirm-input').fill(PASSWORD);
    await page.getByTestId('create-submit').click();
    await expectScreen(page, 'home-screen');
    const a = await addresses(page);
    expect(a.eth).toMatch(/^0x[0-9a-fA-F]{40}$/);
    // The E2E build starts on Bitcoin regtest (build.mjs --local).
    expect(a.p2wpkh).toMatch(/^bcrt1q[02-9ac-hj-np-z]{38}$/);
    expect(a.p2tr).toMatch(/^bcrt1p[02-9ac-hj-np-z]{58}$/);

    // The backup tip shows once; dismissed, it stays away.
    await page.locator('[data-testid="security-tip"][data-tip="backup"]').waitFor();
    await page.getByTestId('tip-dismiss').click();
    await page.reload();
    await expectScreen(page, 'home-screen');
    await page.getByTestId('account-address-eth').waitFor();
    expect(await page.locator('[data-tip="backup"]').count()).toBe(0);

    // The phrase stored is the one shown.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('reveal-seed-button').click();
    await page.getByTestId('reveal-seed-password-input').fill(PASSWORD);
    await page.getByTestId('reveal-seed-submit').click();
    await expect.poll(async () => (await page.getByTestId('revealed-seed').textContent())?.trim()).toBe(words.join(' '));
    await page.close();
  });
});
