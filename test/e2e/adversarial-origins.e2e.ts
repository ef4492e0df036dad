import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADV_PASSWORD, ethAddressOf, internal, JUNK, quietPage, startAdversarialWallet, sleep } from './helpers/adversarial';
import { answer, approvalWindow } from './helpers/approval';
import { expectScreen, importWallet } from './helpers/flows';
import { DIST } from './helpers/paths';
import { rpc } from './helpers/rpc';
import { WalletBrowser } from './helpers/wallet-browser';

// Adversarial suite, part 2 (issue 7, cases 7, 8, 10, 11, 12): what a page, a frame or
// another extension can do to the provider, the relay and the approval window.

const ACCOUNT0 = ethAddressOf(JUNK, 0).toLowerCase();
const SPOOF = '0x000000000000000000000000000000000000dead';
const CHANNEL = 'duowallet:provider';

type Eth = {
  request(a: unknown): Promise<unknown>;
  on(e: string, f: (x: unknown) => void): void;
  chainId: string | null;
  selectedAddress: string | null;
  isConnected(): boolean;
};

/** Provider state as the page sees it. */
function providerState(page: Page) {
  return page.evaluate(() => {
    const eth = (window as unknown as { ethereum: Eth }).ethereum;
    return { chainId: eth.chainId, selectedAddress: eth.selectedAddress, connected: eth.isConnected() };
  });
}

/**
 * Tampering a hostile page script does (plain JS source: it is the page's code, not ours).
 * `phase` 'before' runs from an init script (Playwright runs those before our MAIN-world
 * script: measured below), 'after' once the provider is up, where it also goes for the
 * platform accessors and methods the provider itself relies on. Every spoof says 0x…dead or
 * 0x1, so a spoofed answer is recognisable. Its own wrappers use a Reflect.apply captured
 * first, so they keep working after it sabotages Function.prototype.call/apply.
 */
function tamperScript(phase: 'before' | 'after'): string {
  return `(() => {
  const SPOOF_ADDR = '0x000000000000000000000000000000000000dead';
  const w = window;
  const spy = [];
  w.advSpy = spy;
  const ra = Reflect.apply;
  w.advStringify = JSON.stringify;
  w.advPhaseSawProvider = { ethereum: 'ethereum' in window, duowallet: 'duowallet' in window };
  const spoof = (v) => (typeof v === 'string' && v.startsWith('0x') ? '0x1' : Array.isArray(v) ? [SPOOF_ADDR] : v);
  // Prototype pollution with every field name of the wire protocol and of EIP-1193 answers.
  const pollution = {
    result: [SPOOF_ADDR], error: { code: 4001, message: 'spoofed error' }, id: 'spoofed-id',
    channel: 'duowallet:provider', dir: 'res', chain: 'eth', event: 'accountsChanged', data: [SPOOF_ADDR],
    chainId: '0x1', accounts: [SPOOF_ADDR], type: 'res', origin: 'https://spoofed.example',
  };
  for (const k of Object.keys(pollution)) Object.prototype[k] = pollution[k];
  // JSON, Array.prototype, Promise.prototype.then, window.postMessage: wrapped to spy and spoof.
  const parse = JSON.parse;
  JSON.parse = (text) => (spy[spy.length] = ['JSON.parse', text], Object.assign(parse(text), { result: [SPOOF_ADDR] }));
  JSON.stringify = (v) => (spy[spy.length] = ['JSON.stringify', v], '{"result":["' + SPOOF_ADDR + '"]}');
  const push = Array.prototype.push;
  Array.prototype.push = function (...items) {
    const out = [];
    for (const i of items) out[out.length] = typeof i === 'string' && i.startsWith('0x') ? SPOOF_ADDR : i;
    return ra(push, this, out);
  };
  Array.prototype.map = function () { return [SPOOF_ADDR]; };
  const then = Promise.prototype.then;
  Promise.prototype.then = function (f, r) { return ra(then, this, [f ? (v) => f(spoof(v)) : f, r]); };
  const post = window.postMessage;
  window.postMessage = function (m, o, t) {
    spy[spy.length] = ['postMessage', m];
    if (m && typeof m === 'object' && m.channel === 'duowallet:provider') return; // drop the wallet's
    return ra(post, window, [m, o, t]);
  };
  window.addEventListener('message', (e) => { spy[spy.length] = ['message', e.data]; }, true);
  if (${JSON.stringify(phase)} === 'before') return;

  // After load: the platform pieces the provider's own code path touches.
  const ev = MessageEvent.prototype;
  for (const key of ['data', 'source', 'ports']) {
    const d = Object.getOwnPropertyDescriptor(ev, key);
    Object.defineProperty(ev, key, {
      configurable: true,
      get() {
        const real = ra(d.get, this, []);
        spy[spy.length] = ['MessageEvent.' + key, key === 'data' ? real : typeof real];
        if (key === 'data' && real && typeof real === 'object') return Object.assign({}, real, { dir: 'res', result: [SPOOF_ADDR], data: [SPOOF_ADDR] });
        if (key === 'source') return window;
        return real;
      },
    });
  }
  const portPost = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (...a) { spy[spy.length] = ['MessagePort.postMessage', a[0]]; return ra(portPost, this, a); };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (...a) { spy[spy.length] = ['addEventListener', a[0]]; return ra(add, this, a); };
  Event.prototype.stopImmediatePropagation = function () { spy[spy.length] = ['stopImmediatePropagation']; };
  const sabotage = (what) => function () { throw new Error(what + ' sabotaged'); };
  Reflect.apply = sabotage('Reflect.apply');
  Function.prototype.call = sabotage('call');
  Function.prototype.apply = sabotage('apply');
  Function.prototype.bind = sabotage('bind');
  Object.defineProperty = sabotage('defineProperty');
  Object.freeze = (o) => o;
  Object.hasOwn = () => true;
  w.structuredClone = (v) => (spy[spy.length] = ['structuredClone', v], { spoofed: true });
  crypto.getRandomValues = (a) => a;
  w.Error = function SpoofError() { return { code: 4001, message: 'spoofed error' }; };
  w.Promise = sabotage('Promise');
})();`;
}

/** What the page's own code sees from the provider (await only: no .then on the patched prototype). */
async function probe(page: Page) {
  return page.evaluate(async () => {
    const eth = (window as unknown as { ethereum: Eth }).ethereum;
    const ask = async (method: string, params?: unknown) => {
      try {
        const result: unknown = await eth.request(params === undefined ? { method } : { method, params });
        return { result };
      } catch (e) {
        const err = e as { code?: unknown; message?: unknown };
        // (window.Error may be replaced: compare with the real one, reached through TypeError.)
        const RealError = (Object.getPrototypeOf(TypeError.prototype) as { constructor: ErrorConstructor }).constructor;
        return { error: { code: err.code, message: err.message, isError: e instanceof RealError } };
      }
    };
    return {
      chainId: await ask('eth_chainId'),
      accounts: await ask('eth_accounts'),
      signUnconnected: await ask('personal_sign', ['0x6869', '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266']),
      state: { chainId: eth.chainId, selectedAddress: eth.selectedAddress, connected: eth.isConnected() },
    };
  });
}

describe('adversarial: origins, messages and the approval window', () => {
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

  async function freshDapp(url = `${base}dapp/index.html`): Promise<Page> {
    const page = await wb.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { ethereum?: Eth }).ethereum?.chainId === '0x7a69');
    return page;
  }

  it('[A7] forged "res"/"evt" messages on the channel (guessed ids, accountsChanged, chainChanged, from the page and from a frame) resolve nothing and change no provider state; the request gets only the wallet\'s answer', async ({ annotate }) => {
    const dapp = await freshDapp();
    // A cross-origin frame that will forge towards its parent too.
    await dapp.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `${other}dapp/index.html`);
    await expect.poll(() => dapp.frames().filter((f) => f.url().startsWith(other)).length).toBe(1);
    const frame = dapp.frames().find((f) => f.url().startsWith(other))!;

    await dapp.evaluate(() => {
      const w = window as unknown as { advSeen: unknown[]; advEvents: unknown[]; ethereum: Eth };
      w.advSeen = [];
      w.advEvents = [];
      const record = (e: MessageEvent) => {
        const d = e.data as { channel?: string; advForged?: boolean } | null;
        if (d && d.channel === 'duowallet:provider' && !d.advForged) w.advSeen.push(d);
      };
      window.addEventListener('message', record, true);
      window.addEventListener('message', record, false);
      for (const ev of ['accountsChanged', 'chainChanged', 'connect', 'disconnect', 'message']) w.ethereum.on(ev, (x) => w.advEvents.push([ev, x]));
    });
    const before = await providerState(dapp);
    expect(before).toEqual({ chainId: '0x7a69', selectedAddress: null, connected: true });

    // A request that waits for the user.
    const pending = dapp.evaluate(() => {
      const w = window as unknown as { ethereum: Eth; advSettled: unknown };
      w.advSettled = null;
      return w.ethereum.request({ method: 'eth_requestAccounts' }).then(
        (r) => (w.advSettled = { result: r }),
        (e: { code: number }) => (w.advSettled = { error: e.code }),
      );
    });
    const win = await approvalWindow(wb.context, '[data-kind="connect"]');

    // Forge: responses under guessed ids (small integers, UUIDs, hex), every event, a fake handshake.
    const forged = await dapp.evaluate(
      ([channel, spoof]) => {
        let n = 0;
        const post = (m: Record<string, unknown>) => {
          window.postMessage({ ...m, channel, advForged: true }, '*');
          n++;
        };
        const ids: string[] = [];
        for (let i = 0; i < 300; i++) ids.push(String(i), `req-${i}`, i.toString(16));
        for (let i = 0; i < 2000; i++) ids.push(crypto.randomUUID());
        for (const id of ids) {
          post({ dir: 'res', id, result: [spoof] });
          post({ dir: 'res', id, error: { code: 4001, message: 'forged rejection' } });
        }
        post({ dir: 'evt', chain: 'eth', event: 'accountsChanged', data: [spoof] });
        post({ dir: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1' });
        post({ dir: 'evt', chain: 'eth', event: 'connect', data: { chainId: '0x1' } });
        post({ dir: 'evt', chain: 'eth', event: 'disconnect', data: { code: 4900, message: 'forged' } });
        post({ dir: 'evt', chain: 'eth', event: 'message', data: { type: 'forged' } });
        // A second "handshake" with a port the page controls: must not replace the real channel.
        const mc = new MessageChannel();
        mc.port1.onmessage = (e) => ((window as unknown as { advStolen: unknown[] }).advStolen ??= []).push(e.data);
        window.postMessage({ channel, dir: 'port', advForged: true }, '*', [mc.port2]);
        mc.port1.postMessage({ channel, dir: 'evt', chain: 'eth', event: 'accountsChanged', data: [spoof] });
        return n + 1;
      },
      [CHANNEL, SPOOF] as const,
    );
    // The same from a cross-origin child frame, aimed at the parent.
    await frame.evaluate(
      ([channel, spoof]) => {
        for (let i = 0; i < 100; i++) parent.postMessage({ channel, dir: 'res', id: String(i), result: [spoof], advForged: true }, '*');
        parent.postMessage({ channel, dir: 'evt', chain: 'eth', event: 'accountsChanged', data: [spoof], advForged: true }, '*');
        parent.postMessage({ channel, dir: 'evt', chain: 'eth', event: 'chainChanged', data: '0x1', advForged: true }, '*');
      },
      [CHANNEL, SPOOF] as const,
    );
    await sleep(500);

    expect(await dapp.evaluate(() => (window as unknown as { advSettled: unknown }).advSettled)).toBeNull(); // still pending
    expect(await providerState(dapp)).toEqual(before);
    expect(await dapp.evaluate(() => (window as unknown as { advEvents: unknown[] }).advEvents)).toEqual([]);
    expect(await rpc(dapp, 'eth_chainId')).toEqual({ result: '0x7a69' });
    expect(await rpc(dapp, 'eth_accounts')).toEqual({ result: [] });
    // Nothing of the wallet's own traffic (requests, ids, answers) was visible on the window.
    expect(await dapp.evaluate(() => (window as unknown as { advSeen: unknown[] }).advSeen)).toEqual([]);
    expect(await dapp.evaluate(() => (window as unknown as { advStolen?: unknown[] }).advStolen ?? [])).toEqual([]);

    // Only the user's answer settles it, with the real account.
    expect(await win.getByTestId('approval-origin').textContent()).toBe(new URL(base).origin);
    await answer(wb.context, 'connect', true);
    await pending;
    expect(await dapp.evaluate(() => (window as unknown as { advSettled: unknown }).advSettled)).toEqual({ result: [ACCOUNT0] });
    await expect.poll(() => providerState(dapp)).toEqual({ chainId: '0x7a69', selectedAddress: ACCOUNT0, connected: true });
    expect(await dapp.evaluate(() => (window as unknown as { advEvents: unknown[] }).advEvents)).toEqual([['accountsChanged', [ACCOUNT0]]]);
    await internal(q, 'sites_disconnect', { origin: new URL(base).origin });
    await dapp.close();
    await annotate(`${forged} forged messages from the page + 102 from a cross-origin frame: none settled a request or changed chainId/selectedAddress/isConnected`);
  });

  it('[A8] a page tampering with Object.prototype, JSON, Array.prototype, Promise.prototype.then, window.postMessage — before our script (init script) and after load (also MessageEvent/MessagePort/EventTarget/Reflect/Function/Object intrinsics) — cannot break or spoof the provider; approvals still required', async ({ annotate }) => {
    const results: Record<string, string> = {};
    for (const phase of ['before', 'after'] as const) {
      const page = await wb.context.newPage();
      if (phase === 'before') await page.addInitScript({ content: tamperScript('before') });
      await page.goto(`${base}dapp/index.html`);
      await page.waitForFunction(() => (window as unknown as { ethereum?: Eth }).ethereum?.chainId === '0x7a69');
      if (phase === 'after') await page.evaluate(tamperScript('after'));
      const sawProvider = await page.evaluate(() => (window as unknown as { advPhaseSawProvider: { ethereum: boolean } }).advPhaseSawProvider);
      if (phase === 'before') {
        // Playwright's init scripts run before the MAIN-world content script: the provider did not exist yet.
        expect(sawProvider).toEqual({ ethereum: false, duowallet: false });
      } else {
        expect(sawProvider).toEqual({ ethereum: true, duowallet: true });
      }

      const seen = await probe(page);
      expect(seen.chainId, phase).toEqual({ result: '0x7a69' });
      expect(seen.accounts, phase).toEqual({ result: [] });
      expect(seen.signUnconnected.error?.code, phase).toBe(4100);
      expect(seen.signUnconnected.error?.isError, phase).toBe(true);
      expect(typeof seen.signUnconnected.error?.message, phase).toBe('string');
      expect(seen.state, phase).toEqual({ chainId: '0x7a69', selectedAddress: null, connected: true });

      // An approval is still required, shows the real origin, and a rejection is a real 4001.
      const connect = page.evaluate(async () => {
        try {
          return { result: await (window as unknown as { ethereum: Eth }).ethereum.request({ method: 'eth_requestAccounts' }) };
        } catch (e) {
          return { error: (e as { code: unknown }).code };
        }
      });
      const win = await approvalWindow(wb.context, '[data-kind="connect"]');
      expect(await win.getByTestId('approval-origin').textContent(), phase).toBe(new URL(base).origin);
      await answer(wb.context, 'connect', false);
      expect(await connect, phase).toEqual({ error: 4001 });
      expect((await probe(page)).accounts, phase).toEqual({ result: [] });

      // Nothing of the wallet's traffic reached the page's spies (window.postMessage, listeners, JSON).
      const spied = await page.evaluate(() => {
        const w = window as unknown as { advSpy: unknown[][]; advStringify: typeof JSON.stringify };
        const kinds: Record<string, number> = {};
        for (const [kind, data] of w.advSpy) {
          if (kind === 'addEventListener') continue;
          const d = data as { channel?: unknown; dir?: unknown } | null;
          const k = `${String(kind)}${d && typeof d === 'object' && d.channel === 'duowallet:provider' ? `(${String(d.dir)})` : ''}`;
          kinds[k] = (kinds[k] ?? 0) + 1;
        }
        return { text: w.advStringify(w.advSpy.filter((s) => String(s[0]) !== 'addEventListener')), kinds: w.advStringify(kinds) };
      });
      // No request, id or answer of the wallet passed through anything the page controls.
      expect(/eth_chainId|eth_accounts|"dir":"(req|res|evt)"/.test(spied.text), `${phase}: ${spied.text.slice(0, 300)}`).toBe(false);
      results[phase] = `ok, the page's spies saw ${spied.kinds}`;
      await page.close();
    }
    await annotate(`Playwright's init script ran BEFORE inpage.js (window.ethereum absent then); before: ${results['before']}; after: ${results['after']}`);
  });

  it('[A10] a web page has no chrome.runtime route to the wallet (no externally_connectable)', async () => {
    const dapp = await freshDapp();
    const r = await dapp.evaluate(async (id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown>; connect?: unknown } } }).chrome;
      const out: Record<string, unknown> = { runtime: typeof c?.runtime, sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect };
      if (typeof c?.runtime?.sendMessage === 'function') {
        out['answer'] = await Promise.race([
          c.runtime.sendMessage(id, { channel: 'duowallet:internal', method: 'wallet_getState', params: {} }).then(
            (x) => ({ answered: x }),
            (e: Error) => ({ error: e.message }),
          ),
          new Promise((res) => setTimeout(() => res('no answer'), 2000)),
        ]);
      }
      return out;
    }, wb.extensionId);
    expect(r).toMatchObject({ runtime: 'undefined', sendMessage: 'undefined', connect: 'undefined' });
    await dapp.close();
  });

  it('[A11] popup.html (and #/approve/x) in an <iframe> renders nowhere: not on a web page (not web-accessible), not in an extension page (frame-ancestors), and its own top !== self guard holds when a frame slips past both', async ({ annotate }) => {
    const popupUrl = `chrome-extension://${wb.extensionId}/popup.html`;
    const rendered = (p: Page) =>
      Promise.all(
        p.frames()
          .filter((f) => f !== p.mainFrame())
          .map(async (f) => ({ url: f.url(), testids: await f.evaluate(() => document.querySelectorAll('[data-testid]').length).catch(() => 0) })),
      );

    // 1. A web page frames it.
    const dapp = await freshDapp();
    await dapp.evaluate((u) => {
      for (const src of [u, `${u}#/approve/x`, `${u}#/onboarding`]) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, popupUrl);
    await sleep(1500);
    const fromWeb = await rendered(dapp);
    expect(fromWeb).toHaveLength(3);
    expect(fromWeb.every((f) => f.testids === 0 && !f.url.startsWith(popupUrl)), JSON.stringify(fromWeb)).toBe(true);
    await dapp.close();

    // 2. One of our own extension pages frames it: CSP frame-ancestors 'none' refuses.
    const host = await quietPage(wb);
    await host.evaluate((u) => {
      for (const src of [u, `${u}#/approve/x`]) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, popupUrl);
    await sleep(1500);
    const fromExt = await rendered(host);
    expect(fromExt).toHaveLength(2);
    expect(fromExt.every((f) => f.testids === 0), JSON.stringify(fromExt)).toBe(true);

    // 3. The popup's own code in a same-origin about:blank frame (no frame-ancestors check
    //    there): the top !== self guard keeps it from rendering. Control: the same injection
    //    at top level renders.
    const html = await host.evaluate(() => fetch('/popup.html').then((r) => r.text()));
    // The app's module (popup.html also runs a small plain boot script before it).
    const script = /<script type="module"[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    await host.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'blank';
      document.body.append(f);
      const doc = f.contentDocument!;
      const root = doc.createElement('div');
      root.id = 'root';
      doc.body.append(root);
      const s = doc.createElement('script');
      s.type = 'module';
      s.src = new URL(src, location.origin + '/').href;
      // A module script's load event fires after it ran: proof the bundle executed in the frame.
      s.onload = () => ((f.contentWindow as unknown as { advRan: boolean }).advRan = true);
      doc.head.append(s);
    }, script!);
    const top = await quietPage(wb);
    await top.evaluate((src) => {
      document.body.innerHTML = '';
      const root = document.createElement('div');
      root.id = 'root';
      document.body.append(root);
      const s = document.createElement('script');
      s.type = 'module';
      s.src = new URL(src, location.origin + '/').href;
      document.head.append(s);
    }, script!);
    await top.waitForSelector('[data-testid="home-screen"], [data-testid="unlock-screen"]', { timeout: 15_000 });
    await sleep(500);
    const framed = await host.evaluate(() => {
      const f = document.getElementById('blank') as HTMLIFrameElement;
      const doc = f.contentDocument!;
      return { ran: (f.contentWindow as unknown as { advRan?: boolean }).advRan === true, rootHtml: doc.getElementById('root')?.innerHTML ?? null, testids: doc.querySelectorAll('[data-testid]').length };
    });
    expect(framed).toEqual({ ran: true, rootHtml: '', testids: 0 });
    await host.close();
    await top.close();
    await annotate(`web page frames: ${fromWeb.map((f) => f.url || '(blocked)').join(', ')}; extension-page frames: ${fromExt.map((f) => f.url || '(blocked)').join(', ')}; about:blank frame: the popup bundle ran and left #root empty`);
  });

  it('[A12] a click on approve-button within the first 500 ms after the approval shows is ignored (still pending); a later click works', async ({ annotate }) => {
    const dapp = await freshDapp();
    const timings: string[] = [];
    let proven = false;
    for (let attempt = 0; attempt < 5 && !proven; attempt++) {
      await expect.poll(() => wb.context.pages().filter((p) => p.url().includes('approve')).length).toBe(0);
      const opened = wb.context.waitForEvent('page', { predicate: (p) => p.url().includes('approve') });
      const connect = rpc(dapp, 'eth_requestAccounts');
      const win = await opened;
      // Poll every animation frame from as early as possible: `before` is the last time the
      // request was NOT shown yet, so (click time − before) bounds the time since it showed.
      const shown = await win.evaluate(
        () =>
          new Promise<{ before: number; at: number }>((resolve) => {
            let before = performance.now();
            const tick = () => {
              const b = document.querySelector('[data-approval-id] [data-testid="approve-button"]');
              if (b) resolve({ before, at: performance.now() });
              else {
                before = performance.now();
                requestAnimationFrame(tick);
              }
            };
            tick();
          }),
      );
      const box = (await win.getByTestId('approve-button').boundingBox())!;
      await win.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // a real (trusted) click
      const clickedBy = await win.evaluate(() => performance.now());
      const bound = clickedBy - shown.before;
      timings.push(`${Math.round(bound)} ms`);
      await sleep(300);
      const stillPending = (await internal(q, 'approvals_list')) as { ok: true; result: { approvals: { body: { kind: string } }[] } };
      const pendingKinds = stillPending.result.approvals.map((a) => a.body.kind);
      const settled = await Promise.race([connect.then(() => true), sleep(50).then(() => false)]);
      if (bound < 500) {
        // Within the guard: ignored.
        expect(pendingKinds).toContain('connect');
        expect(settled).toBe(false);
        expect(await win.locator('[data-approval-id]').count()).toBe(1);
        proven = true;
      }
      if (!settled && pendingKinds.includes('connect')) {
        // After the guard a click counts: approve, then disconnect for the next round.
        await answer(wb.context, 'connect', true);
        expect(await connect).toEqual({ result: [ACCOUNT0] });
      } else {
        expect(await connect).toEqual({ result: [ACCOUNT0] });
      }
      await internal(q, 'sites_disconnect', { origin: new URL(base).origin });
    }
    expect(proven, `no click landed within 500 ms of the request showing (${timings.join(', ')}): machine too slow to test`).toBe(true);
    await dapp.close();
    await annotate(`first click after the request showed (upper bound): ${timings.join(', ')}; ignored, request stayed pending; a click once the buttons were armed (500 ms) approved it`);
  });
});

/** Chrome's id for an unpacked extension: the first 128 bits of SHA-256(path), as letters a–p. */
function unpackedExtensionId(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

describe('adversarial: another extension', () => {
  let wb: WalletBrowser;
  let attackerDir: string;

  beforeAll(async () => {
    // A second, tiny unpacked extension: one page whose script tries every external route.
    attackerDir = mkdtempSync(join(tmpdir(), 'duowallet-attacker-'));
    writeFileSync(join(attackerDir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'attacker', version: '1.0' }));
    writeFileSync(join(attackerDir, 'attack.html'), '<!doctype html><meta charset="utf-8"><script src="attack.js"></script>');
    writeFileSync(
      join(attackerDir, 'attack.js'),
      `window.attack = async (walletId) => {
  const timeout = (ms) => new Promise((r) => setTimeout(() => r('no answer within ' + ms + ' ms'), ms));
  const send = (msg) => Promise.race([
    chrome.runtime.sendMessage(walletId, msg).then((x) => ({ answered: x }), (e) => ({ error: e.message })),
    timeout(2000),
  ]);
  const out = {};
  out.internal = await send({ channel: 'duowallet:internal', method: 'wallet_getState', params: {} });
  out.reveal = await send({ channel: 'duowallet:internal', method: 'wallet_revealSeed', params: { password: 'x' } });
  out.provider = await send({ type: 'req', id: 'a1', chain: 'eth', method: 'eth_accounts' });
  out.connect = await new Promise((resolve) => {
    const got = [];
    const port = chrome.runtime.connect(walletId, { name: 'duowallet:provider' });
    port.onMessage.addListener((m) => got.push(m));
    port.onDisconnect.addListener(() => resolve({ disconnected: true, messages: got, lastError: chrome.runtime.lastError && chrome.runtime.lastError.message }));
    try { port.postMessage({ type: 'req', id: 'a2', chain: 'eth', method: 'eth_chainId' }); } catch (e) { resolve({ postFailed: e.message, messages: got }); }
    setTimeout(() => resolve({ disconnected: false, messages: got }), 2000);
  });
  return out;
};`,
    );
    wb = await WalletBrowser.launch(undefined, { args: [`--disable-extensions-except=${DIST},${attackerDir}`, `--load-extension=${DIST},${attackerDir}`] });
    const popup = await wb.openPopup();
    await importWallet(popup, JUNK, ADV_PASSWORD);
    await expectScreen(popup, 'home-screen');
    await popup.close();
  }, 120_000);

  afterAll(async () => {
    await wb?.close();
    rmSync(attackerDir, { recursive: true, force: true });
  });

  it('[A10] another extension calling runtime.sendMessage / runtime.connect with our id gets no answer and learns nothing', async ({ annotate }) => {
    const attacker = await wb.context.newPage();
    const id = unpackedExtensionId(attackerDir);
    expect(id).not.toBe(wb.extensionId);
    await attacker.goto(`chrome-extension://${id}/attack.html`);
    const out = (await attacker.evaluate((walletId) => (window as unknown as { attack(id: string): Promise<unknown> }).attack(walletId), wb.extensionId)) as Record<string, unknown>;
    for (const key of ['internal', 'reveal', 'provider']) {
      expect(out[key], key).not.toHaveProperty('answered');
    }
    expect(out['connect']).toMatchObject({ messages: [] });
    expect(out['connect']).not.toMatchObject({ disconnected: false, messages: [expect.anything()] });
    // The wallet is as it was (unlocked, one account), and answers its own pages.
    const q = await quietPage(wb);
    expect(await internal(q, 'wallet_getState')).toMatchObject({ ok: true, result: { initialized: true, unlocked: true } });
    await annotate(`attacker extension ${id}: ${JSON.stringify(out)}`);
  });
});
