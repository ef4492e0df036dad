import { createEmitter, listenerMethods, type Listener } from './emitter';
import { errorFromShape, rpcError, type ProviderRpcError } from './errors';
import { freeze, isArray, isObject, NativePromise, NativeTypeError, own, setOwn } from './intrinsics';
import type { Done, Transport } from './transport';

export interface RequestArguments {
  readonly method: string;
  readonly params?: readonly unknown[] | object;
}

export interface JsonRpcPayload {
  id?: unknown;
  jsonrpc?: unknown;
  method?: unknown;
  params?: unknown;
}

export interface JsonRpcResponse {
  id: unknown;
  jsonrpc: '2.0';
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export type JsonRpcCallback = (error: ProviderRpcError | null, response: JsonRpcResponse | JsonRpcResponse[]) => void;

export interface EthereumProvider {
  readonly isDuoWallet: true;
  /** The current chain as a 0x-prefixed hex string, or null before the wallet told us. */
  readonly chainId: string | null;
  /** The first account the page may see, or null. Lowercase hex as the wallet sends it. */
  readonly selectedAddress: string | null;
  request(args: RequestArguments): Promise<unknown>;
  isConnected(): boolean;
  on(event: string, listener: Listener): EthereumProvider;
  addListener(event: string, listener: Listener): EthereumProvider;
  once(event: string, listener: Listener): EthereumProvider;
  removeListener(event: string, listener: Listener): EthereumProvider;
  off(event: string, listener: Listener): EthereumProvider;
  removeAllListeners(event?: string): EthereumProvider;
  /** @deprecated EIP-1102: same as request({ method: 'eth_requestAccounts' }). */
  enable(): Promise<unknown>;
  /** @deprecated MetaMask's legacy send: (method, params) → Promise<response>; (payload, callback); (payload) sync for eth_accounts/eth_coinbase. */
  send(methodOrPayload: unknown, callbackOrParams?: unknown): unknown;
  /** @deprecated web3 0.x style: callback(error, response); payload may be a batch array. */
  sendAsync(payload: JsonRpcPayload | JsonRpcPayload[], callback: JsonRpcCallback): void;
}

/**
 * Reads `args` the way EIP-1193 wants it checked (each field read once, so a getter cannot
 * answer differently to the check and to the use). Returns the error to reject with, or the
 * method and params.
 */
export type CheckedArgs = { error: ProviderRpcError } | { error: null; method: string; params: unknown };

const NOT_AN_OBJECT = 'Expected a single, non-array, object argument.';

export function readRequestArgs(args: unknown): CheckedArgs {
  let method: unknown;
  let params: unknown;
  try {
    if (!isObject(args) || isArray(args)) {
      return { error: rpcError(-32600, NOT_AN_OBJECT, args) };
    }
    ({ method, params } = args as { method?: unknown; params?: unknown });
  } catch {
    // A getter that throws, a revoked Proxy…: still an EIP-1193 error, not the page's exception.
    return { error: rpcError(-32600, NOT_AN_OBJECT) };
  }
  if (typeof method !== 'string' || method.length === 0) {
    return { error: rpcError(-32600, "'args.method' must be a non-empty string.", args) };
  }
  if (params !== undefined && !isObject(params)) {
    return { error: rpcError(-32600, "'args.params' must be an object or array if provided.", args) };
  }
  return { error: null, method, params };
}

function isHexChainId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length < 3 || value.length > 66 || value[0] !== '0' || value[1] !== 'x') return false;
  for (let i = 2; i < value.length; i++) {
    const c = value[i] ?? '';
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

/** Accounts as the wallet sends them: an array of strings; anything else is ignored. */
function accountsKey(value: unknown): string | null {
  if (!isArray(value)) return null;
  let key = '';
  for (let i = 0; i < value.length; i++) {
    const account: unknown = value[i];
    if (typeof account !== 'string') return null;
    key += `${account}\n`;
  }
  return key;
}

function serialiseError(error: ProviderRpcError): NonNullable<JsonRpcResponse['error']> {
  const data = own(error, 'data');
  return data === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, data };
}

/** A JSON-RPC response to `id` with its result or error (our own literal, spread: no setter runs). */
const reply = (id: unknown, body: { result: unknown } | { error: NonNullable<JsonRpcResponse['error']> }): JsonRpcResponse => ({ id, jsonrpc: '2.0', ...body });

/** The error of one of our own response literals (own field only: Object.prototype may be polluted). */
function responseError(response: JsonRpcResponse): ProviderRpcError | null {
  const error = own(response, 'error');
  return error === undefined ? null : errorFromShape(error);
}

/**
 * An EIP-1193 provider over `transport`. State (chain, accounts, connection, listeners) lives
 * in this closure; the returned object is frozen. Asks eth_chainId at once, so `connect`
 * fires as soon as the wallet answers.
 */
export function createEthereumProvider(transport: Transport): EthereumProvider {
  const emitter = createEmitter();
  let chainId: string | null = null;
  let selectedAddress: string | null = null;
  let knownAccounts = '';
  let connected = false;

  const setChain = (value: unknown): void => {
    if (!isHexChainId(value)) return;
    if (value !== chainId) {
      const changed = chainId !== null;
      chainId = value;
      if (changed) emitter.emit('chainChanged', value);
    }
    if (!connected) {
      connected = true;
      emitter.emit('connect', { chainId: value });
    }
  };

  const setAccounts = (value: unknown): void => {
    const key = accountsKey(value);
    if (key === null || key === knownAccounts) return;
    knownAccounts = key;
    const accounts = value as string[];
    selectedAddress = accounts.length > 0 ? (accounts[0] ?? null) : null;
    emitter.emit('accountsChanged', accounts);
  };

  transport.subscribe('eth', (event, data) => {
    if (event === 'accountsChanged') setAccounts(data);
    else if (event === 'chainChanged') setChain(data);
    else if (event === 'connect') setChain(isObject(data) ? own(data, 'chainId') : undefined);
    else if (event === 'disconnect') {
      if (!connected) return;
      connected = false;
      emitter.emit('disconnect', errorFromShape(data));
    } else if (event === 'message') emitter.emit('message', data);
  });

  /** Sends one checked request and keeps chainId / selectedAddress in step with its result. */
  const call = (method: string, params: unknown, done: Done): void => {
    transport.send('eth', method, params, (error, result) => {
      if (!error) {
        if (method === 'eth_chainId') setChain(result);
        else if (method === 'eth_accounts' || method === 'eth_requestAccounts') setAccounts(result);
      }
      done(error, result);
    });
  };

  const request = (args: RequestArguments): Promise<unknown> =>
    new NativePromise((resolve, reject) => {
      const checked = readRequestArgs(args);
      if (checked.error) {
        reject(checked.error);
        return;
      }
      call(checked.method, checked.params, (error, result) => (error ? reject(error) : resolve(result)));
    });

  const respond = (payload: unknown, done: (response: JsonRpcResponse) => void): void => {
    const id = isObject(payload) ? (payload as JsonRpcPayload).id : undefined;
    const checked = readRequestArgs(payload);
    if (checked.error) {
      done(reply(id, { error: serialiseError(checked.error) }));
      return;
    }
    call(checked.method, checked.params, (error, result) => done(reply(id, error ? { error: serialiseError(error) } : { result })));
  };

  const sendAsync = (payload: JsonRpcPayload | JsonRpcPayload[], callback: JsonRpcCallback): void => {
    if (typeof callback !== 'function') throw new NativeTypeError('sendAsync requires a callback');
    if (!isArray(payload)) {
      respond(payload, (response) => callback(responseError(response), response));
      return;
    }
    const responses: JsonRpcResponse[] = [];
    let left = payload.length;
    if (left === 0) {
      callback(null, responses);
      return;
    }
    for (let i = 0; i < payload.length; i++) {
      respond(payload[i], (response) => {
        setOwn(responses, i, response);
        if (--left === 0) callback(null, responses);
      });
    }
  };

  const send = (methodOrPayload: unknown, callbackOrParams?: unknown): unknown => {
    if (typeof methodOrPayload === 'string' && (callbackOrParams === undefined || isArray(callbackOrParams))) {
      return new NativePromise((resolve, reject) =>
        respond({ method: methodOrPayload, params: callbackOrParams }, (response) => {
          const error = responseError(response);
          if (error) reject(error);
          else resolve(response);
        }),
      );
    }
    if (isObject(methodOrPayload) && typeof callbackOrParams === 'function') {
      sendAsync(methodOrPayload, callbackOrParams as JsonRpcCallback);
      return undefined;
    }
    // Synchronous form: only what the provider already knows.
    const payload = (isObject(methodOrPayload) ? methodOrPayload : {}) as JsonRpcPayload;
    if (payload.method === 'eth_accounts') return reply(payload.id, { result: selectedAddress === null ? [] : [selectedAddress] });
    if (payload.method === 'eth_coinbase') return reply(payload.id, { result: selectedAddress });
    throw rpcError(4200, 'Synchronous send supports eth_accounts and eth_coinbase only; use request().');
  };

  const provider: EthereumProvider = freeze({
    isDuoWallet: true as const,
    get chainId() {
      return chainId;
    },
    get selectedAddress() {
      return selectedAddress;
    },
    request,
    isConnected: () => connected,
    ...listenerMethods(emitter, () => provider),
    enable: () => request({ method: 'eth_requestAccounts' }),
    send,
    sendAsync,
  });

  call('eth_chainId', undefined, () => undefined);
  return provider;
}
