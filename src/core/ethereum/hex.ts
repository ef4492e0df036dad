// Hex helpers for JSON-RPC values. DATA checks delegate to ethers; QUANTITY
// parsing is strict on purpose (geth rejects leading zeros too), so a dapp
// cannot smuggle an ambiguous or oversized number past the approval screen.
import { isHexString as ethersIsHexString, toQuantity as ethersToQuantity } from 'ethers';
import { InvalidParamsError } from './errors';

// The JSON-RPC spec: "0x" + most compact hex; zero is "0x0".
const QUANTITY = /^0x(0|[1-9a-fA-F][0-9a-fA-F]*)$/;
const MAX_QUANTITY_DIGITS = 64; // 256 bits, the widest EVM word

/**
 * True for a 0x-prefixed hex string. With `bytes`, it must encode exactly that
 * many bytes. Without it, any digit count is accepted (ethers semantics).
 */
export function isHexString(s: unknown, bytes?: number): s is string {
  return bytes === undefined ? ethersIsHexString(s) : ethersIsHexString(s, bytes);
}

/** Short, quoted echo of untrusted input for error messages. */
export function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : String(v);
  return JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);
}

/**
 * Strict JSON-RPC QUANTITY → bigint. Also takes a non-negative safe integer
 * number (some dapps send plain numbers). `what` names the field in errors.
 */
export function parseQuantity(v: unknown, what = 'quantity'): bigint {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new InvalidParamsError(`${what} must be a non-negative safe integer, got ${String(v)}`);
    }
    return BigInt(v);
  }
  if (typeof v !== 'string') {
    throw new InvalidParamsError(`${what} must be a 0x-prefixed hex string, got ${v === null ? 'null' : typeof v}`);
  }
  if (!QUANTITY.test(v)) {
    if (!v.startsWith('0x')) throw new InvalidParamsError(`${what} must start with "0x", got ${preview(v)}`);
    if (v === '0x') throw new InvalidParamsError(`${what} "0x" has no digits (zero is "0x0")`);
    if (/^0x[0-9a-fA-F]+$/.test(v)) throw new InvalidParamsError(`${what} has leading zeros: ${preview(v)}`);
    throw new InvalidParamsError(`${what} is not valid hex: ${preview(v)}`);
  }
  if (v.length - 2 > MAX_QUANTITY_DIGITS) throw new InvalidParamsError(`${what} exceeds 256 bits`);
  return BigInt(v);
}

/** bigint → JSON-RPC QUANTITY ("0x0", "0x400"). Negative values are a bug. */
export function toQuantity(n: bigint): string {
  if (n < 0n) throw new RangeError('toQuantity: negative value');
  return ethersToQuantity(n);
}
