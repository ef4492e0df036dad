import type { BtcAddressInfo, BtcMethod, BtcNetworkName } from '../shared/btc-protocol';
import { rpcError, type ProviderRpcError } from './errors';
import { append, clone, isArray, isObject, isSafeInteger, NativeError, NativePromise, own } from './intrinsics';
import type { Done, Transport } from './transport';

/**
 * What the three Bitcoin dialects share: reading the page's arguments (always from a structured
 * copy, fields read with own()), sending canonical requests of src/shared/btc-protocol.ts, and
 * the network names. Validators throw a -32602 ProviderRpcError naming the field; the dialect
 * answers it in its own shape, and nothing has been sent by then.
 */

export type Obj = Record<string, unknown>;

/** One canonical request a dialect method becomes: method, how its answer is mapped, params. */
export type Ask = [method: BtcMethod, map: (result: unknown) => unknown, params?: unknown];

export function invalid(field: string): ProviderRpcError {
  return rpcError(-32602, `Invalid params: ${field}`);
}

/** The `{ txid }` answer of a send, out of the background's. */
export const txidAnswer = (r: unknown) => ({ txid: own(r as object, 'txid') });

/** A thrown value as a ProviderRpcError: ours pass through, anything else is -32603. */
export function asRpcError(e: unknown): ProviderRpcError {
  return e instanceof NativeError && typeof own(e, 'code') === 'number' ? (e as ProviderRpcError) : rpcError(-32603, 'Internal error');
}

/**
 * A plain copy of the page's params object (getters run once, functions/proxies refused);
 * undefined and null read as {}. `name` names it in the error.
 */
export function paramsOf(value: unknown, name = 'params'): Obj {
  if (value === undefined || value === null) return {};
  let copy: unknown;
  try {
    copy = clone(value);
  } catch {
    throw invalid(name);
  }
  if (!isObject(copy) || isArray(copy)) throw invalid(name);
  return copy as Obj;
}

/** A copied page value that must be an array (non-empty unless `empty`). */
export function arrayOf(value: unknown, name: string, empty?: boolean): unknown[] {
  const copy = paramsOf({ v: value }, name).v;
  if (!isArray(copy) || (!empty && copy.length === 0)) throw invalid(name);
  return copy;
}

/** A string (non-empty unless `empty`). */
export function str(value: unknown, name: string, empty?: boolean): string {
  if (typeof value !== 'string' || (!empty && value.length === 0)) throw invalid(name);
  return value;
}

/** `p[key]` as a string (non-empty unless `empty`). */
export const strAt = (p: Obj, key: string, empty?: boolean): string => str(own(p, key), key, empty);

/** `p[key]` as a non-empty string, or undefined when missing. */
export const optStrAt = (p: Obj, key: string): string | undefined => (own(p, key) === undefined ? undefined : strAt(p, key));

/** `p[key]` if it is one of `allowed` (missing: the first of them); booleans too. */
export function oneOf<T>(p: Obj, key: string, allowed: readonly T[]): T {
  const value = own(p, key) ?? allowed[0];
  if (!has(allowed, value)) throw invalid(key);
  return value as T;
}

export const BOOL_FALSE: readonly boolean[] = [false, true];
export const BOOL_TRUE: readonly boolean[] = [true, false];

export function has(list: readonly unknown[], value: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

/** `f` of each entry of `list`, leaving out the undefined ones. */
export function mapped<T, U>(list: readonly T[], f: (entry: T) => U | undefined): U[] {
  const out: U[] = [];
  for (let i = 0; i < list.length; i++) {
    const value = f(list[i] as T);
    if (value !== undefined) append(out, value);
  }
  return out;
}

/** A non-negative safe integer, or a list of them (input indexes, sighash types). */
export function uints(value: unknown, name: string): number[] {
  return mapped(isArray(value) ? value : [value], (n) => {
    if (typeof n !== 'number' || !isSafeInteger(n) || n < 0) throw invalid(name);
    return n;
  });
}

/** A positive amount of satoshis (safe-integer number or numeric string) as a decimal string. */
export function sats(value: unknown, name: string): string {
  const n = typeof value === 'string' && value !== '' ? +value : value;
  if (typeof n !== 'number' || !isSafeInteger(n) || n <= 0) throw invalid(name);
  return `${n}`;
}

/** `list` (copied from the page) as our sendTransfer recipients. */
export function recipientsOf(list: unknown[]): { address: string; amount: string }[] {
  return mapped(list, (r) => {
    if (!isObject(r)) throw invalid('recipients');
    return { address: strAt(r as Obj, 'address'), amount: sats(own(r, 'amount'), 'amount') };
  });
}

/**
 * Our networks and their names in the dialects: [sats-connect BitcoinNetworkType, UniSat
 * network]. UniSat calls both Testnet4 and Signet 'testnet'.
 */
export const NETWORKS: Readonly<Record<BtcNetworkName, readonly string[]>> = {
  mainnet: ['Mainnet', 'livenet'],
  testnet4: ['Testnet4', 'testnet'],
  signet: ['Signet', 'testnet'],
  regtest: ['Regtest', 'regtest'],
};

/** Ours for our own name or a dialect's name in column `col` (first match, so UniSat's 'testnet' is testnet4). */
export function networkNamed(value: unknown, col: number, name: string): BtcNetworkName {
  for (const n in NETWORKS) if (n === value || (own(NETWORKS, n) as string[])[col] === value) return n as BtcNetworkName;
  throw invalid(name);
}

/**
 * Our network name out of a getNetwork / switchNetwork answer or a networkChanged event
 * (undefined if it is not one; a mapping that then indexes NETWORKS with it fails, which
 * ask() answers as -32603).
 */
export function networkOf(value: unknown): BtcNetworkName | undefined {
  const name = isObject(value) ? own(value, 'network') : value;
  return typeof name === 'string' && own(NETWORKS, name) ? (name as BtcNetworkName) : undefined;
}

const TYPES = ['p2wpkh', 'p2tr'];

/**
 * The background's addresses, p2wpkh (payment) first and p2tr (ordinals) second: the order every
 * dialect reports them in. Entries that are not addresses are dropped.
 */
export function addressesOf(list: unknown): BtcAddressInfo[] {
  const out: BtcAddressInfo[] = [];
  if (isArray(list)) {
    for (let t = 0; t < 2; t++) {
      for (let i = 0; i < list.length; i++) {
        const a: unknown = list[i];
        if (isObject(a) && own(a, 'addressType') === TYPES[t] && typeof own(a, 'address') === 'string') append(out, a as BtcAddressInfo);
      }
    }
  }
  return out;
}

/** The 32-byte x-only key of a p2tr address (the background's, or the compressed key minus its prefix byte). */
export function xOnly(a: BtcAddressInfo): string {
  const given = own(a, 'xOnlyPublicKey');
  if (typeof given === 'string') return given;
  let out = '';
  for (let i = 2; i < a.publicKey.length; i++) out += a.publicKey[i] ?? '';
  return out;
}

/**
 * Sends one canonical request and hands its mapped answer to `done`. A throw in the map (an
 * answer of the wrong shape, or a ProviderRpcError it raises on purpose) still settles `done`.
 */
export function ask(t: Transport, a: Ask, done: Done): void {
  t.send('btc', a[0], a[2], (error, result) => {
    if (!error) {
      try {
        result = a[1](result);
      } catch (e) {
        error = asRpcError(e);
      }
    }
    done(error, result);
  });
}

/**
 * Sends `method` (requestAccounts or getAccounts) and calls `next` with the ordered addresses;
 * none is 4100 (not connected). `next` must not throw: it settles `done` itself.
 */
export function withAccounts(t: Transport, method: 'requestAccounts' | 'getAccounts', params: unknown, done: Done, next: (accounts: BtcAddressInfo[]) => void): void {
  ask(
    t,
    [
      method,
      (r) => {
        const accounts = addressesOf(r);
        if (accounts.length === 0) throw rpcError(4100, 'Not connected');
        return accounts;
      },
      params,
    ],
    (error, accounts) => (error ? done(error) : next(accounts as BtcAddressInfo[])),
  );
}

/** A Promise settled by `done`; a throw while starting (validation) rejects it with that error. No Promise.prototype involved. */
export function promised(run: (done: Done) => void): Promise<unknown> {
  return new NativePromise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result))));
}
