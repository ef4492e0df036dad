import {
  PAGE_CHANNEL,
  type PageEvent,
  type PageResponse,
  type PortRequest,
  type ProviderChain,
  type RpcErrorShape,
} from '../shared/provider-protocol';
import { checkPageMessage } from './validate';

/** The part of a runtime.Port the relay uses (webextension-polyfill's Port satisfies it). */
export interface RelayPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(callback: (message: unknown) => void): void };
  onDisconnect: { addListener(callback: () => void): void };
}

export interface RelayDeps {
  /** runtime.connect({ name: PORT_NAME }); throws once the extension context is invalidated. */
  connect(): RelayPort;
  /** False once the extension was reloaded, updated or removed (runtime.id is gone). */
  isAlive(): boolean;
  /** window.postMessage(message, targetOrigin). */
  postToPage(message: PageResponse | PageEvent): void;
  /** A fresh unguessable id for the port (the page never chooses it). */
  newId(): string;
}

/** A port that disconnects within this time without having delivered anything counts as a failed attempt. */
export const QUICK_FAILURE_MS = 1_000;
/** After this many failed attempts in a row the requests in flight are answered with 4900. */
export const MAX_CONNECT_FAILURES = 3;
/** Wait before retry n (n ≥ 1) is n × this. */
export const RETRY_DELAY_MS = 100;
/**
 * While requests are in flight the relay checks this often whether the extension still exists.
 * Needed because on an extension reload Chrome fires onDisconnect while runtime.id is still
 * set; the reconnect made then succeeds, but the context is invalidated a moment later and that
 * port never delivers anything or disconnects.
 */
export const ALIVE_CHECK_MS = 1_000;

export const DISCONNECTED: RpcErrorShape = { code: 4900, message: 'Disconnected' };
const INVALID_PARAMS = -32602;

interface InFlight {
  pageId: string;
  request: PortRequest;
}

export interface Relay {
  /**
   * Handles what inpage.js sent over the private port. Returns true when it was a request on
   * our channel (forwarded or answered with an error), false when it was ignored.
   */
  handlePageMessage(data: unknown): boolean;
  /** Number of requests awaiting an answer from the background (for tests). */
  pending(): number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toErrorShape(value: unknown): RpcErrorShape {
  if (!isRecord(value)) return { code: -32603, message: 'Internal error' };
  const error: RpcErrorShape = {
    code: typeof value.code === 'number' && Number.isInteger(value.code) ? value.code : -32603,
    message: typeof value.message === 'string' ? value.message : 'Internal error',
  };
  if (value.data !== undefined) error.data = value.data;
  return error;
}

/**
 * Page ⇄ background relay. One port at a time; requests stay in flight (keyed by the
 * relay's own id) until the background answers, and are re-sent with the same id after a
 * reconnect. Holds no other state.
 */
export function createRelay(deps: RelayDeps): Relay {
  const inFlight = new Map<string, InFlight>();
  let port: RelayPort | null = null;
  let connectedAt = 0;
  let heard = false;
  let failures = 0;
  let dead = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let aliveTimer: ReturnType<typeof setInterval> | undefined;

  /** Runs the liveness check exactly while something is in flight. */
  const watch = (): void => {
    if (inFlight.size > 0 && aliveTimer === undefined && !dead) {
      aliveTimer = setInterval(() => {
        if (!deps.isAlive()) die();
      }, ALIVE_CHECK_MS);
    } else if ((inFlight.size === 0 || dead) && aliveTimer !== undefined) {
      clearInterval(aliveTimer);
      aliveTimer = undefined;
    }
  };

  const answer = (pageId: string, error: RpcErrorShape): void => {
    deps.postToPage({ channel: PAGE_CHANNEL, dir: 'res', id: pageId, error });
  };

  const failAll = (error: RpcErrorShape): void => {
    const entries = [...inFlight.values()];
    inFlight.clear();
    watch();
    for (const entry of entries) answer(entry.pageId, error);
  };

  /** The extension is gone for good: nothing in this frame can reach a background again. */
  const die = (): void => {
    if (dead) return;
    dead = true;
    port = null;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    failAll(DISCONNECTED); // also stops the liveness check (dead is set)
    for (const chain of ['eth', 'btc'] as const) {
      deps.postToPage({ channel: PAGE_CHANNEL, dir: 'evt', chain, event: 'disconnect', data: { ...DISCONNECTED } });
    }
  };

  const onPortMessage = (message: unknown): void => {
    heard = true;
    failures = 0;
    if (!isRecord(message)) return;
    if (message.type === 'res' && typeof message.id === 'string') {
      const entry = inFlight.get(message.id);
      if (!entry) return; // already answered (a replayed request can be answered twice)
      inFlight.delete(message.id);
      watch();
      if ('error' in message && message.error !== undefined) {
        deps.postToPage({ channel: PAGE_CHANNEL, dir: 'res', id: entry.pageId, error: toErrorShape(message.error) });
      } else {
        deps.postToPage({ channel: PAGE_CHANNEL, dir: 'res', id: entry.pageId, result: message.result });
      }
    } else if (message.type === 'evt' && (message.chain === 'eth' || message.chain === 'btc') && typeof message.event === 'string') {
      const chain: ProviderChain = message.chain;
      deps.postToPage({ channel: PAGE_CHANNEL, dir: 'evt', chain, event: message.event, data: message.data });
    }
  };

  const ensurePort = (): RelayPort | null => {
    if (port) return port;
    if (dead) return null;
    if (!deps.isAlive()) {
      die();
      return null;
    }
    let next: RelayPort;
    try {
      next = deps.connect();
    } catch {
      // "Extension context invalidated": the extension was reloaded, updated or removed.
      die();
      return null;
    }
    port = next;
    connectedAt = Date.now();
    heard = false;
    next.onMessage.addListener(onPortMessage);
    next.onDisconnect.addListener(() => onDisconnect(next));
    return next;
  };

  const scheduleReplay = (delayMs: number): void => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      replay();
    }, delayMs);
  };

  /** Sends every request still in flight on a (new) port, with the ids it already had. */
  const replay = (): void => {
    if (inFlight.size === 0) return;
    const target = ensurePort();
    if (!target) return;
    for (const entry of [...inFlight.values()]) {
      if (!post(target, entry.request)) return;
    }
  };

  function onDisconnect(which: RelayPort): void {
    if (which !== port) return;
    port = null;
    try {
      which.disconnect();
    } catch {
      // already closed
    }
    if (!deps.isAlive()) {
      die();
      return;
    }
    const quick = !heard && Date.now() - connectedAt < QUICK_FAILURE_MS;
    failures = quick ? failures + 1 : 0;
    if (inFlight.size === 0) return; // reconnect lazily, on the next request
    if (failures >= MAX_CONNECT_FAILURES) {
      // The background keeps refusing: answer instead of hanging; the next request tries again.
      failures = 0;
      failAll(DISCONNECTED);
      return;
    }
    scheduleReplay(failures * RETRY_DELAY_MS);
  }

  /** Returns false if the port turned out to be dead (a replay is then scheduled). */
  function post(target: RelayPort, request: PortRequest): boolean {
    try {
      target.postMessage(request);
      return true;
    } catch {
      // "Attempting to use a disconnected port object": the worker went away under us.
      onDisconnect(target);
      return false;
    }
  }

  return {
    handlePageMessage(data: unknown): boolean {
      const check = checkPageMessage(data);
      if (check.kind === 'ignore') return false;
      if (check.kind === 'invalid') {
        answer(check.id, { code: INVALID_PARAMS, message: check.message });
        return true;
      }
      if (dead) {
        answer(check.id, { ...DISCONNECTED });
        return true;
      }
      const request: PortRequest = { type: 'req', id: deps.newId(), chain: check.chain, method: check.method };
      if (check.params !== undefined) request.params = check.params;
      inFlight.set(request.id, { pageId: check.id, request });
      watch();
      if (retryTimer !== undefined) return true; // goes out with the scheduled replay
      const target = ensurePort();
      if (target) post(target, request);
      return true;
    },
    pending: () => inFlight.size,
  };
}
