// Bitcoin network parameters. testnet4 and signet share testnet3's address
// prefix (tb) and version bytes, so bitcoinjs' `testnet` object serves both.
import { networks, type Network } from 'bitcoinjs-lib';

export type BtcNetworkName = 'mainnet' | 'testnet4' | 'signet' | 'regtest';

export const BTC_NETWORK_NAMES: readonly BtcNetworkName[] = ['mainnet', 'testnet4', 'signet', 'regtest'];

export function isBtcNetworkName(x: unknown): x is BtcNetworkName {
  return typeof x === 'string' && (BTC_NETWORK_NAMES as readonly string[]).includes(x);
}

export function btcNetwork(name: BtcNetworkName): Network {
  switch (name) {
    case 'mainnet':
      return networks.bitcoin;
    case 'testnet4':
    case 'signet':
      return networks.testnet;
    case 'regtest':
      return networks.regtest; // bech32 prefix "bcrt"
    default:
      throw new Error(`Unknown Bitcoin network: ${String(name)}`);
  }
}

/** SLIP-44 coin type used in BIP44/84/86 paths: 0 on mainnet, 1 on every test network. */
export function btcCoinType(name: BtcNetworkName): 0 | 1 {
  btcNetwork(name); // rejects unknown names
  return name === 'mainnet' ? 0 : 1;
}
