import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS, isAllowedRpcUrl } from './networks';

describe('networks', () => {
  it('has the DESIGN §6 chains with unique ids', () => {
    const ids = BUILT_IN_NETWORKS.map((n) => n.chainId);
    expect(ids).toEqual(expect.arrayContaining([1, 11155111, 8453, 10, 42161, 137, 31337]));
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('allows https and local http only', () => {
    expect(isAllowedRpcUrl('https://rpc.example.org')).toBe(true);
    expect(isAllowedRpcUrl('http://127.0.0.1:8545')).toBe(true);
    expect(isAllowedRpcUrl('http://localhost:8545')).toBe(true);
    expect(isAllowedRpcUrl('http://[::1]:8545')).toBe(true);
    expect(isAllowedRpcUrl('http://rpc.example.org')).toBe(false);
    expect(isAllowedRpcUrl('http://localhost.evil.com')).toBe(false);
    expect(isAllowedRpcUrl('https://user:pw@rpc.example.org')).toBe(false);
    expect(isAllowedRpcUrl('ws://127.0.0.1:8545')).toBe(false);
    expect(isAllowedRpcUrl('not a url')).toBe(false);
  });
});
