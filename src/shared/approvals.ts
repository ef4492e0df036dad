import type { BtcNetworkName } from './btc-protocol';
import type { BtcSendReview, BtcTxView } from './btc-views';
import type { WarningId, WarningParams } from './warnings';

/**
 * What an approval window shows and what it answers: shared by the background (which
 * builds them) and the popup (which renders them). Plain JSON so it can live in storage.session.
 */

export type ApprovalKind =
  | 'unlock'
  | 'connect'
  | 'personal_sign'
  | 'typed_data'
  | 'transaction'
  | 'switch_chain'
  | 'add_chain'
  | 'watch_asset'
  | 'btc_sign_message'
  | 'btc_sign_psbt'
  | 'btc_send';

/**
 * A risk warning: its kind and sentence variant (src/shared/warnings.ts) with the facts it
 * names, which the popup words in the user's language; `message` is the English sentence.
 */
export type WarningView = WarningId & {
  severity: 'danger' | 'warning';
  message: string;
  params: WarningParams;
};

export interface DisplayFieldView {
  path: string;
  label: string;
  type: string;
  value: string;
  depth: number;
}

export interface DecodedCallView {
  name: string;
  selector: string;
  args: { name: string; type: string; value: string }[];
  /** The argument that is an amount of the called token, in words the user reads. */
  amount?: {
    arg: string;
    /** 2^255 or more: an "infinite" allowance */
    unlimited: boolean;
    /** From the user's token list, else from the contract itself; null when neither answered. */
    token: { symbol: string; decimals: number } | null;
  };
}

export interface TxFees {
  gas: string; // decimal strings: bigint does not survive JSON
  nonce: number;
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
  gasPrice?: string;
}

export type ApprovalBody =
  | { kind: 'unlock' }
  | {
      kind: 'connect';
      /** 'btc': one account is chosen, and the site sees both of its Bitcoin addresses. */
      chain?: 'eth' | 'btc';
      accounts: { index: number; name: string; address: string; taproot?: string }[];
      preselected: number[];
    }
  | { kind: 'personal_sign'; address: string; text: string | null; hex: string }
  | { kind: 'typed_data'; address: string; primaryType: string; domain: DisplayFieldView[]; fields: DisplayFieldView[] }
  | {
      kind: 'transaction';
      from: string;
      to: string | null;
      value: string;
      data: string | null;
      decoded: DecodedCallView | null;
      chainId: number;
      networkName: string;
      nativeSymbol: string;
      balance: string;
      fees: TxFees;
    }
  | { kind: 'switch_chain'; chainId: number; name: string; fromChainId: number; fromName: string; btc?: { from: BtcNetworkName; to: BtcNetworkName } }
  | { kind: 'add_chain'; chainId: number; name: string; rpcUrl: string; explorerUrl: string | null; nativeSymbol: string }
  | { kind: 'watch_asset'; address: string; symbol: string; decimals: number; image: string | null; chainId: number }
  | { kind: 'btc_sign_message'; address: string; message: string; protocol: 'ecdsa' | 'bip322'; networkName: string }
  | { kind: 'btc_sign_psbt'; tx: BtcTxView; finalize: boolean; broadcast: boolean }
  | { kind: 'btc_send'; review: BtcSendReview };

export interface Approval {
  id: string;
  origin: string;
  createdAt: number;
  body: ApprovalBody;
  warnings: WarningView[];
}

export type ApprovalDecision = { approve: false } | { approve: true; accounts?: number[]; fees?: TxFees };
