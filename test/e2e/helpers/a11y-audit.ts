import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatViolations, isBlocking, runAxe, type AxeSummary } from './axe';

export const LANGS = ['en', 'zh_CN'] as const;
export type Lang = (typeof LANGS)[number];
const SCHEMES = ['light', 'dark'] as const;

/** Runs axe in both colour schemes; records counts; fails (softly, so every screen is checked) on serious/critical. */
export async function audit(summary: AxeSummary, page: Page, screen: string, lang: Lang): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    // The theme really switched (the page background follows prefers-color-scheme).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
    const violations = await runAxe(page);
    summary.add(screen, `${lang} ${scheme}`, violations);
    const blocking = violations.filter(isBlocking);
    if (violations.length) console.log(formatViolations(`${screen} (${lang}, ${scheme})`, violations));
    expect.soft(blocking.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), `${screen} (${lang}, ${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** settings_set from an extension page (works before a wallet exists), then a reload to render it. */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page.evaluate(async (language) => {
    const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean }>({ channel: 'duowallet:internal', method: 'settings_set', params: { language } });
    if (!reply.ok) throw new Error('settings_set failed');
  }, lang);
  await page.reload();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh_CN' ? 'zh-CN' : 'en');
}
