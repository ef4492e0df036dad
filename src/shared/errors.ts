import { errorCodes } from '@metamask/rpc-errors';

/** The shape every error takes when it crosses a boundary (EIP-1193 / EIP-1474). */
export interface SerializedError {
  code: number;
  message: string;
  /** ErrorData from the wallet itself; whatever a node sent (revert data) for node errors. */
  data?: unknown;
}

/** Machine-readable detail the popup turns into a translated message. */
export interface ErrorData {
  reason?: ErrorReason;
  retryAfterMs?: number;
  word?: string;
  position?: number;
  field?: string;
  count?: number;
  /** a node's own words, quoted in the translated sentence */
  detail?: string;
}

export type ErrorReason =
  | 'wrong_password'
  | 'too_many_attempts'
  | 'vault_corrupt'
  | 'vault_unsupported_version'
  | 'vault_exists'
  | 'no_vault'
  | 'locked'
  | 'mnemonic_empty'
  | 'mnemonic_bad_length'
  | 'mnemonic_unknown_word'
  | 'mnemonic_mixed_wordlists'
  | 'mnemonic_bad_checksum'
  | 'password_too_short'
  | 'invalid_params'
  | 'unknown_method'
  | 'unknown_account'
  | 'invalid_address'
  | 'invalid_amount'
  | 'insufficient_funds'
  | 'not_pending'
  | 'rpc_unavailable'
  | 'rpc_url_not_allowed'
  | 'rpc_wrong_chain'
  | 'network_exists'
  | 'invalid_fee_rate'
  | 'btc_dust'
  | 'btc_broadcast_refused'
  | 'btc_server_unavailable'
  | 'btc_server_mismatch'
  | 'btc_replacement_changed'
  | 'btc_too_many_descendants'
  | 'psbt_refused'
  | 'quote_expired'
  | 'token_no_code'
  | 'token_unreadable'
  | 'token_bad_decimals'
  | 'unknown_token'
  | 'insufficient_token'
  | 'tx_would_fail'
  | 'nonce_not_missing'
  | 'price_url_not_allowed'
  | 'price_unavailable'
  | 'rpc_timeout'
  | 'nonce_used'
  | 'fee_too_low'
  | 'node_refused'
  | 'fee_invalid'
  | 'fee_tip_above_max'
  | 'fee_below_base'
  | 'fee_absurd'
  | 'send_nonce_used'
  | 'send_balance_changed'
  | 'send_would_fail'
  | 'send_fee_too_low'
  | 'internal';

export const MIN_PASSWORD_LENGTH = 8;

// Codes from @metamask/rpc-errors so we never hand-roll the numbers.
export const RPC = {
  invalidParams: errorCodes.rpc.invalidParams,
  internal: errorCodes.rpc.internal,
  methodNotFound: errorCodes.rpc.methodNotFound,
  userRejected: errorCodes.provider.userRejectedRequest,
  unauthorized: errorCodes.provider.unauthorized,
  unsupportedMethod: errorCodes.provider.unsupportedMethod,
  // Wallet-level failures the user can fix (wrong password, locked...): JSON-RPC server-error range.
  walletError: -32000,
} as const;

/** An error that is safe to show: its message never contains secrets. */
export class WalletError extends Error {
  readonly code: number;
  readonly data?: ErrorData;
  constructor(code: number, message: string, data?: ErrorData) {
    super(message);
    this.name = 'WalletError';
    this.code = code;
    if (data) this.data = data;
  }
  toJSON(): SerializedError {
    return this.data ? { code: this.code, message: this.message, data: this.data } : { code: this.code, message: this.message };
  }
}

export function walletError(reason: ErrorReason, message: string, extra?: Omit<ErrorData, 'reason'>): WalletError {
  return new WalletError(RPC.walletError, message, { reason, ...extra });
}

/** An error from a node (revert data and all), passed to the dApp as the node said it. */
export class NodeRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'NodeRpcError';
  }
}

/**
 * Turns anything thrown into a SerializedError. Unknown errors become -32603 with a
 * generic message: their text may carry data we must not leak to a page.
 */
export function toSerializedError(err: unknown): SerializedError {
  if (err instanceof WalletError) return err.toJSON();
  if (err instanceof NodeRpcError) return err.data === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, data: err.data };
  return { code: RPC.internal, message: 'Internal error', data: { reason: 'internal' } };
}

export function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'number' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
