import type { Page } from 'playwright-core';

/** What has focus, named by data-testid, else #id, else tag (and text) — for focus-order messages. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const testid = el.getAttribute('data-testid');
    if (testid) return testid;
    if (el.id && !el.id.includes(':')) return `#${el.id}`;
    return `${el.tagName.toLowerCase()}(${(el.textContent ?? '').trim().slice(0, 30)})`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` (a data-testid or #id) has focus. Throws with the
 * focus order it walked through when the target is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: string, { max = 30, backwards = false } = {}): Promise<number> {
  const seen: string[] = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now);
    if (now === target) return i;
  }
  throw new Error(`${target} not reached with ${backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went: ${seen.join(' → ')}`);
}

/** The computed outline of the focused element (style, width, colour). */
export async function focusOutline(page: Page): Promise<{ style: string; width: string; color: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { style: 'none', width: '0px', color: '' };
    const cs = getComputedStyle(el);
    return { style: cs.outlineStyle, width: cs.outlineWidth, color: cs.outlineColor };
  });
}
