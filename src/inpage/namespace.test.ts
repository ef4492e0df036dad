import { describe, expect, it } from 'vitest';
import type { EthereumProvider } from './ethereum-provider';
import { createNamespace } from './namespace';
import { fakeBtcTransport } from './testing-btc-transport';

describe('createNamespace (window.duowallet)', () => {
  it('holds the Ethereum provider and the three Bitcoin dialects, all frozen', () => {
    const ethereum = Object.freeze({ isDuoWallet: true }) as unknown as EthereumProvider;
    const ns = createNamespace({ transport: fakeBtcTransport().transport, ethereum });
    expect(Object.keys(ns)).toEqual(['ethereum', 'bitcoin', 'satsConnect', 'leather']);
    expect(ns.ethereum).toBe(ethereum);
    for (const part of [ns, ns.bitcoin, ns.satsConnect, ns.leather]) expect(Object.isFrozen(part)).toBe(true);
    expect(typeof ns.bitcoin.requestAccounts).toBe('function');
    expect(typeof ns.satsConnect.request).toBe('function');
    expect(typeof ns.leather.request).toBe('function');
    expect(ns.satsConnect.request).not.toBe(ns.leather.request);
    expect(() => {
      (ns as unknown as Record<string, unknown>).bitcoin = {};
    }).toThrow(TypeError);
  });
});
