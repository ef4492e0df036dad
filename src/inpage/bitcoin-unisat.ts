import type { BtcMethods, BtcNetworkName, BtcSignInput } from '../shared/btc-protocol';
import {
  addressesOf,
  arrayOf,
  ask,
  BOOL_TRUE,
  invalid,
  mapped,
  networkNamed,
  networkOf,
  NETWORKS,
  oneOf,
  optStrAt,
  paramsOf,
  promised,
  sats,
  str,
  uints,
  withAccounts,
  type Ask,
  type Obj,
} from './bitcoin-common';
import { createEmitter, listenerMethods, type Listener } from './emitter';
import { append, freeze, isObject, own } from './intrinsics';
import type { Done, Transport } from './transport';

/**
 * The UniSat-style object (`window.duowallet.bitcoin`, and `window.unisat` when nobody else owns
 * it). Same method names, arguments and answers as UniSat's provider; errors are Errors with
 * `code` (4001 user rejected, 4100 not connected, -32602 bad arguments), as UniSat's carry.
 *
 * Accounts: both addresses of the connected account, p2wpkh (payment) first, p2tr (ordinals)
 * second. UniSat dApps use accounts[0], so they get the payment address; getPublicKey and
 * signMessage use that same first address.
 *
 * Networks, as UniSat names them (getNetwork / switchNetwork / networkChanged):
 *   mainnet → 'livenet'; testnet4 → 'testnet'; signet → 'testnet'; regtest → 'regtest'.
 * UniSat itself reports 'testnet' for its Testnet4 and Signet chains. switchNetwork takes
 * 'livenet' | 'testnet' (→ testnet4, the only testnet here) and our own names 'mainnet' |
 * 'testnet4' | 'signet' | 'regtest'. UniSat's newer getChain/switchChain are left out to keep
 * inpage.js within its budget (§8).
 */

export interface UnisatSignPsbtOptions {
  autoFinalized?: boolean;
  toSignInputs?: { index: number; address?: string; publicKey?: string; sighashTypes?: number[] }[];
}

export interface UnisatProvider {
  readonly isDuoWallet: true;
  requestAccounts(): Promise<string[]>;
  getAccounts(): Promise<string[]>;
  getPublicKey(): Promise<string>;
  getBalance(): Promise<{ confirmed: number; unconfirmed: number; total: number }>;
  getNetwork(): Promise<string>;
  switchNetwork(network: string): Promise<string>;
  signMessage(message: string, type?: 'ecdsa' | 'bip322-simple'): Promise<string>;
  signPsbt(psbtHex: string, options?: UnisatSignPsbtOptions): Promise<string>;
  signPsbts(psbtHexs: string[], options?: UnisatSignPsbtOptions[]): Promise<string[]>;
  pushPsbt(psbtHex: string): Promise<string>;
  pushTx(rawtx: string | { rawtx: string }): Promise<string>;
  sendBitcoin(toAddress: string, satoshis: number, options?: { feeRate?: number }): Promise<string>;
  on(event: string, listener: Listener): UnisatProvider;
  addListener(event: string, listener: Listener): UnisatProvider;
  once(event: string, listener: Listener): UnisatProvider;
  removeListener(event: string, listener: Listener): UnisatProvider;
  off(event: string, listener: Listener): UnisatProvider;
  removeAllListeners(event?: string): UnisatProvider;
}

/** UniSat's network name for ours. */
export const unisatNetwork = (n: BtcNetworkName): string => NETWORKS[n][1] as string;

/** UniSat's signPsbt(psbtHex, { autoFinalized = true, toSignInputs }) as our signPsbt params (empty toSignInputs: all of ours). */
export function unisatPsbtParams(psbt: unknown, options: unknown): BtcMethods['signPsbt']['params'] {
  const o: Obj = paramsOf(options, 'options');
  const list = own(o, 'toSignInputs');
  const signInputs = mapped(list === undefined ? [] : arrayOf(list, 'toSignInputs', true), (e): BtcSignInput => {
    if (!isObject(e)) throw invalid('toSignInputs');
    const types = own(e, 'sighashTypes');
    return {
      index: uints(own(e, 'index'), 'index')[0] as number,
      address: optStrAt(e as Obj, 'address'),
      publicKey: optStrAt(e as Obj, 'publicKey'),
      sighashTypes: types === undefined ? undefined : uints(types, 'sighashTypes'),
    };
  });
  return { psbt: str(psbt, 'psbtHex'), signInputs: signInputs.length ? signInputs : undefined, finalize: oneOf(o, 'autoFinalized', BOOL_TRUE), broadcast: false };
}

export function createUnisatProvider(t: Transport): UnisatProvider {
  const emitter = createEmitter();

  /** The addresses of an answer or event, as UniSat lists them. */
  const addresses = (value: unknown): string[] => mapped(addressesOf(value), (a) => a.address);

  t.subscribe('btc', (event, data) => {
    const n = networkOf(data);
    if (event === 'accountsChanged') emitter.emit('accountsChanged', addresses(data));
    else if (event === 'networkChanged' && n) emitter.emit('networkChanged', unisatNetwork(n));
  });

  /** A Promise of the canonical request `build` makes (a throw in it, bad params, rejects). */
  const req = (build: () => Ask) => promised((done) => ask(t, build(), done));
  const txid = (r: unknown) => own(r as object, 'txid');
  const signOne = (psbt: unknown, options: unknown): Ask => ['signPsbt', (r) => own(r as object, 'psbtHex'), unisatPsbtParams(psbt, options)];

  const provider: UnisatProvider = freeze({
    isDuoWallet: true as const,
    requestAccounts: () => req(() => ['requestAccounts', addresses]) as Promise<string[]>,
    getAccounts: () => req(() => ['getAccounts', addresses]) as Promise<string[]>,
    getPublicKey: () => promised((done) => withAccounts(t, 'getAccounts', undefined, done, (accounts) => done(null, accounts[0]?.publicKey))) as Promise<string>,
    getBalance: () =>
      req(() => {
        const num = (r: unknown, key: string) => +(own(r as object, key) as string);
        return ['getBalance', (r) => ({ confirmed: num(r, 'confirmed'), unconfirmed: num(r, 'unconfirmed'), total: num(r, 'total') })];
      }) as ReturnType<UnisatProvider['getBalance']>,
    getNetwork: () => req(() => ['getNetwork', (r) => unisatNetwork(networkOf(r) as BtcNetworkName)]) as Promise<string>,
    switchNetwork: (network: string) =>
      req(() => ['switchNetwork', (r) => unisatNetwork(networkOf(r) as BtcNetworkName), { network: networkNamed(network, 1, 'network') }]) as Promise<string>,
    signMessage: (message: string, type?: 'ecdsa' | 'bip322-simple') =>
      promised((done) => {
        const text = str(message, 'message', true);
        const protocol = oneOf({ type }, 'type', ['ecdsa', 'bip322-simple']) === 'ecdsa' ? 'ecdsa' : 'bip322';
        withAccounts(t, 'getAccounts', undefined, done, (accounts) =>
          ask(t, ['signMessage', (r) => own(r as object, 'signature'), { address: accounts[0]?.address, message: text, protocol }], done),
        );
      }) as Promise<string>,
    signPsbt: (psbtHex: string, options?: UnisatSignPsbtOptions) => req(() => signOne(psbtHex, options)) as Promise<string>,
    signPsbts: (psbtHexs: string[], options?: UnisatSignPsbtOptions[]) =>
      promised((done) => {
        const hexes = arrayOf(psbtHexs, 'psbtHexs');
        const opts = options === undefined ? [] : arrayOf(options, 'options', true);
        for (let i = 0; i < hexes.length; i++) signOne(hexes[i], opts[i]); // all checked before the first is sent
        const out: string[] = [];
        // One after the other: each is its own approval; the first error ends the batch.
        const next: Done = (error, signed) => {
          if (error) return done(error);
          if (signed !== undefined) append(out, signed as string);
          if (out.length === hexes.length) done(null, out);
          else ask(t, signOne(hexes[out.length], opts[out.length]), next);
        };
        next(null);
      }) as Promise<string[]>,
    pushPsbt: (psbtHex: string) => req(() => ['pushPsbt', txid, { psbt: str(psbtHex, 'psbtHex') }]) as Promise<string>,
    pushTx: (rawtx: string | { rawtx: string }) => req(() => ['pushTx', txid, { hex: str(typeof rawtx === 'string' ? rawtx : own(paramsOf(rawtx), 'rawtx'), 'rawtx') }]) as Promise<string>,
    sendBitcoin: (toAddress: string, satoshis: number, options?: { feeRate?: number }) =>
      req(() => {
        const feeRate = own(paramsOf(options, 'options'), 'feeRate');
        if (feeRate !== undefined && !(typeof feeRate === 'number' && feeRate > 0)) throw invalid('feeRate');
        return ['sendTransfer', txid, { recipients: [{ address: str(toAddress, 'toAddress'), amount: sats(satoshis, 'satoshis') }], feeRate }];
      }) as Promise<string>,
    ...listenerMethods(emitter, () => provider),
  });
  return provider;
}
