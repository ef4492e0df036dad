// EIP-712 type-graph checks done before anything is hashed or shown.
// ethers validates most of this too, but (a) it refuses unused types, which
// real dapps send (MetaMask ignores them), so we prune to what primaryType
// reaches; (b) it silently rewrites "uint"/"int" to uint256/int256, which
// would hash differently from other wallets; (c) it accepts any characters
// in names, and a name like "a,address b" could make the encoded type string
// say something other than the fields we display. So names must be
// identifiers and every base type must be atomic or a declared struct.
import { InvalidParamsError } from './errors';

export interface TypedDataField {
  name: string;
  type: string;
}

export type TypedDataTypes = Record<string, TypedDataField[]>;

export const DOMAIN_TYPE = 'EIP712Domain';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// base type, then zero or more [] / [N] suffixes (no leading zeros in N)
const FIELD_TYPE = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[(?:0|[1-9][0-9]{0,5})?\])*)$/;
const MAX_ARRAY_DIMENSIONS = 8;

/** EIP-712 atomic + dynamic base types: address, bool, string, bytes, bytes1..32, (u)int8..256. */
export function isAtomicType(type: string): boolean {
  if (type === 'address' || type === 'bool' || type === 'string' || type === 'bytes') return true;
  const bytes = /^bytes([1-9][0-9]?)$/.exec(type);
  if (bytes) return Number(bytes[1]) <= 32;
  const int = /^u?int([1-9][0-9]{0,2})$/.exec(type);
  if (int) {
    const width = Number(int[1]);
    return width % 8 === 0 && width <= 256;
  }
  return false;
}

/** "Person[][3]" → { element: "Person[]", length: 3 }; null when not an array. */
export function splitArrayType(type: string): { element: string; length: number | null } | null {
  const m = /^(.*)\[(\d*)\]$/.exec(type);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { element: m[1], length: m[2] === '' ? null : Number(m[2]) };
}

/** Base type of a field type, without any array suffix. */
export function baseType(type: string): string {
  const i = type.indexOf('[');
  return i === -1 ? type : type.slice(0, i);
}

function checkField(owner: string, field: TypedDataField, structs: ReadonlyMap<string, TypedDataField[]>): string {
  if (!IDENTIFIER.test(field.name)) {
    throw new InvalidParamsError(`Invalid typed data: field name ${JSON.stringify(field.name)} in ${owner} is not an identifier`);
  }
  const m = FIELD_TYPE.exec(field.type);
  const base = m?.[1];
  if (!m || base === undefined || (m[2] ?? '').split('[').length - 1 > MAX_ARRAY_DIMENSIONS) {
    throw new InvalidParamsError(`Invalid typed data: ${owner}.${field.name} has an invalid type ${JSON.stringify(field.type)}`);
  }
  if (base === DOMAIN_TYPE) {
    throw new InvalidParamsError(`Invalid typed data: ${owner}.${field.name} cannot use ${DOMAIN_TYPE} as a type`);
  }
  if (!isAtomicType(base) && !structs.has(base)) {
    throw new InvalidParamsError(`Invalid typed data: unknown type ${JSON.stringify(base)} in ${owner}.${field.name}`);
  }
  return base;
}

/**
 * Validates the types reachable from primaryType and returns only those
 * (EIP712Domain excluded), ready for ethers' TypedDataEncoder.
 */
export function reachableTypes(types: ReadonlyMap<string, TypedDataField[]>, primaryType: string): TypedDataTypes {
  const structs = new Map([...types].filter(([name]) => name !== DOMAIN_TYPE));
  for (const name of structs.keys()) {
    if (!IDENTIFIER.test(name)) throw new InvalidParamsError(`Invalid typed data: type name ${JSON.stringify(name)} is not an identifier`);
    if (isAtomicType(name)) throw new InvalidParamsError(`Invalid typed data: type name ${JSON.stringify(name)} is reserved`);
  }
  if (primaryType === DOMAIN_TYPE) throw new InvalidParamsError(`Invalid typed data: primaryType cannot be ${DOMAIN_TYPE}`);
  if (!structs.has(primaryType)) {
    throw new InvalidParamsError(`Invalid typed data: primaryType ${JSON.stringify(primaryType)} is not defined in types`);
  }
  const out: TypedDataTypes = {};
  const queue = [primaryType];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (Object.hasOwn(out, name)) continue;
    const fields = structs.get(name) ?? [];
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field.name)) throw new InvalidParamsError(`Invalid typed data: duplicate field ${field.name} in ${name}`);
      seen.add(field.name);
      const base = checkField(name, field, structs);
      if (structs.has(base)) queue.push(base);
    }
    out[name] = fields.map(({ name: n, type }) => ({ name: n, type }));
  }
  assertAcyclic(out, primaryType);
  return out;
}

/** EIP-712 allows recursive structs, but ethers cannot encode them; refuse up front. */
function assertAcyclic(types: TypedDataTypes, root: string): void {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): void => {
    if (path.includes(name)) {
      throw new InvalidParamsError(`Invalid typed data: circular type reference ${[...path, name].join(' → ')} is not supported`);
    }
    if (done.has(name)) return;
    for (const field of types[name] ?? []) {
      const base = baseType(field.type);
      if (Object.hasOwn(types, base)) visit(base, [...path, name]);
    }
    done.add(name);
  };
  visit(root, []);
}
