import { DUOWALLET_ICON } from './eip6963';
import { append, freeze, isArray, setOwn } from './intrinsics';

/** A WBIP004 entry of `window.btc_providers`. */
export interface BtcProviderInfo {
  readonly id: string;
  readonly name: string;
  readonly icon: string;
  readonly webUrl?: string;
  readonly methods?: readonly string[];
}

/** The path (from window) sats-connect's getProviderById walks to reach our request() provider. */
export const SATS_CONNECT_PROVIDER_ID = 'duowallet.satsConnect';

/**
 * Our entry. No webUrl (WBIP004 makes it optional and the project has no site of its own to point
 * at) and no methods list (optional too; getInfo answers it).
 */
export const DUOWALLET_BTC_PROVIDER: BtcProviderInfo = freeze({ id: SATS_CONNECT_PROVIDER_ID, name: 'DuoWallet', icon: DUOWALLET_ICON });

/**
 * WBIP004: makes sure `win.btc_providers` is an array (created writable and configurable, like a
 * plain assignment, when absent) and appends `entry`. Never replaces another wallet's array; a
 * value that is not an array, or an array that will not take the entry (frozen, a throwing
 * Proxy), is left alone. Called once per window: index.ts calls it only when it has just defined
 * window.duowallet, so a second copy of the script adds no second entry.
 * Returns whether the entry was added.
 */
export function registerBtcProvider(win: object, entry: BtcProviderInfo): boolean {
  try {
    let list = (win as { btc_providers?: unknown }).btc_providers;
    if (list === undefined || list === null) setOwn(win, 'btc_providers', (list = []));
    if (!isArray(list)) return false;
    append(list, entry);
    return true;
  } catch {
    return false; // a getter that throws, a frozen array, a revoked Proxy: not ours to fix
  }
}
