import { PAGE_CHANNEL, type PageRequest, type ProviderChain } from '../shared/provider-protocol';
import { createEmitter } from './emitter';
import { errorFromShape, rpcError, type ProviderRpcError } from './errors';
import { dict, isObject, NativePromise, own, randomUuid } from './intrinsics';

/** Called exactly once per request: with an error, or with null and the result. */
export type Done = (error: ProviderRpcError | null, result?: unknown) => void;
export type EventHandler = (event: string, data: unknown) => void;

export interface Transport {
  /** Callback form of `request` (no Promise.prototype involved). */
  send(chain: ProviderChain, method: string, params: unknown, done: Done): void;
  request(chain: ProviderChain, method: string, params?: unknown): Promise<unknown>;
  /** Calls `handler` for every PageEvent of `chain`. */
  subscribe(chain: ProviderChain, handler: EventHandler): void;
}

/** What the transport needs from the window; read once, when it is created. */
export interface TransportWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void, capture: boolean): void;
  /** The document's origin: 'null' in sandboxed frames (where location.origin still names the URL's origin). */
  origin: string;
}

interface EventPayload {
  event: string;
  data: unknown;
}

/**
 * The page end of the wire: posts PageRequests to the content script and settles them from
 * PageResponses. Must be created at load, before page scripts run: it binds the window's
 * postMessage/addEventListener then and registers the first capturing 'message' listener of
 * the MAIN world, which hides our responses and events from the page's own listeners.
 */
export function createTransport(win: TransportWindow): Transport {
  const post = win.postMessage.bind(win);
  // Opaque origins (sandboxed frames) serialise as 'null', which postMessage cannot target.
  // window.origin, not location.origin: in a sandboxed frame the latter is the URL's origin and a
  // message targeted at it is dropped ("does not match the recipient window's origin ('null')").
  const targetOrigin = win.origin === 'null' ? '*' : win.origin;
  const pending = dict<Done>();
  const events = createEmitter();

  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== win) return;
      const data: unknown = event.data;
      if (!isObject(data) || own(data, 'channel') !== PAGE_CHANNEL) return;
      const dir = own(data, 'dir');
      if (dir !== 'res' && dir !== 'evt') return;
      event.stopImmediatePropagation();
      if (dir === 'res') {
        const id = own(data, 'id');
        if (typeof id !== 'string') return;
        const done = pending[id];
        if (!done) return; // not ours, or already settled: a response settles once
        delete pending[id];
        const error = own(data, 'error');
        if (error !== undefined) done(errorFromShape(error));
        else done(null, own(data, 'result'));
        return;
      }
      const chain = own(data, 'chain');
      const name = own(data, 'event');
      if (typeof chain === 'string' && typeof name === 'string') {
        const payload: EventPayload = { event: name, data: own(data, 'data') };
        events.emit(chain, payload);
      }
    },
    true,
  );

  const send = (chain: ProviderChain, method: string, params: unknown, done: Done): void => {
    const id = randomUuid();
    const message: PageRequest = { channel: PAGE_CHANNEL, dir: 'req', id, chain, method, params };
    pending[id] = done;
    try {
      post(message, targetOrigin);
    } catch {
      // DataCloneError: params held a function, a DOM node, …
      delete pending[id];
      done(rpcError(-32602, 'Invalid params: not serialisable'));
    }
  };

  return {
    send,
    request: (chain, method, params) =>
      new NativePromise((resolve, reject) => send(chain, method, params, (error, result) => (error ? reject(error) : resolve(result)))),
    subscribe(chain, handler) {
      events.on(chain, (payload) => {
        const { event, data } = payload as EventPayload;
        handler(event, data);
      });
    },
  };
}
