import { freeze, randomUuid } from './intrinsics';

export interface Eip6963ProviderInfo {
  readonly uuid: string;
  readonly name: string;
  readonly icon: string;
  readonly rdns: string;
}

/** A circle, Bitcoin orange on the left and Ethereum blue on the right (SVG, 156 bytes, in a 2×2 box). */
export const DUOWALLET_ICON =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyIDIiPjxwYXRoIGZpbGw9IiNmNzkzMWEiIGQ9Ik0xIDBhMSAxIDAgMCAwIDAgMnoiLz48cGF0aCBmaWxsPSIjNjI3ZWVhIiBkPSJNMSAwYTEgMSAwIDAgMSAwIDJ6Ii8+PC9zdmc+';

/** What announceEip6963 needs from the window; bound when it is called (at load). */
export interface AnnounceWindow {
  addEventListener(type: string, listener: () => void): void;
  dispatchEvent(event: Event): boolean;
  CustomEvent: typeof CustomEvent;
}

/**
 * EIP-6963: announces `provider` now and again on every `eip6963:requestProvider`.
 * The uuid is made once per page. Returns the (frozen) info.
 */
export function announceEip6963(win: AnnounceWindow, provider: object): Eip6963ProviderInfo {
  const dispatch = win.dispatchEvent.bind(win);
  const NativeCustomEvent = win.CustomEvent;
  const info: Eip6963ProviderInfo = freeze({ uuid: randomUuid(), name: 'DuoWallet', icon: DUOWALLET_ICON, rdns: 'dev.duowallet' });
  const detail = freeze({ info, provider });
  const announce = (): void => {
    dispatch(new NativeCustomEvent('eip6963:announceProvider', { detail }));
  };
  win.addEventListener('eip6963:requestProvider', announce);
  announce();
  return info;
}
