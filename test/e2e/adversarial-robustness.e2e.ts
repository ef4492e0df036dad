import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ethAddressOf, internal, JUNK, startAdversarialWallet, sleep, storageLocal } from './helpers/adversarial';
import { answer, approvalWindow } from './helpers/approval';
import { forwardedMethods, PAGE_FIRE, realBtcMethods, realMethods, sampleRequests, type FuzzRequest } from './helpers/fuzz';
import { ROOT } from './helpers/paths';
import { rpc } from './helpers/rpc';
import type { WalletBrowser } from './helpers/wallet-browser';
import { WorkerCdp } from './helpers/worker-cdp';

// Adversarial suite, part 4 (issue 7, cases 18, 19, 21): a fuzzer and a flood through the real
// provider, and the supply-chain gate.

const ACCOUNT0 = ethAddressOf(JUNK, 0).toLowerCase();
const SEED = Number(process.env['ADV_FUZZ_SEED'] ?? 20260423);

type Outcome = { state: 'pending' } | { state: 'result' } | { state: 'error'; code: unknown; message: unknown; isError: boolean; reason?: unknown };

/** Answers from the node itself (forwarded read-only methods) may be anything the node says. */
const FORWARDED = forwardedMethods();

/**
 * An unexpected crash: the worker's catch-all (-32603, data.reason 'internal') or the inpage
 * script's ("Internal error" for an answer it could not read). A wallet method never answers so.
 */
const crashed = (o: Outcome) => o.state === 'error' && o.code === -32603 && (o.reason === 'internal' || o.message === 'Internal error');

const approvalPages = (wb: WalletBrowser) => wb.context.pages().filter((p) => !p.isClosed() && p.url().includes('/popup.html') && p.url().includes('approve'));

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

describe('adversarial: fuzzing and flooding the provider', () => {
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let base: string;
  let other: string;
  let q: Page;

  beforeAll(async () => {
    const env = await startAdversarialWallet();
    ({ wb, q } = env);
    stopAll = env.stopServers;
    base = env.base;
    other = base.replace('localhost', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  async function pendingApprovals(origin: string): Promise<number> {
    const r = (await internal(q, 'approvals_list')) as { ok: boolean; result?: { approvals: { origin: string }[] } };
    return r.result?.approvals.filter((a) => a.origin === origin).length ?? -1;
  }

  /** What storage.session holds of approvals: nothing once every request was answered. */
  async function storedApprovals(): Promise<unknown> {
    return (await q.evaluate(() => chrome.storage.session.get('approvals')))['approvals'] ?? [];
  }

  /** Closes the approval window (if any): every request still waiting is rejected with 4001. */
  async function closeApprovalWindows(): Promise<void> {
    for (const p of approvalPages(wb)) await p.close().catch(() => undefined);
    await expect.poll(() => approvalPages(wb).length).toBe(0);
  }

  /**
   * Fires `requests` from `page` in batches and waits for each batch until every request is
   * answered, except those waiting for the user (no more than the approvals pending for the
   * origin). Returns the indexes still pending.
   */
  async function fuzzPhase(page: Page, requests: FuzzRequest[], stats: { maxWindows: number; batches: number; hung: string[] }, target: 'eth' | 'btc' = 'eth'): Promise<void> {
    const origin = new URL(page.url()).origin;
    const BATCH = 250;
    for (let offset = 0; offset < requests.length; offset += BATCH) {
      const batch = requests.slice(offset, offset + BATCH);
      await page.evaluate(PAGE_FIRE, { offset, requests: batch, target });
      const deadline = Date.now() + 45_000;
      let stableSince = 0;
      for (;;) {
        const pending = await page.evaluate(
          ([from, to]) => {
            const store = (window as unknown as { advFuzz: Record<number, { state: string }> }).advFuzz;
            let n = 0;
            for (let i = from; i < to; i++) if (store[i]?.state === 'pending') n++;
            return n;
          },
          [0, offset + batch.length] as const,
        );
        const waiting = await pendingApprovals(origin);
        stats.maxWindows = Math.max(stats.maxWindows, approvalPages(wb).length);
        if (pending <= waiting) {
          if (!stableSince) stableSince = Date.now();
          if (Date.now() - stableSince > 300) break;
        } else stableSince = 0;
        if (Date.now() > deadline) {
          stats.hung.push(`batch at ${offset}: ${pending} unanswered, ${waiting} approvals pending`);
          break;
        }
        await sleep(100);
      }
      stats.batches++;
    }
  }

  /**
   * The requests of `page` still waiting for the user (no more than one site's worth of
   * approvals, 5, however the requests raced): closing the window rejects each with `code`.
   */
  async function rejectWaiting(page: Page, code: number): Promise<number[]> {
    const waiting = await page.evaluate(() =>
      Object.entries((window as unknown as { advFuzz: Record<number, { state: string }> }).advFuzz)
        .filter(([, o]) => o.state === 'pending')
        .map(([i]) => Number(i)),
    );
    expect(waiting.length).toBeLessThanOrEqual(5);
    await closeApprovalWindows();
    await expect
      .poll(() => page.evaluate((ids) => ids.map((i) => (window as unknown as { advFuzz: Record<number, { state: string; code?: unknown }> }).advFuzz[i]), waiting), { timeout: 15_000 })
      .toEqual(waiting.map((): unknown => expect.objectContaining({ state: 'error', code })));
    return waiting;
  }

  /** Checks every outcome; returns counts by result / error code. */
  async function outcomes(page: Page, requests: FuzzRequest[]): Promise<{ byCode: Record<string, number>; bad: string[] }> {
    const all = await page.evaluate(() => (window as unknown as { advFuzz: Record<number, Outcome> }).advFuzz);
    const byCode: Record<string, number> = {};
    const bad: string[] = [];
    requests.forEach((r, i) => {
      const o = all[i];
      const key = !o ? 'missing' : o.state === 'error' ? String(o.code) : o.state;
      byCode[key] = (byCode[key] ?? 0) + 1;
      const wellFormed = o && (o.state === 'result' || (o.state === 'error' && typeof o.code === 'number' && Number.isInteger(o.code) && typeof o.message === 'string' && o.message.length > 0 && o.isError));
      const valid = wellFormed && !(crashed(o) && !FORWARDED.has(r.method));
      if (!valid && bad.length < 10) bad.push(`#${i} ${r.shape} ${JSON.stringify(r.method).slice(0, 60)} ${(r.params ?? '').slice(0, 120)} → ${JSON.stringify(o)}`);
    });
    return { byCode, bad };
  }

  it('[A18] fuzzer: 10,000+ random and mutated requests through window.ethereum.request → each a result or a valid EIP-1193 error, never an unexpected crash (-32603 internal) from a method the wallet answers itself, waiting ones 4001 once the window closes; worker alive; storage.local byte-identical; no approval left in storage.session; nothing sent', { timeout: 600_000 }, async ({ annotate }) => {
    const methods = realMethods();
    expect(methods.length).toBeGreaterThan(30);
    const t0 = Date.now();
    const report: string[] = [];
    const stats = { maxWindows: 0, batches: 0, hung: [] as string[] };
    let total = 0;

    // Phase 1: a page that is not connected. Phase 2: connected (its signing paths parse params
    // and can open approvals). wallet_revokePermissions is left out of phase 2: it lets a site
    // disconnect itself, a legitimate storage write.
    for (const phase of ['unconnected', 'connected'] as const) {
      const dapp = await wb.context.newPage();
      await dapp.goto(`${phase === 'connected' ? base : other}dapp/index.html`);
      await dapp.waitForFunction(() => (window as unknown as { ethereum?: { chainId: string | null } }).ethereum?.chainId === '0x7a69');
      if (phase === 'connected') {
        const c = rpc(dapp, 'eth_requestAccounts');
        await answer(wb.context, 'connect', true);
        expect(await c).toEqual({ result: [ACCOUNT0] });
      }
      const nonce = (await rpc(dapp, 'eth_getTransactionCount', [ACCOUNT0, 'latest'])).result;
      const storageBefore = await storageLocal(q);
      const list = phase === 'connected' ? methods.filter((m) => m !== 'wallet_revokePermissions') : methods;
      const requests = sampleRequests(list, phase === 'connected' ? 6000 : 4200, SEED + (phase === 'connected' ? 1 : 0));
      total += requests.length;
      await fuzzPhase(dapp, requests, stats);

      // The ones waiting for the user: closing the window rejects each with 4001.
      const waiting = await rejectWaiting(dapp, 4001);
      const { byCode, bad } = await outcomes(dapp, requests);
      expect(bad, `invalid answers (phase ${phase}, seed ${SEED})`).toEqual([]);

      // Alive, unchanged, nothing sent.
      expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x7a69' });
      expect(await internal(q, 'wallet_getState')).toMatchObject({ ok: true, result: { unlocked: true } });
      expect(await storageLocal(q), `storage.local changed in phase ${phase}`).toBe(storageBefore);
      expect(await storedApprovals(), `approvals left in storage.session after phase ${phase}`).toEqual([]);
      expect((await rpc(dapp, 'eth_getTransactionCount', [ACCOUNT0, 'latest'])).result).toBe(nonce);
      report.push(`${phase}: ${requests.length} requests, ${waiting.length} waited for the user (→ 4001); answers ${JSON.stringify(byCode)}`);
      if (phase === 'connected') await internal(q, 'sites_disconnect', { origin: new URL(base).origin });
      await dapp.close();
    }
    expect(stats.hung).toEqual([]);
    expect(stats.maxWindows).toBeLessThanOrEqual(1);
    expect(total).toBeGreaterThanOrEqual(10_000);
    await annotate(`seed ${SEED}; ${total} requests in ${((Date.now() - t0) / 1000).toFixed(0)} s (${stats.batches} batches of ≤250); max approval windows open: ${stats.maxWindows}; ${report.join('; ')}`);
  });

  it('[A18] Bitcoin: 3,000 random and mutated requests through sats-connect-style request() → each a result or an error envelope with a code, never an internal crash, waiting ones rejected when the window closes; worker alive; storage.local byte-identical; no approval left in storage.session', { timeout: 300_000 }, async ({ annotate }) => {
    const methods = realBtcMethods();
    expect(methods).toEqual(expect.arrayContaining(['getAddresses', 'signMessage', 'signPsbt', 'sendTransfer']));
    const stats = { maxWindows: 0, batches: 0, hung: [] as string[] };
    const report: string[] = [];
    for (const phase of ['unconnected', 'connected'] as const) {
      const dapp = await wb.context.newPage();
      await dapp.goto(`${phase === 'connected' ? base : other}dapp/index.html`);
      if (phase === 'connected') {
        const c = dapp.evaluate(() => (window as unknown as { duowallet: { satsConnect: { request(m: string, p: unknown): Promise<unknown> } } }).duowallet.satsConnect.request('getAddresses', { purposes: ['payment'] }));
        await answer(wb.context, 'connect', true);
        expect(await c).toMatchObject({ result: { addresses: [{ purpose: 'payment' }] } });
      }
      const storageBefore = await storageLocal(q);
      const requests = sampleRequests(methods, phase === 'connected' ? 2000 : 1000, SEED + (phase === 'connected' ? 11 : 10));
      await fuzzPhase(dapp, requests, stats, 'btc');
      // sats-connect's code for a user rejection (the wallet's 4001) is -32000.
      const waiting = await rejectWaiting(dapp, -32000);
      const { byCode, bad } = await outcomes(dapp, requests);
      expect(bad, `invalid answers (bitcoin, phase ${phase}, seed ${SEED})`).toEqual([]);
      expect(await internal(q, 'wallet_getState')).toMatchObject({ ok: true, result: { unlocked: true } });
      expect(await storageLocal(q), `storage.local changed in bitcoin phase ${phase}`).toBe(storageBefore);
      expect(await storedApprovals(), `approvals left in storage.session after bitcoin phase ${phase}`).toEqual([]);
      report.push(`${phase}: ${requests.length} requests, ${waiting.length} waited (→ -32000); answers ${JSON.stringify(byCode)}`);
      if (phase === 'connected') await internal(q, 'sites_disconnect', { origin: new URL(base).origin });
      await dapp.close();
    }
    expect(stats.hung).toEqual([]);
    expect(stats.maxWindows).toBeLessThanOrEqual(1);
    await annotate(`bitcoin: ${report.join('; ')}`);
  });

  it('[A19] a page flooding 1,000 requests (personal_sign + eth_requestAccounts from two origins) → at most one approval window, the rest -32002; worker heap bounded', { timeout: 180_000 }, async ({ annotate }) => {
    const signer = await wb.context.newPage();
    await signer.goto(`${base}dapp/index.html`);
    const c = rpc(signer, 'eth_requestAccounts');
    await answer(wb.context, 'connect', true);
    expect(await c).toEqual({ result: [ACCOUNT0] });
    const asker = await wb.context.newPage();
    await asker.goto(`${other}dapp/index.html`);
    await asker.waitForFunction(() => (window as unknown as { ethereum?: { chainId: string | null } }).ethereum?.chainId === '0x7a69');

    const worker = await WorkerCdp.attach(wb);
    const sessionBytes = () => q.evaluate(() => chrome.storage.session.getBytesInUse(null));
    try {
      const heapBefore = (await worker.heapUsage()).usedSize;
      const sessionBefore = await sessionBytes();
      let maxWindows = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          maxWindows = Math.max(maxWindows, approvalPages(wb).length);
          await sleep(25);
        }
      })();
      const flood = (page: Page, method: string, params: unknown[] | undefined, n: number) =>
        page.evaluate(
          ([m, p, count]) => {
            const w = window as unknown as { advFlood: { code: number | 'ok' | 'pending' }[]; ethereum: { request(a: unknown): Promise<unknown> } };
            w.advFlood = [];
            for (let i = 0; i < count; i++) {
              const slot = { code: 'pending' as number | 'ok' | 'pending' };
              w.advFlood.push(slot);
              w.ethereum.request(p ? { method: m, params: p } : { method: m }).then(
                () => (slot.code = 'ok'),
                (e: { code: number }) => (slot.code = e.code),
              );
            }
          },
          [method, params, n] as const,
        );
      const t0 = Date.now();
      await Promise.all([flood(signer, 'personal_sign', ['0x6869', ACCOUNT0], 500), flood(asker, 'eth_requestAccounts', undefined, 500)]);
      const tally = (page: Page) =>
        page.evaluate(() => {
          const out: Record<string, number> = {};
          for (const s of (window as unknown as { advFlood: { code: unknown }[] }).advFlood) out[String(s.code)] = (out[String(s.code)] ?? 0) + 1;
          return out;
        });
      // Everything answered except what waits for the user.
      await expect.poll(async () => ((await tally(signer))['pending'] ?? 0) + ((await tally(asker))['pending'] ?? 0), { timeout: 60_000 }).toBeLessThanOrEqual(6);
      await sleep(500);
      const ms = Date.now() - t0;
      const signed = await tally(signer);
      const asked = await tally(asker);
      const heapPeak = (await worker.heapUsage()).usedSize;
      const sessionPeak = await sessionBytes();
      sampling = false;
      await sampler;

      expect(maxWindows).toBe(1);
      // One site may hold 5 approvals; everything else is "already pending".
      expect(signed['pending']).toBe(5);
      expect(signed['-32002']).toBe(495);
      expect(asked['pending']).toBe(1); // a second connect from the same site is a duplicate
      expect(asked['-32002']).toBe(499);
      expect(await pendingApprovals(new URL(base).origin)).toBe(5);
      expect(await pendingApprovals(new URL(other).origin)).toBe(1);

      // The window is one request at a time; closing it rejects all six with 4001.
      const win = await approvalWindow(wb.context, '[data-approval-id]');
      await win.close();
      await expect.poll(async () => [(await tally(signer))['4001'], (await tally(asker))['4001']]).toEqual([5, 1]);
      await sleep(500);
      const heapAfter = (await worker.heapUsage()).usedSize;
      const sessionAfter = await sessionBytes();
      expect(heapPeak - heapBefore).toBeLessThan(16 * 1024 * 1024);
      expect(heapAfter - heapBefore).toBeLessThan(8 * 1024 * 1024);
      expect(await rpc(signer, 'eth_chainId')).toEqual({ result: '0x7a69' });
      expect(await storedApprovals()).toEqual([]);
      await annotate(
        `1,000 requests answered in ${ms} ms; max approval windows ${maxWindows}; personal_sign ${JSON.stringify(signed)}, eth_requestAccounts ${JSON.stringify(asked)}; worker heap before/peak/after: ${mb(heapBefore)} / ${mb(heapPeak)} / ${mb(heapAfter)}; storage.session ${(sessionBefore / 1024).toFixed(0)} KB → ${(sessionPeak / 1024).toFixed(0)} KB → ${(sessionAfter / 1024).toFixed(0)} KB`,
      );
    } finally {
      await worker.detach();
      await internal(q, 'sites_disconnect', { origin: new URL(base).origin });
      await signer.close();
      await asker.close();
    }
  });
});

describe('adversarial: supply chain', () => {
  const script = resolve(ROOT, 'scripts/check-supply-chain.mjs');
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  let tmp: string;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'duowallet-supply-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('[A21] check-supply-chain: the real build passes; eval( / new Function( in the bundle or an unlisted install script fails; allow-file entries need a reason', () => {
    // The build and lock file as they are.
    const real = run();
    expect(real.status, real.stdout + real.stderr).toBe(0);

    // A bundle with real eval and Function constructors, and a method merely named eval.
    const dist = join(tmp, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'background.js'), 'const poly = { eval(a, b) { return a + b; } };\nexport const x = poly.eval(1, 2);\n');
    writeFileSync(join(dist, 'assets', 'popup-abc.js'), 'export const y = eval("1 + 1");\nexport const f = new Function("a", "return a");\nconst e = eval; export const z = (0, e)("2");\n');
    const bad = run('--dist', dist);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/assets\/popup-abc\.js:1:\d+: eval\(…\)/);
    expect(bad.stderr).toMatch(/assets\/popup-abc\.js:2:\d+: new Function\(…\)/);
    expect(bad.stderr).toMatch(/assets\/popup-abc\.js:3:\d+: reference to eval/);
    expect(bad.stderr).not.toMatch(/background\.js/);

    // Listed with a reason: passes. Listed without one: the allow-file itself is refused.
    const allow = join(tmp, 'allow-eval.txt');
    writeFileSync(allow, 'assets/popup-*.js | eval("1 + 1") | test fixture\nassets/popup-*.js | new Function("a" | test fixture\nassets/popup-*.js | const e = eval | test fixture\n');
    expect(run('--dist', dist, '--allow-eval', allow).status).toBe(0);
    writeFileSync(allow, 'assets/popup-*.js | eval("1 + 1")\n');
    const noReason = run('--dist', dist, '--allow-eval', allow);
    expect(noReason.status).toBe(1);
    expect(noReason.stderr).toMatch(/expected 3 non-empty fields/);

    // A new dependency with an install script.
    const lock = join(tmp, 'package-lock.json');
    writeFileSync(lock, JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, 'node_modules/evil-postinstall': { version: '1.0.0', hasInstallScript: true }, 'node_modules/esbuild': { version: '9.9.9', hasInstallScript: true } } }));
    const unlisted = run('--lock', lock);
    expect(unlisted.status).toBe(1);
    expect(unlisted.stderr).toMatch(/node_modules\/evil-postinstall \(evil-postinstall@1\.0\.0\) has an install script/);
    expect(unlisted.stderr).not.toMatch(/esbuild/); // listed in .ci/allow-install-scripts.txt
    const allowInstall = join(tmp, 'allow-install.txt');
    writeFileSync(allowInstall, 'esbuild | listed\nevil-postinstall@1.0.0 | reviewed: only prints a banner\n');
    expect(run('--lock', lock, '--allow-install', allowInstall).status).toBe(0);
  });
});
