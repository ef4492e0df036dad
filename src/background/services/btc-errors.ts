import { FeeRateError, InsufficientFundsError, InvalidSendError, PsbtRequestError } from '../../core/bitcoin';
import { AddressError } from '../../core/bitcoin/address';
import { EsploraError } from '../../core/bitcoin-client';
import { RPC, WalletError, walletError } from '../../shared/errors';

/**
 * Turns what the Bitcoin core and the Esplora client throw into errors that are safe to
 * show and carry a reason the popup translates. Anything else is rethrown unchanged.
 */
export function btcError(e: unknown): unknown {
  if (e instanceof WalletError) return e;
  if (e instanceof InsufficientFundsError) return walletError('insufficient_funds', e.message);
  if (e instanceof FeeRateError) return walletError('invalid_fee_rate', e.message);
  if (e instanceof AddressError) return walletError('invalid_address', e.message);
  if (e instanceof InvalidSendError) {
    if (e.code === 'bad_address') return walletError('invalid_address', e.message);
    if (e.code === 'dust') {
      const m = /dust limit of (\d+)/.exec(e.message);
      return walletError('btc_dust', e.message, m ? { count: Number(m[1]) } : undefined);
    }
    if (e.code === 'bad_fee_rate') return walletError('invalid_fee_rate', e.message);
    return walletError('invalid_amount', e.message);
  }
  // A PSBT the wallet will not sign is the page's bad input: -32602, nothing signed.
  if (e instanceof PsbtRequestError) return new WalletError(RPC.invalidParams, e.message, { reason: 'psbt_refused' });
  if (e instanceof EsploraError) {
    if (e.rejectReason) return walletError('btc_broadcast_refused', `The network refused the transaction: ${e.rejectReason}`);
    return walletError('btc_server_unavailable', e.message);
  }
  return e;
}

/** Runs `fn`, mapping Bitcoin errors as above. */
export async function withBtcErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw btcError(e);
  }
}
