import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const isApproval = (p: Page) => p.url().includes('/popup.html') && p.url().includes('approve');

/** The approval window (already open, or the next one to open). */
export async function approvalWindow(context: BrowserContext): Promise<Page> {
  const open = context.pages().find((p) => isApproval(p) && !p.isClosed());
  return open ?? (await context.waitForEvent('page', { predicate: isApproval, timeout: 15_000 }));
}

/** Waits for a request of this kind in the approval window, then answers it. */
export async function answer(context: BrowserContext, kind: string, approve: boolean): Promise<Page> {
  let page = await approvalWindow(context);
  try {
    await page.locator(`[data-testid="approval-kind"][data-kind="${kind}"]`).waitFor({ timeout: 15_000 });
  } catch (err) {
    // The window we found was closing (nothing was pending for a moment): the next request opens a new one.
    if (!page.isClosed()) throw err;
    page = await approvalWindow(context);
    await page.locator(`[data-testid="approval-kind"][data-kind="${kind}"]`).waitFor({ timeout: 15_000 });
  }
  // The buttons ignore clicks for 500 ms after a request shows (anti click-jacking).
  await page.waitForTimeout(600);
  await page.getByTestId(approve ? 'approve-button' : 'reject-button').click();
  return page;
}

export async function warningsOf(page: Page): Promise<string[]> {
  return page.getByTestId('approval-warning').allTextContents();
}

export function expectRpcError(err: unknown, code: number): void {
  expect(err).toMatchObject({ code });
}
