import { MAX_METHOD_LENGTH, MAX_PARAMS_BYTES, PAGE_CHANNEL, type ProviderChain } from '../shared/provider-protocol';

/** Longest page-made request id the relay accepts (it is echoed back to the page). */
export const MAX_ID_LENGTH = 128;
/** Deepest nesting of params; also what stops a cyclic structured clone from recursing forever. */
export const MAX_PARAMS_DEPTH = 64;

export type PageMessageCheck =
  /** Not a request on our channel (or not even addressable): do nothing, answer nothing. */
  | { kind: 'ignore' }
  /** A request on our channel that is malformed: answer the page with -32602 under `id`. */
  | { kind: 'invalid'; id: string; message: string }
  /** A well-formed request. `params` is the JSON-normalised copy that is forwarded. */
  | { kind: 'request'; id: string; chain: ProviderChain; method: string; params?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A plain object from any realm: its prototype is `Object.prototype` of some realm, or null. */
function isPlainObject(value: object): boolean {
  if (Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

class ParamsError extends Error {}

/**
 * Walks `value` and throws ParamsError unless it is plain JSON data (objects, arrays, strings,
 * finite numbers, booleans, null; `undefined` inside objects/arrays as JSON treats it).
 * Returns a lower bound of its JSON size (within a few bytes) so huge values (e.g. a sparse array of length 1e9)
 * are refused before JSON.stringify is asked to build them.
 */
function measure(value: unknown, depth: number, budget: number): number {
  switch (typeof value) {
    case 'undefined':
      return 0; // dropped from objects, 'null' in arrays: 0 is the lower bound
    case 'boolean':
      return 4;
    case 'string':
      return value.length + 2;
    case 'number':
      if (!Number.isFinite(value)) throw new ParamsError('params contain a non-finite number');
      return 1;
    case 'object': {
      if (value === null) return 4;
      if (depth >= MAX_PARAMS_DEPTH) throw new ParamsError(`params are nested deeper than ${MAX_PARAMS_DEPTH}`);
      let size = 2;
      if (Array.isArray(value)) {
        const items = value as unknown[];
        if (items.length > budget) throw new ParamsError('params are too large');
        for (let i = 0; i < items.length; i++) {
          size += (i > 0 ? 1 : 0) + measure(items[i], depth + 1, budget - size);
          if (size > budget) throw new ParamsError('params are too large');
        }
        return size;
      }
      if (!isPlainObject(value)) throw new ParamsError('params must be plain JSON data');
      for (const key of Object.keys(value)) {
        size += key.length + 3 + measure((value as Record<string, unknown>)[key], depth + 1, budget - size);
        if (size > budget) throw new ParamsError('params are too large');
      }
      return size;
    }
    default:
      throw new ParamsError(`params must be plain JSON data (found ${typeof value})`);
  }
}

function utf8Length(text: string): number {
  // Every UTF-16 code unit is at least one UTF-8 byte and at most three.
  if (text.length * 3 <= MAX_PARAMS_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/** Returns the JSON-normalised params or throws ParamsError. */
export function normaliseParams(params: unknown): unknown {
  if (params === undefined) return undefined;
  try {
    measure(params, 0, MAX_PARAMS_BYTES);
    const json = JSON.stringify(params);
    if (json.length > MAX_PARAMS_BYTES || utf8Length(json) > MAX_PARAMS_BYTES) {
      throw new ParamsError(`params exceed ${MAX_PARAMS_BYTES} bytes`);
    }
    return JSON.parse(json) as unknown;
  } catch (err) {
    if (err instanceof ParamsError) throw err;
    throw new ParamsError('params are not JSON-serialisable');
  }
}

/**
 * Classifies what inpage.js sent over the private port (it runs in the page's realm, so its
 * data is still checked). Only `{ channel: PAGE_CHANNEL, dir: 'req' }` is ever a request;
 * anything else is ignored. A request whose id is unusable cannot be answered and is
 * ignored as well.
 */
export function checkPageMessage(data: unknown): PageMessageCheck {
  if (!isRecord(data) || data.channel !== PAGE_CHANNEL || data.dir !== 'req') return { kind: 'ignore' };
  const { id, chain, method, params } = data;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return { kind: 'ignore' };
  if (chain !== 'eth' && chain !== 'btc') return { kind: 'invalid', id, message: "Invalid params: 'chain' must be 'eth' or 'btc'" };
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return { kind: 'invalid', id, message: `Invalid params: 'method' must be a non-empty string of at most ${MAX_METHOD_LENGTH} characters` };
  }
  if (params === undefined) return { kind: 'request', id, chain, method };
  try {
    return { kind: 'request', id, chain, method, params: normaliseParams(params) };
  } catch (err) {
    return { kind: 'invalid', id, message: `Invalid params: ${(err as Error).message}` };
  }
}
