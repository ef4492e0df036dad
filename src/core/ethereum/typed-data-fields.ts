// Flattens a typed-data message into rows for the approval screen, checking
// each value strictly on the way. Runs before hashing so ethers never sees a
// value it would coerce differently from what we display (it encodes a bool
// by truthiness, so the string "false" would be signed as true).
import { hexlify } from 'ethers';
import { isAtomicType, splitArrayType, type TypedDataTypes } from './eip712-types';
import { checkedAddress } from './typed-data-domain';
import { InvalidParamsError } from './errors';
import { isHexString } from './hex';

export interface DisplayField {
  /** Where the value sits in the message: "to", "from.wallet", "items[0].to". */
  path: string;
  /** Short name for the row: the field name, or "items[0]" for an element. */
  label: string;
  /** The declared EIP-712 type ("address", "Person", "Person[]"). */
  type: string;
  /**
   * Display value: checksummed address, decimal integer, "true"/"false",
   * the string itself, 0x-hex bytes; "" for a struct heading, "N items"
   * for an array heading (its elements follow at depth + 1).
   */
  value: string;
  /** Nesting level, 0 for the message's own fields. */
  depth: number;
}

const DECIMAL = /^-?(0|[1-9][0-9]*)$/;
const HEX_NUMBER = /^0x[0-9a-fA-F]+$/;

function fail(path: string, problem: string): never {
  throw new InvalidParamsError(`Invalid typed data: ${path} ${problem}`);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Integer in a number, decimal string or 0x-hex string, range-checked for (u)intN. */
function integer(type: string, value: unknown, path: string): bigint {
  let n: bigint;
  if (typeof value === 'number' && Number.isSafeInteger(value)) n = BigInt(value);
  else if (typeof value === 'string' && value.length <= 80 && (DECIMAL.test(value) || HEX_NUMBER.test(value))) n = BigInt(value);
  else return fail(path, `must be an integer (number, decimal or 0x-hex string) for ${type}`);
  const width = BigInt(type.replace(/^u?int/, ''));
  const [min, max] = type.startsWith('u') ? [0n, 2n ** width - 1n] : [-(2n ** (width - 1n)), 2n ** (width - 1n) - 1n];
  if (n < min || n > max) fail(path, `is out of range for ${type}`);
  return n;
}

function atomicValue(type: string, value: unknown, path: string): string {
  if (type === 'address') return checkedAddress(value, path);
  if (type === 'bool') {
    if (typeof value !== 'boolean') fail(path, 'must be true or false');
    return value ? 'true' : 'false';
  }
  if (type === 'string') {
    if (typeof value !== 'string') fail(path, 'must be a string');
    return value;
  }
  if (type === 'bytes') {
    if (!isHexString(value) || value.length % 2 !== 0) fail(path, 'must be 0x-hex bytes');
    return hexlify(value);
  }
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) {
    if (!isHexString(value, Number(fixed[1]))) fail(path, `must be ${fixed[1]} bytes of 0x-hex`);
    return hexlify(value);
  }
  return integer(type, value, path).toString(10);
}

function walk(types: TypedDataTypes, type: string, value: unknown, path: string, label: string, depth: number, out: DisplayField[]): void {
  const array = splitArrayType(type);
  if (array) {
    if (!Array.isArray(value)) fail(path, `must be an array for ${type}`);
    if (array.length !== null && value.length !== array.length) fail(path, `must have exactly ${array.length} items`);
    out.push({ path, label, type, value: `${value.length} item${value.length === 1 ? '' : 's'}`, depth });
    value.forEach((item: unknown, i) => walk(types, array.element, item, `${path}[${i}]`, `${label}[${i}]`, depth + 1, out));
    return;
  }
  if (isAtomicType(type)) {
    out.push({ path, label, type, value: atomicValue(type, value, path), depth });
    return;
  }
  const fields = Object.hasOwn(types, type) ? types[type] : undefined;
  if (!fields) return fail(path, `has unknown type ${type}`);
  if (!isPlainObject(value)) return fail(path, `must be an object for ${type}`);
  out.push({ path, label, type, value: '', depth });
  for (const f of fields) walk(types, f.type, own(value, f.name), `${path}.${f.name}`, f.name, depth + 1, out);
}

/** Display rows for `message` of `primaryType`; throws InvalidParamsError on any bad value. */
export function flattenMessage(types: TypedDataTypes, primaryType: string, message: Record<string, unknown>): DisplayField[] {
  const out: DisplayField[] = [];
  for (const f of types[primaryType] ?? []) walk(types, f.type, own(message, f.name), f.name, f.name, 0, out);
  return out;
}
