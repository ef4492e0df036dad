/** Built-in EVM networks (DESIGN §6). Every RPC URL can be changed by the user. */
export interface EthNetwork {
  chainId: number;
  name: string;
  rpcUrl: string;
  explorerUrl?: string;
  nativeSymbol: string;
  nativeDecimals: number;
  builtIn: boolean;
}

export const BUILT_IN_NETWORKS: readonly EthNetwork[] = [
  { chainId: 1, name: 'Ethereum', rpcUrl: 'https://ethereum-rpc.publicnode.com', explorerUrl: 'https://etherscan.io', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
  { chainId: 11155111, name: 'Sepolia', rpcUrl: 'https://ethereum-sepolia-rpc.publicnode.com', explorerUrl: 'https://sepolia.etherscan.io', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
  { chainId: 8453, name: 'Base', rpcUrl: 'https://mainnet.base.org', explorerUrl: 'https://basescan.org', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
  { chainId: 10, name: 'OP Mainnet', rpcUrl: 'https://mainnet.optimism.io', explorerUrl: 'https://optimistic.etherscan.io', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
  { chainId: 42161, name: 'Arbitrum One', rpcUrl: 'https://arb1.arbitrum.io/rpc', explorerUrl: 'https://arbiscan.io', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
  { chainId: 137, name: 'Polygon', rpcUrl: 'https://polygon-rpc.com', explorerUrl: 'https://polygonscan.com', nativeSymbol: 'POL', nativeDecimals: 18, builtIn: true },
  { chainId: 31337, name: 'Localhost 8545', rpcUrl: 'http://127.0.0.1:8545', nativeSymbol: 'ETH', nativeDecimals: 18, builtIn: true },
];

/**
 * The EVM network of a new wallet: Ethereum. `npm start` and the E2E build (build.mjs
 * --local) start on Localhost 8545 instead, so nothing run here reaches a public RPC.
 */
export const DEFAULT_CHAIN_ID: number = typeof __DEFAULT_CHAIN_ID__ === 'number' ? __DEFAULT_CHAIN_ID__ : 1;

/** https everywhere, plain http only for this machine (a local node). */
export function isAllowedRpcUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
}
