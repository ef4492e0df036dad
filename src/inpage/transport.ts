import { PAGE_CHANNEL, type PageRequest, type ProviderChain } from '../shared/provider-protocol';
import { createEmitter } from './emitter';
import { errorFromShape, rpcError, type ProviderRpcError } from './errors';
import { clone, dict, isObject, own, randomUuid } from './intrinsics';

/** Called exactly once per request: with an error, or with null and the result. */
export type Done = (error: ProviderRpcError | null, result?: unknown) => void;
export type EventHandler = (event: string, data: unknown) => void;

export interface Transport {
  /** Callback form of `request` (no Promise.prototype involved). */
  send(chain: ProviderChain, method: string, params: unknown, done: Done): void;
  /** Calls `handler` for every PageEvent of `chain`. */
  subscribe(chain: ProviderChain, handler: EventHandler): void;
}

/** The private channel to the content script (see page-port.ts). */
export interface PagePort {
  post(message: PageRequest): void;
  /** Sets the one handler for everything the content script sends (responses and events). */
  listen(handler: (data: unknown) => void): void;
}

export interface TransportHost {
  /** Calls `onPort` once, when the content script's end of the channel has arrived. */
  connect(onPort: (port: PagePort) => void): void;
}

interface EventPayload {
  event: string;
  data: unknown;
}

/**
 * The page end of the wire: sends PageRequests to the content script over a private
 * MessagePort and settles them from the PageResponses that come back on it. Must be created
 * at load, before page scripts run (the host registers its window listener then). Requests
 * made before the port has arrived wait in order and go out when it does.
 */
const unserialisable = (): ProviderRpcError => rpcError(-32602, 'Invalid params: not serialisable');

export function createTransport(host: TransportHost): Transport {
  const pending = dict<Done>();
  const waiting = dict<PageRequest>(); // sequence number → request, until the port arrives
  let seq = 0;
  let port: PagePort | null = null;
  const events = createEmitter();

  const receive = (data: unknown): void => {
    if (!isObject(data) || own(data, 'channel') !== PAGE_CHANNEL) return;
    const dir = own(data, 'dir');
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
    if (dir !== 'evt') return;
    const chain = own(data, 'chain');
    const name = own(data, 'event');
    if (typeof chain === 'string' && typeof name === 'string') {
      const payload: EventPayload = { event: name, data: own(data, 'data') };
      events.emit(chain, payload);
    }
  };

  host.connect((p) => {
    port = p;
    p.listen(receive);
    for (const key in waiting) {
      const message = waiting[key];
      delete waiting[key];
      if (message) p.post(message);
    }
  });

  const send = (chain: ProviderChain, method: string, params: unknown, done: Done): void => {
    const id = randomUuid();
    let message: PageRequest;
    try {
      // Copied now: the page cannot change what is sent after request() returned.
      message = { channel: PAGE_CHANNEL, dir: 'req', id, chain, method, params: params === undefined ? undefined : clone(params) };
    } catch {
      // DataCloneError: params held a function, a DOM node, …; or a getter threw
      done(unserialisable());
      return;
    }
    pending[id] = done;
    if (!port) {
      waiting[++seq] = message;
      return;
    }
    try {
      port.post(message);
    } catch {
      delete pending[id];
      done(unserialisable());
    }
  };

  return {
    send,
    subscribe(chain, handler) {
      events.on(chain, (payload) => {
        const { event, data } = payload as EventPayload;
        handler(event, data);
      });
    },
  };
}
