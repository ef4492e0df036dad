import { describe, expect, it } from 'vitest';
import { DUOWALLET_BTC_PROVIDER, registerBtcProvider, SATS_CONNECT_PROVIDER_ID } from './btc-providers-registry';
import { DUOWALLET_ICON } from './eip6963';

describe('registerBtcProvider (WBIP004)', () => {
  it('our entry: frozen, id is the path to window.duowallet.satsConnect, our icon', () => {
    expect(DUOWALLET_BTC_PROVIDER).toEqual({ id: 'duowallet.satsConnect', name: 'DuoWallet', icon: DUOWALLET_ICON });
    expect(SATS_CONNECT_PROVIDER_ID).toBe('duowallet.satsConnect');
    expect(Object.isFrozen(DUOWALLET_BTC_PROVIDER)).toBe(true);
  });

  it('creates the array when absent, as a plain writable, configurable property', () => {
    const win: Record<string, unknown> = {};
    expect(registerBtcProvider(win, DUOWALLET_BTC_PROVIDER)).toBe(true);
    expect(win.btc_providers).toEqual([DUOWALLET_BTC_PROVIDER]);
    expect(Object.getOwnPropertyDescriptor(win, 'btc_providers')).toMatchObject({ writable: true, configurable: true, enumerable: true });
    // another wallet coming later pushes next to ours
    (win.btc_providers as unknown[]).push({ id: 'LeatherProvider' });
    expect((win.btc_providers as { id: string }[]).map((p) => p.id)).toEqual(['duowallet.satsConnect', 'LeatherProvider']);
  });

  it("appends to another wallet's array, keeping it and its entries", () => {
    const theirs = [{ id: 'XverseProviders.BitcoinProvider', name: 'Xverse', icon: '' }];
    const win: Record<string, unknown> = { btc_providers: theirs };
    expect(registerBtcProvider(win, DUOWALLET_BTC_PROVIDER)).toBe(true);
    expect(win.btc_providers).toBe(theirs);
    expect(theirs.map((p) => p.id)).toEqual(['XverseProviders.BitcoinProvider', 'duowallet.satsConnect']);
  });

  it('does not use a patched Array.prototype.push', () => {
    const push = Array.prototype.push;
    let called = false;
    const win: Record<string, unknown> = { btc_providers: [] };
    Array.prototype.push = function (...items: unknown[]) {
      called = true;
      return push.apply(this, items);
    };
    try {
      registerBtcProvider(win, DUOWALLET_BTC_PROVIDER);
    } finally {
      Array.prototype.push = push;
    }
    expect(called).toBe(false);
    expect(win.btc_providers).toEqual([DUOWALLET_BTC_PROVIDER]);
  });

  it('leaves alone what is not an array it can extend, without throwing', () => {
    const frozen = Object.freeze([]);
    const throwing = {
      get btc_providers(): unknown {
        throw new Error('page getter');
      },
    };
    for (const win of [{ btc_providers: 'nope' }, { btc_providers: { length: 0 } }, { btc_providers: frozen }, throwing, Object.freeze({})]) {
      expect(registerBtcProvider(win, DUOWALLET_BTC_PROVIDER)).toBe(false);
    }
    expect(frozen).toEqual([]);
  });
});
