import type { BtcNetworkName } from './btc-protocol';

/** Built-in Bitcoin networks (DESIGN §6): an Esplora API per network, changeable by the user. */
export interface BtcNetworkInfo {
  id: BtcNetworkName;
  name: string;
  /** Esplora REST base URL (Blockstream esplora / mempool.space API). */
  esploraUrl: string;
  /** Where "view transaction" links go; none for regtest. */
  explorerUrl?: string;
  /** Hash of block 0: a server is only used for the network whose genesis it serves. */
  genesisHash: string;
}

export const BTC_NETWORK_LIST: readonly BtcNetworkInfo[] = [
  { id: 'mainnet', name: 'Bitcoin', esploraUrl: 'https://mempool.space/api', explorerUrl: 'https://mempool.space', genesisHash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f' },
  { id: 'testnet4', name: 'Bitcoin Testnet4', esploraUrl: 'https://mempool.space/testnet4/api', explorerUrl: 'https://mempool.space/testnet4', genesisHash: '00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043' },
  { id: 'signet', name: 'Bitcoin Signet', esploraUrl: 'https://mempool.space/signet/api', explorerUrl: 'https://mempool.space/signet', genesisHash: '00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6' },
  // electrs' default regtest HTTP port; `npm start` and the E2E suite serve the regtest fixture there.
  { id: 'regtest', name: 'Bitcoin Regtest', esploraUrl: 'http://127.0.0.1:3002', genesisHash: '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206' },
];

export function btcNetworkInfo(id: BtcNetworkName): BtcNetworkInfo {
  const n = BTC_NETWORK_LIST.find((x) => x.id === id);
  if (!n) throw new Error(`Unknown Bitcoin network ${String(id)}`);
  return n;
}

/**
 * The Bitcoin network of a new wallet: mainnet. `npm start` and the E2E build (build.mjs
 * --local) start on regtest, so nothing run here reaches a public server.
 */
export const DEFAULT_BTC_NETWORK: BtcNetworkName = typeof __DEFAULT_BTC_NETWORK__ === 'string' ? (__DEFAULT_BTC_NETWORK__ as BtcNetworkName) : 'mainnet';
