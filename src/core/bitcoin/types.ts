// Shared Bitcoin data shapes. Amounts are always bigint satoshis so nothing
// is ever rounded through a float.

/** The script types this wallet owns and signs for (BIP84 / BIP86 single key). */
export type OwnScriptType = 'p2wpkh' | 'p2tr';

/** Every standard output type an address can decode to. */
export type AddressType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr';

/** Position of a key below the account node: m/purpose'/coin'/account'/change/index. */
export interface KeyPath {
  purpose: 84 | 86;
  change: 0 | 1;
  index: number;
}

export interface Utxo {
  txid: string;
  vout: number;
  /** sats */
  value: bigint;
  address: string;
  confirmed: boolean;
  scriptType: OwnScriptType;
  path?: KeyPath;
}

export interface Recipient {
  address: string;
  /** sats */
  value: bigint;
}

/** `txid:vout`, the key used for frozen-coin sets and de-duplication. */
export type OutpointKey = `${string}:${number}`;

export function outpointKey(u: { txid: string; vout: number }): OutpointKey {
  return `${u.txid.toLowerCase()}:${u.vout}`;
}

/** 21 million BTC: no valid amount is larger (Bitcoin Core's MAX_MONEY). */
export const MAX_MONEY = 2_100_000_000_000_000n;
