import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const isApproval = (p: Page) => !p.isClosed() && p.url().includes('/popup.html') && p.url().includes('approve');

async function showing(p: Page, selector: string): Promise<boolean> {
  try {
    return (await p.locator(selector).count()) > 0;
  } catch {
    return false; // closed meanwhile
  }
}

/**
 * The approval window once it shows a request (or the unlock screen) — not a window that
 * is closing after its last answer. Waits for a new window when none is open.
 */
export async function approvalWindow(context: BrowserContext, selector = '[data-approval-id], [data-testid="unlock-screen"]'): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const p of context.pages().filter(isApproval)) if (await showing(p, selector)) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no approval window showing ${selector}`);
}

/** Until the shown request's buttons take clicks (they ignore them for 500 ms after it shows, against click-jacking). */
export async function untilArmed(page: Page): Promise<void> {
  await page.locator('[data-testid="approval-screen"][data-armed="true"]').waitFor({ timeout: 15_000 });
}

/** Waits for a request of this kind in the approval window, then answers it. */
export async function answer(context: BrowserContext, kind: string, approve: boolean): Promise<Page> {
  const page = await approvalWindow(context, `[data-testid="approval-kind"][data-kind="${kind}"]`);
  const id = await page.getByTestId('approval-screen').getAttribute('data-approval-id');
  await untilArmed(page);
  // The background closes the window once its last request is answered, so the click may
  // outlive the page; that is the success case, not an error.
  await page
    .getByTestId(approve ? 'approve-button' : 'reject-button')
    .click()
    .catch((err: unknown) => {
      if (!page.isClosed()) throw err;
    });
  // Answered once this request has left the window (or the window closed).
  await Promise.race([
    page.waitForEvent('close'),
    page.waitForFunction((i) => !document.querySelector(`[data-approval-id="${i}"]`), id, { timeout: 15_000 }),
  ]).catch(() => undefined);
  return page;
}

export async function warningsOf(page: Page): Promise<string[]> {
  return page.getByTestId('approval-warning').allTextContents();
}

export function expectRpcError(err: unknown, code: number): void {
  expect(err).toMatchObject({ code });
}

/**
 * Answers the approval `pending` waits for, then returns its answer. If the request settles
 * before its window shows (refused early, say), the test fails at once with what it answered
 * instead of timing out waiting for a window that never comes.
 */
export async function answered<T>(pending: Promise<T>, context: BrowserContext, kind: string, approve: boolean): Promise<T> {
  const early = Symbol('early');
  const showing = approvalWindow(context, `[data-testid="approval-kind"][data-kind="${kind}"]`).then(() => null);
  showing.catch(() => undefined); // a failure only matters if the request is still waiting
  const first = await Promise.race([showing, pending.then(() => early, () => early)]);
  if (first === early) {
    const value = await pending.catch((e: unknown) => e);
    throw new Error(`the request answered before its ${kind} approval showed: ${JSON.stringify(value)}`);
  }
  await answer(context, kind, approve);
  return pending;
}
