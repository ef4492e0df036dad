import { version } from '../../package.json';
import { ask, asRpcError, type Ask } from './bitcoin-common';
import { rpcError } from './errors';
import { NativePromise, own, randomUuid } from './intrinsics';
import type { Done, Transport } from './transport';

/** The extension's version (package.json), for the dialects' getInfo. */
export const WALLET_VERSION: string = version;

/**
 * One method of a `request(method, params)` dialect: reads the page's params and returns the
 * canonical request to send, or settles `done` itself (answers of more than one request).
 */
export type Handler = (params: unknown, done: Done) => Ask | void;

export interface JsonRpcAnswer {
  jsonrpc: '2.0';
  id: string;
  result?: unknown;
  error?: { code: number; message: string };
}

export type RequestFn = (method: string, params?: unknown) => Promise<JsonRpcAnswer>;

/**
 * `request(method, params)` over a table of handlers, as sats-connect and Leather call it (two
 * positional arguments). Every call gets a fresh id and is answered
 * `{ jsonrpc: '2.0', id, result }` (result `null` when there is none), or
 * `{ jsonrpc: '2.0', id, error: { code, message } }` with `code` translated by `codeOf`:
 * resolved when `rejectErrors` is false (sats-connect reads errors from the resolved value and
 * lets a rejection escape to the dApp), rejected when it is true (Leather rejects).
 * An unknown method is -32601; a handler that throws (bad params) is answered with that error.
 */
export function createRequest(t: Transport, handlers: Record<string, Handler>, rejectErrors: boolean, codeOf: (code: number) => number): RequestFn {
  return (method, params) =>
    new NativePromise((resolve, reject) => {
      const id = randomUuid();
      const done: Done = (error, result) => {
        if (!error) return resolve({ jsonrpc: '2.0', id, result: result ?? null });
        const answer: JsonRpcAnswer = { jsonrpc: '2.0', id, error: { code: codeOf(error.code), message: error.message } };
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- Leather rejects with the JSON-RPC error response itself
        if (rejectErrors) reject(answer);
        else resolve(answer);
      };
      try {
        // Only a string names a method: a page object here is never converted (its toString
        // could throw or lie), it is an invalid request.
        if (typeof method !== 'string') throw rpcError(-32600, 'Invalid request: method must be a string');
        const handler = own(handlers, method) as Handler | undefined;
        if (!handler) throw rpcError(-32601, 'Method not found');
        const a = handler(params, done);
        if (a) ask(t, a, done);
      } catch (e) {
        done(asRpcError(e));
      }
    });
}
