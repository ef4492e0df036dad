import { isObject, NativeError, own, setOwn } from './intrinsics';

/** An EIP-1193 error as MetaMask makes them: an Error with `code`, `message` and (if any) `data`. */
export interface ProviderRpcError extends Error {
  code: number;
  data?: unknown;
}

export function rpcError(code: number, message: string, data?: unknown): ProviderRpcError {
  const error = new NativeError(message) as ProviderRpcError;
  setOwn(error, 'code', code);
  if (data !== undefined) setOwn(error, 'data', data);
  return error;
}

/** Turns a `{ code, message, data }` that crossed the wire into a ProviderRpcError (own fields only). */
export function errorFromShape(shape: unknown): ProviderRpcError {
  if (!isObject(shape)) return rpcError(-32603, 'Internal error');
  const code = own(shape, 'code');
  const message = own(shape, 'message');
  return rpcError(typeof code === 'number' ? code : -32603, typeof message === 'string' ? message : 'Internal error', own(shape, 'data'));
}
