import { getAddress } from 'ethers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENS, defaultTokens } from './default-tokens';
import { BUILT_IN_NETWORKS } from './networks';

describe('default token list', () => {
  it('has tokens on every built-in public network and none on Localhost 8545', () => {
    for (const n of BUILT_IN_NETWORKS) {
      if (n.chainId === 31337) expect(defaultTokens(n.chainId)).toEqual([]);
      else expect(defaultTokens(n.chainId).map((t) => t.symbol), n.name).toContain('USDC');
    }
    expect(defaultTokens(999)).toEqual([]);
  });

  it('lists only built-in chains, with checksummed addresses, no duplicates, the decimals the contracts use', () => {
    const known = new Set(BUILT_IN_NETWORKS.map((n) => n.chainId));
    const decimals: Record<string, number> = { USDC: 6, USDT: 6, DAI: 18, WETH: 18 };
    for (const [chainId, list] of Object.entries(DEFAULT_TOKENS)) {
      expect(known.has(Number(chainId)), chainId).toBe(true);
      expect(new Set(list.map((t) => t.address.toLowerCase())).size).toBe(list.length);
      for (const t of list) {
        expect(getAddress(t.address), `${chainId} ${t.symbol}`).toBe(t.address);
        expect(t.decimals).toBe(decimals[t.symbol]);
      }
    }
  });
});
