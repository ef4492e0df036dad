import { INTERNAL_CHANNEL, type InternalRequest, type PopupOpen, type Reply } from '../shared/messages';

/**
 * The popup's first question to the background, asked by boot.ts (a plain script that runs
 * before the app's bundle) while React and the screens are still loading: the answer is
 * usually in by the time the app starts, so the first render is already the real screen.
 */
export interface EarlyOpen {
  answer: Promise<PopupOpen>;
  /** the answer once it came, readable without waiting */
  settled?: PopupOpen;
}

const KEY = '__duowalletEarlyOpen';
type Holder = { [KEY]?: EarlyOpen };

/** Sends popup_open now and leaves the pending answer for the app (boot.ts). */
export function startEarlyOpen(): void {
  if (typeof chrome === 'undefined' || !chrome.runtime?.sendMessage) return; // not an extension page
  const request: InternalRequest<'popup_open'> = { channel: INTERNAL_CHANNEL, method: 'popup_open', params: {} };
  const answer = chrome.runtime.sendMessage<InternalRequest<'popup_open'>, Reply<PopupOpen> | undefined>(request).then((reply) => {
    // Any failure: the app asks again through its own client, which explains errors.
    if (!reply?.ok) throw new Error('early popup_open failed');
    early.settled = reply.result;
    return reply.result;
  });
  answer.catch(() => undefined); // handled by the app; never an unhandled rejection here
  const early: EarlyOpen = { answer };
  (window as Holder)[KEY] = early;
}

/** The early answer, once: later refreshes ask the background afresh. */
export function takeEarlyOpen(): EarlyOpen | null {
  const holder = window as Holder;
  const early = holder[KEY] ?? null;
  delete holder[KEY];
  return early;
}
