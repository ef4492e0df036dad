import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What screen readers are told, in two views: Playwright's ARIA snapshot (roles, names, text
 * as the DOM defines them) and Chrome's own accessibility tree over CDP, which also holds what
 * the snapshot leaves out, such as the "1. " markers of an ordered list.
 */
interface AxNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
  childIds?: string[];
}

async function chromeAxTree(page: Page): Promise<Map<string, AxNode>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return new Map(nodes.map((n) => [n.nodeId, n]));
  } finally {
    await cdp.detach();
  }
}

/** The text a node reads as: its name, or its descendants' text in order. */
function spoken(tree: Map<string, AxNode>, node: AxNode): string {
  if (node.role?.value === 'StaticText' || node.role?.value === 'ListMarker') return node.name?.value ?? '';
  return (node.childIds ?? []).map((id) => tree.get(id)).filter((n): n is AxNode => !!n && !n.ignored).map((n) => spoken(tree, n)).join('');
}

/** Snapshot lines compared without YAML quoting. */
const unquoted = (s: string) => s.replace(/\\?["']/g, '');

/**
 * The seed phrase is an ordered list named with its length, read item by item as "1. word",
 * "2. word"…: one word per item (snapshot), each item led by its number (Chrome's tree).
 */
export async function expectSeedReadAloud(page: Page, words: string[]): Promise<void> {
  const list = page.getByTestId('seed-word-1').locator('xpath=ancestor::ol[1]');
  const label = (await list.getAttribute('aria-label')) ?? '';
  expect(label).toContain(String(words.length));
  const snapshot = unquoted(await list.ariaSnapshot());
  expect(snapshot).toBe(unquoted([`- list "${label}":`, ...words.map((w) => `  - listitem: ${w}`)].join('\n')));

  const tree = await chromeAxTree(page);
  const lists = [...tree.values()].filter((n) => !n.ignored && n.role?.value === 'list' && n.name?.value === label);
  expect(lists, 'one list with that name in Chrome’s tree').toHaveLength(1);
  const items = (lists[0]!.childIds ?? []).map((id) => tree.get(id)!).filter((n) => !n.ignored);
  expect(items.map((n) => n.role?.value)).toEqual(words.map(() => 'listitem'));
  expect(items.map((n) => spoken(tree, n).trim())).toEqual(words.map((w, i) => `${i + 1}. ${w}`));
}

/**
 * The visible form error is announced: an alert in the snapshot with its text, and an
 * assertive live region in Chrome's tree.
 */
export async function expectErrorAnnounced(page: Page): Promise<void> {
  const error = page.locator('[data-testid="form-error"]:visible');
  const text = ((await error.textContent()) ?? '').trim();
  expect(text).not.toBe('');
  const snapshot = await page.locator('main').ariaSnapshot();
  const alerts = snapshot.split('\n').filter((l) => /^\s*- alert\b/.test(l));
  expect(alerts.map(unquoted), snapshot).toContainEqual(expect.stringContaining(unquoted(text)) as unknown);

  const tree = await chromeAxTree(page);
  const alert = [...tree.values()].find((n) => !n.ignored && n.role?.value === 'alert' && spoken(tree, n).trim() === text);
  expect(alert, `an alert reading "${text}" in Chrome’s tree`).toBeDefined();
  const live = alert!.properties?.find((p) => p.name === 'live')?.value.value;
  expect(live).toBe('assertive');
}
