import type { BtcAddressInfo, BtcNetworkName, BtcPurpose, BtcSignInput } from '../shared/btc-protocol';
import {
  arrayOf,
  ask,
  BOOL_FALSE,
  has,
  invalid,
  mapped,
  networkOf,
  NETWORKS,
  oneOf,
  paramsOf,
  recipientsOf,
  strAt,
  uints,
  withAccounts,
  txidAnswer,
  xOnly,
} from './bitcoin-common';
import { createRequest, WALLET_VERSION, type Handler, type RequestFn } from './bitcoin-request';
import { append, freeze, hasOwn, isArray, isObject, keys, own } from './intrinsics';
import type { Done, Transport } from './transport';

/**
 * The sats-connect / Xverse dialect (`window.duowallet.satsConnect`, registered in
 * `window.btc_providers` under the id 'duowallet.satsConnect', the path sats-connect's
 * getProviderById walks from window). sats-connect calls `provider.request(method, params)` and
 * reads `{ jsonrpc, id, result }` / `{ jsonrpc, id, error }` from the *resolved* value; a
 * rejection would escape sats-connect's `request()` as a throw, so this provider never rejects.
 *
 * Error codes are sats-connect's RpcErrorCode: 4001 → -32000 USER_REJECTION,
 * 4100 → -32002 ACCESS_DENIED, 4200 → -32001 METHOD_NOT_SUPPORTED; JSON-RPC codes
 * (-32601, -32602, -32603) as they are.
 *
 * Networks (BitcoinNetworkType, in getAddresses / wallet_connect answers): mainnet → 'Mainnet',
 * testnet4 → 'Testnet4', signet → 'Signet', regtest → 'Regtest'.
 *
 * Methods: getInfo, getAddresses, getAccounts, wallet_connect, signMessage, signPsbt,
 * sendTransfer. Left out to keep inpage.js within its budget (§8): wallet_getNetwork,
 * wallet_changeNetwork, getBalance, wallet_getAccount, wallet_disconnect and addListener
 * (sats-connect then logs that events are unsupported); each is -32601.
 */

export interface SatsConnectAddress {
  address: string;
  publicKey: string;
  purpose: BtcPurpose;
  addressType: BtcAddressInfo['addressType'];
  walletType: 'software';
}

export interface SatsConnectProvider {
  request: RequestFn;
}

const BOTH: readonly BtcPurpose[] = ['payment', 'ordinals'];

/** sats-connect's RpcErrorCode for ours. */
export const satsConnectCode = (code: number): number => (code === 4001 ? -32000 : code === 4100 ? -32002 : code === 4200 ? -32001 : code);

/** The `network` of getAddresses / wallet_connect answers (Bitcoin only: this wallet has no Stacks or Spark side). */
export const networkInfo = (n: BtcNetworkName) => ({ bitcoin: { name: NETWORKS[n][0] as string } });

/**
 * The Bitcoin purposes out of sats-connect's `purposes` / `addresses` list (missing: both).
 * Anything else (stacks, starknet, spark: this wallet has no such addresses) is left out.
 */
export function purposesOf(value: unknown, name: string): BtcPurpose[] {
  if (value === undefined) return BOTH as BtcPurpose[];
  const list = arrayOf(value, name, true);
  return mapped(BOTH, (p) => (has(list, p) ? p : undefined));
}

/** Our addresses as sats-connect's Address (p2tr with its x-only key, as Xverse reports it), filtered by purpose. */
export function satsConnectAddresses(accounts: BtcAddressInfo[], purposes: readonly string[]): SatsConnectAddress[] {
  return mapped(accounts, (a) =>
    has(purposes, a.purpose) ? { address: a.address, publicKey: a.addressType === 'p2tr' ? xOnly(a) : a.publicKey, purpose: a.purpose, addressType: a.addressType, walletType: 'software' as const } : undefined,
  );
}

/** signPsbt's `signInputs: Record<address, number[]>` as our signInputs (missing or empty: the wallet's default, all its inputs). */
export function signInputsOf(value: unknown): BtcSignInput[] | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || isArray(value)) throw invalid('signInputs');
  let out: BtcSignInput[] | undefined;
  for (const address in value) {
    const indexes = hasOwn(value, address) ? own(value, address) : [];
    if (!isArray(indexes)) throw invalid('signInputs');
    const list = uints(indexes, 'signInputs');
    for (let i = 0; i < list.length; i++) append((out ??= []), { index: list[i] ?? 0, address });
  }
  return out;
}

export function createSatsConnectProvider(t: Transport): SatsConnectProvider {
  /**
   * requestAccounts for the purposes in `params[key]`, then the network (asked second, so both
   * describe the same moment), built into one answer. Xverse's `message` is not part of our
   * approval, and wallet_connect's `network` is not switched to: the answer says where the wallet is.
   */
  const connect = (params: unknown, key: string, done: Done, build: (accounts: BtcAddressInfo[], n: BtcNetworkName, purposes: BtcPurpose[]) => unknown) => {
    const purposes = purposesOf(own(paramsOf(params), key), key);
    withAccounts(t, 'requestAccounts', { purposes }, done, (accounts) => ask(t, ['getNetwork', (r) => build(accounts, networkOf(r) as BtcNetworkName, purposes)], done));
  };

  const handlers: Record<string, Handler> = {
    getInfo: (_params, done) => done(null, { version: WALLET_VERSION, platform: 'web', methods: keys(handlers), supports: ['WBIP004'] }),
    getAddresses: (params, done) => connect(params, 'purposes', done, (accounts, n, purposes) => ({ addresses: satsConnectAddresses(accounts, purposes), network: networkInfo(n) })),
    getAccounts: (params, done) => connect(params, 'purposes', done, (accounts, _n, purposes) => satsConnectAddresses(accounts, purposes)),
    wallet_connect: (params, done) =>
      connect(params, 'addresses', done, (accounts, n, purposes) => ({
        id: accounts[0]?.address,
        addresses: satsConnectAddresses(accounts, purposes),
        walletType: 'software',
        network: networkInfo(n),
      })),
    signMessage: (params) => {
      const p = paramsOf(params);
      const protocol = oneOf(p, 'protocol', ['BIP322', 'ECDSA']);
      return [
        'signMessage',
        (r) => ({ ...(r as object), protocol: own(r as object, 'protocol') === 'ecdsa' ? 'ECDSA' : 'BIP322' }),
        { address: strAt(p, 'address'), message: strAt(p, 'message', true), protocol: protocol === 'ECDSA' ? 'ecdsa' : 'bip322' },
      ];
    },
    signPsbt: (params) => {
      const p = paramsOf(params);
      const broadcast = oneOf(p, 'broadcast', BOOL_FALSE);
      return ['signPsbt', (r) => ({ psbt: own(r as object, 'psbtBase64'), txid: own(r as object, 'txid') }), { psbt: strAt(p, 'psbt'), signInputs: signInputsOf(own(p, 'signInputs')), finalize: broadcast, broadcast }];
    },
    sendTransfer: (params) => ['sendTransfer', txidAnswer, { recipients: recipientsOf(arrayOf(own(paramsOf(params), 'recipients'), 'recipients')) }],
  };

  return freeze({
    request: createRequest(t, handlers, false, satsConnectCode),
  });
}
