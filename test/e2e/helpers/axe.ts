import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The axe-core build injected into pages (a devDependency; never shipped in dist/). */
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

type AxeGlobal = {
  run(ctx: Document, o: unknown): Promise<{
    violations: { id: string; impact: Impact | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
  }>;
};

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules only) on the page as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    try {
      await page.addScriptTag({ path: AXE_PATH });
    } catch (err) {
      // Extension pages forbid inline scripts (CSP script-src 'self'), which is what addScriptTag
      // inserts; evaluating the same source through the DevTools protocol is not subject to it.
      if (!String(err).includes('Content Security Policy')) throw err;
      await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
    }
  }
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: AxeGlobal }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300) })),
    }));
  }, AXE_TAGS);
}

export const isBlocking = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

export function formatViolations(where: string, vs: AxeViolation[]): string {
  return [
    `axe violations on ${where}:`,
    ...vs.flatMap((v) => [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...v.nodes.map((n) => `      ${n.target}  ${n.html}\n        ${n.summary}`)]),
  ].join('\n');
}

/** Per screen, per column (e.g. "en light"): how many violations of each impact axe found. */
export class AxeSummary {
  private readonly rows = new Map<string, Map<string, Record<Impact, number>>>();
  private readonly columns: string[] = [];

  add(screen: string, column: string, vs: AxeViolation[]): void {
    if (!this.columns.includes(column)) this.columns.push(column);
    const counts: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of vs) if (v.impact) counts[v.impact] += 1;
    const row = this.rows.get(screen) ?? new Map<string, Record<Impact, number>>();
    row.set(column, counts);
    this.rows.set(screen, row);
  }

  /** A Markdown table: "0" when clean, else "serious 1, minor 2"; "—" when not run. */
  table(): string {
    const cell = (c?: Record<Impact, number>) => {
      if (!c) return '—';
      const parts = IMPACTS.filter((i) => c[i] > 0).map((i) => `${i} ${c[i]}`);
      return parts.length ? parts.join(', ') : '0';
    };
    const lines = [`| screen | ${this.columns.join(' | ')} |`, `| --- | ${this.columns.map(() => '---').join(' | ')} |`];
    for (const [screen, row] of this.rows) lines.push(`| ${screen} | ${this.columns.map((c) => cell(row.get(c))).join(' | ')} |`);
    return lines.join('\n');
  }
}
