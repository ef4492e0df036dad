// eth_signTypedData_v4 / _v3 request parsing: shape check (valibot), type
// graph and domain checks, display rows, then the EIP-712 digest from ethers.
// Every failure is an InvalidParamsError, so a malformed request is refused
// before the user is ever asked to sign it.
import { TypedDataEncoder } from 'ethers';
import * as v from 'valibot';
import { DOMAIN_TYPE, reachableTypes, type TypedDataTypes } from './eip712-types';
import { InvalidParamsError } from './errors';
import { parseDomain, type TypedDataDomain } from './typed-data-domain';
import { flattenMessage, type DisplayField } from './typed-data-fields';

export interface ParsedTypedData {
  /** Normalised domain (chainId bigint, checksummed verifyingContract), signed fields only. */
  domain: TypedDataDomain;
  /** Types reachable from primaryType, without EIP712Domain (ethers-ready). */
  types: TypedDataTypes;
  primaryType: string;
  message: Record<string, unknown>;
  /** EIP-712 digest (keccak256 of 0x1901 ‖ domainSeparator ‖ hashStruct(message)) to sign. */
  hash: string;
  fields: DisplayField[];
}

// valibot's record() accepts arrays, so plain-object-ness is checked first.
const objectOf = <T extends v.GenericSchema>(what: string, values: T) =>
  v.pipe(
    v.custom<Record<string, unknown>>((o) => typeof o === 'object' && o !== null && !Array.isArray(o), `${what} must be an object`),
    v.record(v.string(), values),
  );
const plainObject = (what: string) => objectOf(what, v.unknown());

const TypedDataSchema = v.object({
  types: objectOf('types', v.array(v.object({ name: v.string(), type: v.string() }))),
  primaryType: v.string(),
  domain: plainObject('domain'),
  message: plainObject('message'),
});

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new InvalidParamsError('Invalid typed data: not valid JSON');
  }
}

/** ethers errors carry a one-line shortMessage; fall back to message. */
function reason(err: unknown): string {
  if (err instanceof Error) return (err as Error & { shortMessage?: string }).shortMessage ?? err.message;
  return String(err);
}

export function parseTypedData(raw: unknown, expectedChainId: bigint): ParsedTypedData {
  const result = v.safeParse(TypedDataSchema, parseJson(raw));
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    throw new InvalidParamsError(`Invalid typed data: ${path ? `${path}: ` : ''}${issue?.message ?? 'bad shape'}`);
  }
  const { types: rawTypes, primaryType, domain: rawDomain, message } = result.output;
  const typeMap = new Map(Object.entries(rawTypes));
  const domain = parseDomain(rawDomain, typeMap.get(DOMAIN_TYPE), expectedChainId);
  const types = reachableTypes(typeMap, primaryType);
  const fields = flattenMessage(types, primaryType, message);
  let hash: string;
  try {
    // With the types pruned to what primaryType reaches, ethers' inferred
    // primary type is ours (anything else would be a cycle, which it rejects).
    hash = TypedDataEncoder.hash(domain, types, message);
  } catch (err) {
    throw new InvalidParamsError(`Invalid typed data: ${reason(err)}`);
  }
  return { domain, types, primaryType, message, hash, fields };
}
