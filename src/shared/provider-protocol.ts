/**
 * Wire format between the page (inpage.js), the content script and the background.
 * Types and constants only: inpage imports this and must stay tiny.
 *
 * page ──MessagePort─────────► content ──runtime.Port──► background
 *   PageRequest                  PortRequest (content-made id)
 * page ◄─MessagePort─────────── content ◄──────────────── background
 *   PageResponse / PageEvent     PortResponse / PortEvent
 *
 * The MessagePort is private: content creates a MessageChannel at document_start and hands
 * one end to inpage with a single window message (PageHandshake). Nothing else of ours is
 * posted on the window, so page scripts cannot read request ids or forge answers/events.
 */

export const PAGE_CHANNEL = 'duowallet:provider';
export const PORT_NAME = 'duowallet:provider';

export type ProviderChain = 'eth' | 'btc';

export interface RpcErrorShape {
  code: number;
  message: string;
  data?: unknown;
}

/** Posted once by content to the window with the channel's other port in the transfer list. */
export interface PageHandshake {
  channel: typeof PAGE_CHANNEL;
  dir: 'port';
}

/** Sent by inpage over the private port; the content script accepts only these. */
export interface PageRequest {
  channel: typeof PAGE_CHANNEL;
  dir: 'req';
  id: string;
  chain: ProviderChain;
  method: string;
  params?: unknown;
}

/** Sent by content over the private port. Inpage ignores ids it did not send. */
export interface PageResponse {
  channel: typeof PAGE_CHANNEL;
  dir: 'res';
  id: string;
  result?: unknown;
  error?: RpcErrorShape;
}

export interface PageEvent {
  channel: typeof PAGE_CHANNEL;
  dir: 'evt';
  chain: ProviderChain;
  event: string;
  data: unknown;
}

/** content → background. `id` is made by the content script (a UUID), never by the page. */
export interface PortRequest {
  type: 'req';
  id: string;
  chain: ProviderChain;
  method: string;
  params?: unknown;
}

export type PortResponse = { type: 'res'; id: string; result: unknown } | { type: 'res'; id: string; error: RpcErrorShape };

/**
 * background → content. Sent with tabs.sendMessage (reaches the frame even after a worker
 * restart, before its port reconnects); the content script relays it only if `origin`
 * equals its own location.origin.
 */
export interface PortEvent {
  type: 'evt';
  chain: ProviderChain;
  event: string;
  data: unknown;
  origin?: string;
}

/** Limits the content script enforces before anything reaches the background. */
export const MAX_METHOD_LENGTH = 128;
export const MAX_PARAMS_BYTES = 1_000_000;
