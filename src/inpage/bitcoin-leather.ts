import type { BtcSignInput } from '../shared/btc-protocol';
import { addressesOf, arrayOf, ask, BOOL_FALSE, invalid, mapped, oneOf, paramsOf, recipientsOf, strAt, txidAnswer, uints, withAccounts } from './bitcoin-common';
import { createRequest, type Handler, type RequestFn } from './bitcoin-request';
import { freeze, own } from './intrinsics';
import type { Transport } from './transport';

/**
 * The Leather dialect (`window.duowallet.leather`; never `window.LeatherProvider`, which is
 * Leather's own global: taking it would make this wallet pass for Leather). Leather's
 * `request(method, params)` resolves `{ jsonrpc: '2.0', id, result }` and *rejects* with the
 * whole `{ jsonrpc: '2.0', id, error: { code, message } }` (a plain object, not an Error); this
 * does the same, with Leather's codes (4001 user rejected, 4002 method not supported, JSON-RPC
 * codes otherwise). Because sats-connect expects errors resolved, this object is not the one
 * registered in `window.btc_providers`.
 *
 * `network` and `account` params are ignored: the wallet's current network and connected account
 * are used (the background refuses recipients of another network).
 */

export interface LeatherProvider {
  request: RequestFn;
}

export interface LeatherAddress {
  symbol: 'BTC';
  type: 'p2wpkh' | 'p2tr';
  address: string;
  publicKey: string;
  derivationPath: string;
}

export function createLeatherProvider(t: Transport): LeatherProvider {
  const handlers: Record<string, Handler> = {
    getAddresses: () => [
      'requestAccounts',
      (r) => {
        const addresses = mapped(addressesOf(r), (a): LeatherAddress => ({ symbol: 'BTC', type: a.addressType, address: a.address, publicKey: a.publicKey, derivationPath: a.derivationPath }));
        return { addresses };
      },
    ],
    signMessage: (params, done) => {
      const p = paramsOf(params);
      const message = strAt(p, 'message', true);
      const type = oneOf(p, 'paymentType', ['p2wpkh', 'p2tr']);
      const protocol = oneOf(p, 'type', ['bip322', 'legacy']) === 'legacy' ? 'ecdsa' : 'bip322';
      withAccounts(t, 'getAccounts', undefined, done, (accounts) => {
        const address = mapped(accounts, (a) => (a.addressType === type ? a.address : undefined))[0];
        if (address === undefined) done(invalid('paymentType'));
        else ask(t, ['signMessage', (r) => ({ signature: own(r as object, 'signature'), address: own(r as object, 'address'), message }), { address, message, protocol }], done);
      });
    },
    signPsbt: (params) => {
      const p = paramsOf(params);
      const at = own(p, 'signAtIndex');
      const allowed = own(p, 'allowedSighash');
      const sighashTypes = allowed === undefined ? undefined : uints(allowed, 'allowedSighash');
      const signInputs = mapped(at === undefined ? [] : uints(at, 'signAtIndex'), (index): BtcSignInput => ({ index, sighashTypes }));
      const broadcast = oneOf(p, 'broadcast', BOOL_FALSE);
      return ['signPsbt', (r) => ({ hex: own(r as object, 'psbtHex'), txid: own(r as object, 'txid') }), { psbt: strAt(p, 'hex'), signInputs: signInputs.length ? signInputs : undefined, finalize: broadcast, broadcast }];
    },
    sendTransfer: (params) => {
      const p = paramsOf(params);
      const list = own(p, 'recipients');
      // also the legacy single-recipient form { address, amount }
      return ['sendTransfer', txidAnswer, { recipients: recipientsOf(list === undefined ? [p] : arrayOf(list, 'recipients')) }];
    },
  };

  return freeze({
    request: createRequest(t, handlers, true, (code) => (code === 4200 ? 4002 : code)),
  });
}
