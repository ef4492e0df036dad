import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { HDKey } from '@scure/bip32';
import * as btc from '@scure/btc-signer';

/**
 * Bitcoin addresses of a phrase computed here with @noble/@scure alone (BIP39 seed by PBKDF2,
 * BIP32, btc-signer's p2wpkh/p2tr), not with the wallet's code: what the tests expect.
 */
export const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef };

export type Net = 'mainnet' | 'regtest';

function seed(mnemonic: string, passphrase = ''): Uint8Array {
  return pbkdf2(sha512, mnemonic.normalize('NFKD'), `mnemonic${passphrase}`.normalize('NFKD'), { c: 2048, dkLen: 64 });
}

export function btcKey(mnemonic: string, purpose: 84 | 86, net: Net, account = 0, change: 0 | 1 = 0, index = 0): HDKey {
  const coin = net === 'mainnet' ? 0 : 1;
  return HDKey.fromMasterSeed(seed(mnemonic)).derive(`m/${purpose}'/${coin}'/${account}'/${change}/${index}`);
}

export function btcAddress(mnemonic: string, type: 'p2wpkh' | 'p2tr', net: Net, account = 0, change: 0 | 1 = 0, index = 0): string {
  const network = net === 'mainnet' ? btc.NETWORK : REGTEST;
  const key = btcKey(mnemonic, type === 'p2wpkh' ? 84 : 86, net, account, change, index);
  const pub = key.publicKey!;
  const out = type === 'p2wpkh' ? btc.p2wpkh(pub, network) : btc.p2tr(pub.subarray(1), undefined, network);
  return out.address;
}
