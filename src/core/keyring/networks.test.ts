import { networks } from 'bitcoinjs-lib';
import { describe, expect, it } from 'vitest';
import { btcCoinType, btcNetwork, BTC_NETWORK_NAMES, isBtcNetworkName } from './networks';

describe('bitcoin networks', () => {
  it('maps names to bitcoinjs parameters', () => {
    expect(btcNetwork('mainnet')).toBe(networks.bitcoin);
    expect(btcNetwork('testnet4')).toBe(networks.testnet);
    expect(btcNetwork('signet')).toBe(networks.testnet);
    expect(btcNetwork('regtest')).toBe(networks.regtest);
    expect(BTC_NETWORK_NAMES.map((n) => btcNetwork(n).bech32)).toEqual(['bc', 'tb', 'tb', 'bcrt']);
  });

  it('uses coin type 0 on mainnet and 1 on test networks', () => {
    expect(BTC_NETWORK_NAMES.map(btcCoinType)).toEqual([0, 1, 1, 1]);
  });

  it('rejects unknown names', () => {
    expect(isBtcNetworkName('signet')).toBe(true);
    expect(isBtcNetworkName('testnet')).toBe(false);
    expect(() => btcNetwork('testnet' as 'signet')).toThrow(/Unknown Bitcoin network/);
    expect(() => btcCoinType('liquid' as 'signet')).toThrow(/Unknown Bitcoin network/);
  });
});
