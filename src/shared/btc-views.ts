import type { WarningView } from './approvals';
import type { BtcAddressType, BtcNetworkName } from './btc-protocol';

/** What the popup shows of Bitcoin. Amounts are decimal strings of satoshis. */

export interface BtcBalanceView {
  confirmed: string;
  unconfirmed: string;
  total: string;
}

export interface BtcOverview {
  network: BtcNetworkName;
  networkName: string;
  esploraUrl: string;
  /** null: the server did not answer (see `error`). */
  balance: BtcBalanceView | null;
  byType: Record<BtcAddressType, BtcBalanceView> | null;
  error: string | null;
}

export interface BtcTxInputView {
  txid: string;
  vout: number;
  value: string | null;
  address: string | null;
  mine: boolean;
  /** PSBT approvals: this input will be signed, with this sighash (name). */
  sign?: boolean;
  sighash?: string;
}

export interface BtcTxOutputView {
  address: string | null;
  value: string;
  mine: boolean;
  change: boolean;
}

/** A built (unsigned) transaction as the review screen and the approval window show it. */
export interface BtcTxView {
  network: BtcNetworkName;
  networkName: string;
  inputs: BtcTxInputView[];
  outputs: BtcTxOutputView[];
  /** null when an input amount is unknown (dApp PSBTs). */
  fee: string | null;
  feeRate: number | null;
  vsize: number;
  /** paid to others */
  sent: string;
}

export interface BtcSendReview extends BtcTxView {
  quoteId: string;
  kind: 'send' | 'dapp' | 'speed_up' | 'cancel';
  from: BtcAddressType;
  recipients: { address: string; value: string }[];
  replaces: string | null;
  warnings: WarningView[];
  /** Speed-up / cancel: the unconfirmed transactions spending the one replaced, which go with it. */
  dropped: BtcDroppedTxView[];
}

/** A later transaction that a replacement evicts from the mempool (it spends the replaced one). */
export interface BtcDroppedTxView {
  txid: string;
  /** sent by this wallet (it is in the wallet's own activity) */
  mine: boolean;
  /** paid to addresses not of this account, and to whom */
  sent: string;
  recipients: string[];
  fee: string;
}

export interface BtcFeeRates {
  slow: number;
  normal: number;
  fast: number;
}

export interface BtcActivityItem {
  txid: string;
  network: BtcNetworkName;
  status: 'pending' | 'confirmed' | 'replaced' | 'dropped';
  /** net effect on the account: negative when coins left it */
  net: string;
  fee: string | null;
  feeRate: number | null;
  blockHeight: number | null;
  time: number | null;
  kind: 'send' | 'dapp' | 'speed_up' | 'cancel' | 'receive';
  origin: string | null;
  counterparties: string[];
  /** pending, made by this wallet and signalling RBF: speed up / cancel are offered */
  replaceable: boolean;
  replacedBy: string | null;
  explorerUrl: string | null;
}

export interface BtcCoinView {
  outpoint: string;
  value: string;
  address: string;
  type: BtcAddressType;
  confirmed: boolean;
  frozen: boolean;
  change: boolean;
}

export interface BtcNetworkEntry {
  id: BtcNetworkName;
  name: string;
  esploraUrl: string;
  defaultEsploraUrl: string;
  explorerUrl: string | null;
}
