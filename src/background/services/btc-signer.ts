import type { Psbt } from 'bitcoinjs-lib';
import { signPsbtInputs, type InputSigner } from '../../core/bitcoin';
import type { BtcAddressType, BtcNetworkName } from '../../shared/btc-protocol';
import type { KeyringService } from './keyring-service';

/** One input to sign: which of the account's keys, and the sighash types allowed. */
export interface SignStep {
  index: number;
  type: BtcAddressType;
  change: 0 | 1;
  keyIndex: number;
  sighashTypes?: readonly number[];
}

/**
 * Signs the given inputs with the account's keys (derived now, wiped after). Each signature
 * is verified by signPsbtInputs before this returns.
 */
export async function signWithAccount(keyring: KeyringService, psbt: Psbt, network: BtcNetworkName, account: number, steps: readonly SignStep[]): Promise<number[]> {
  const keys: InputSigner[] = [];
  try {
    const signed: number[] = [];
    for (const s of steps) {
      const k = await keyring.btcKey(account, s.type === 'p2wpkh' ? 84 : 86, network, s.change, s.keyIndex);
      const signer: InputSigner = { privateKey: k.privateKey, publicKey: k.publicKey, type: s.type };
      keys.push(signer);
      signed.push(...signPsbtInputs(psbt, (i) => (i === s.index ? signer : null), { indexes: [s.index], ...(s.sighashTypes ? { sighashTypes: s.sighashTypes } : {}) }));
    }
    return signed;
  } finally {
    for (const k of keys) k.privateKey.fill(0);
  }
}
