// The globals index.ts sets, in a stand-in window (an EventTarget), for a fresh page, a page where
// another wallet owns window.unisat and btc_providers, and a second copy of the script.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Win = EventTarget & Record<string, unknown>;
const g = globalThis as { window?: unknown };

async function load(win: Win): Promise<void> {
  g.window = win;
  vi.resetModules();
  await import('./index');
}

function fakeWindow(props: Record<string, unknown> = {}): Win {
  return Object.assign(new EventTarget(), { CustomEvent }, props);
}

afterEach(() => {
  delete g.window;
});

describe('inpage globals', () => {
  it('on a fresh page: window.duowallet fixed, window.unisat and window.ethereum ours, our btc_providers entry', async () => {
    const win = fakeWindow();
    await load(win);
    const ns = win.duowallet as { ethereum: object; bitcoin: object; satsConnect: object; leather: object };
    expect(Object.getOwnPropertyDescriptor(win, 'duowallet')).toMatchObject({ writable: false, configurable: false });
    expect(Object.isFrozen(ns)).toBe(true);
    expect(win.unisat).toBe(ns.bitcoin);
    expect(win.ethereum).toBe(ns.ethereum);
    expect(win.btc_providers).toEqual([{ id: 'duowallet.satsConnect', name: 'DuoWallet', icon: expect.stringMatching(/^data:image\/svg\+xml/) as string }]);
  });

  it("never takes another wallet's window.unisat / window.ethereum, and keeps its btc_providers", async () => {
    const unisat = { isUnisat: true };
    const ethereum = { isMetaMask: true };
    const btcProviders = [{ id: 'XverseProviders.BitcoinProvider', name: 'Xverse', icon: '' }];
    const win = fakeWindow({ unisat, ethereum, btc_providers: btcProviders });
    await load(win);
    expect(win.unisat).toBe(unisat);
    expect(win.ethereum).toBe(ethereum);
    expect(win.btc_providers).toBe(btcProviders);
    expect(btcProviders.map((p) => p.id)).toEqual(['XverseProviders.BitcoinProvider', 'duowallet.satsConnect']);
    expect((win.duowallet as { bitcoin: object }).bitcoin).toBeDefined();
  });

  it('a second copy of the script changes nothing and adds no second entry', async () => {
    const win = fakeWindow();
    await load(win);
    const first = win.duowallet;
    const unisat = win.unisat;
    await load(win);
    expect(win.duowallet).toBe(first);
    expect(win.unisat).toBe(unisat);
    expect((win.btc_providers as unknown[]).length).toBe(1);
  });
});
