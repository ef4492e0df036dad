/**
 * The one Bitcoin API the background serves to pages (PortRequest with chain 'btc').
 * The inpage script translates each dApp dialect (UniSat-style object, sats-connect /
 * WBIP004 `request()`, Leather `request()`) into these methods and their answers back
 * into the dialect's shapes. Types and constants only: inpage imports this and must stay tiny.
 *
 * Amounts are decimal strings of satoshis (bigint does not survive structured clone/JSON
 * everywhere, and a float would round).
 */

export type BtcNetworkName = 'mainnet' | 'testnet4' | 'signet' | 'regtest';
export type BtcAddressType = 'p2wpkh' | 'p2tr';
export type BtcPurpose = 'payment' | 'ordinals';

/** One address the page may see. p2wpkh is the account's `payment` address, p2tr its `ordinals`. */
export interface BtcAddressInfo {
  address: string;
  /** 33-byte compressed public key, hex (for p2tr: the BIP86 internal key before tweaking). */
  publicKey: string;
  /** p2tr only: the 32-byte x-only internal key, hex (what Xverse reports for ordinals). */
  xOnlyPublicKey?: string;
  purpose: BtcPurpose;
  addressType: BtcAddressType;
  /** e.g. m/84'/1'/0'/0/0 */
  derivationPath: string;
}

export interface BtcSignInput {
  index: number;
  /** Which of the connected addresses signs it (or publicKey); omitted: the owner of the input. */
  address?: string;
  publicKey?: string;
  sighashTypes?: number[];
}

export interface BtcMethods {
  /** public, no unlock: the connected addresses ([] when the site is not connected). */
  getAccounts: { params: Record<string, never> | undefined; result: BtcAddressInfo[] };
  /** public, unlock, approval `connect`: the user picks an account; both of its addresses are granted. */
  requestAccounts: { params: { purposes?: BtcPurpose[] } | undefined; result: BtcAddressInfo[] };
  /** public. */
  getNetwork: { params: undefined; result: { network: BtcNetworkName } };
  /** connected, unlock, approval `switch_chain`. */
  switchNetwork: { params: { network: BtcNetworkName }; result: { network: BtcNetworkName } };
  /** connected: the connected account's balance over both address types (sats). */
  getBalance: { params: undefined; result: { confirmed: string; unconfirmed: string; total: string } };
  /** connected, unlock, approval `btc_sign_message`. Signature is base64 (65-byte compact for ecdsa, BIP322 simple witness for bip322). */
  signMessage: {
    params: { address?: string; message: string; protocol?: 'ecdsa' | 'bip322' };
    result: { signature: string; address: string; protocol: 'ecdsa' | 'bip322'; messageHash: string };
  };
  /**
   * connected, unlock, approval `btc_sign_psbt`. `psbt` is hex or base64. Without
   * `signInputs` every input the account owns is signed (UniSat's default).
   */
  signPsbt: {
    params: { psbt: string; signInputs?: BtcSignInput[]; finalize?: boolean; broadcast?: boolean };
    result: { psbtHex: string; psbtBase64: string; txid?: string };
  };
  /** connected: broadcast a signed transaction (hex). */
  pushTx: { params: { hex: string }; result: { txid: string } };
  /** connected: finalize (if needed), extract and broadcast a signed PSBT (hex or base64). */
  pushPsbt: { params: { psbt: string }; result: { txid: string } };
  /** connected, unlock, approval `btc_send`: the wallet builds, shows, signs and broadcasts. */
  sendTransfer: { params: { recipients: { address: string; amount: string }[]; feeRate?: number }; result: { txid: string } };
}

export type BtcMethod = keyof BtcMethods;

export const BTC_METHODS: readonly BtcMethod[] = [
  'getAccounts',
  'requestAccounts',
  'getNetwork',
  'switchNetwork',
  'getBalance',
  'signMessage',
  'signPsbt',
  'pushTx',
  'pushPsbt',
  'sendTransfer',
];

/** Events the background sends with chain 'btc'. */
export interface BtcEvents {
  /** the connected addresses after a change ([] on disconnect) */
  accountsChanged: BtcAddressInfo[];
  networkChanged: BtcNetworkName;
}
