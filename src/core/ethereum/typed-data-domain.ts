// EIP-712 domain normalisation. ethers hashes the domain from the keys
// present, in the canonical order; MetaMask hashes exactly the fields the
// dapp declares in types.EIP712Domain. We accept a declared EIP712Domain only
// when both agree (canonical names, types and order), so the digest we sign
// is the one every verifier computes; undeclared extra keys are not signed,
// so they are dropped rather than shown.
import { getAddress } from 'ethers';
import { parseChainId } from './chain-id';
import type { TypedDataField } from './eip712-types';
import { InvalidParamsError } from './errors';
import { isHexString } from './hex';

/** A normalised domain; usable as an ethers TypedDataDomain. */
export type TypedDataDomain = {
  name?: string;
  version?: string;
  chainId?: bigint;
  verifyingContract?: string;
  salt?: string;
};

type DomainKey = keyof TypedDataDomain;

const CANONICAL: readonly (readonly [DomainKey, string])[] = [
  ['name', 'string'],
  ['version', 'string'],
  ['chainId', 'uint256'],
  ['verifyingContract', 'address'],
  ['salt', 'bytes32'],
];
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Which domain keys get hashed, checked against a declared EIP712Domain. */
function signedKeys(raw: Record<string, unknown>, declared: TypedDataField[] | undefined): DomainKey[] {
  if (!declared) return CANONICAL.map(([k]) => k).filter((k) => own(raw, k) != null);
  let last = -1;
  return declared.map((field) => {
    const index = CANONICAL.findIndex(([k]) => k === field.name);
    const canonical = CANONICAL[index];
    if (!canonical) throw new InvalidParamsError(`Invalid typed data: EIP712Domain field ${JSON.stringify(field.name)} is not supported`);
    if (field.type !== canonical[1]) {
      throw new InvalidParamsError(`Invalid typed data: EIP712Domain field ${field.name} must have type ${canonical[1]}`);
    }
    if (index <= last) {
      throw new InvalidParamsError('Invalid typed data: EIP712Domain fields must be in the order name, version, chainId, verifyingContract, salt');
    }
    last = index;
    if (own(raw, field.name) == null) throw new InvalidParamsError(`Invalid typed data: domain.${field.name} is missing`);
    return canonical[0];
  });
}

/**
 * Validates the domain, enforces that a present chainId equals
 * expectedChainId (even when undeclared: a dapp naming another chain is
 * confused or hostile), and returns the normalised signed fields.
 */
export function parseDomain(raw: Record<string, unknown>, declared: TypedDataField[] | undefined, expectedChainId: bigint): TypedDataDomain {
  const rawChainId = own(raw, 'chainId');
  if (rawChainId != null) {
    const chainId = parseChainId(rawChainId);
    if (chainId !== expectedChainId) {
      throw new InvalidParamsError(`chainId ${chainId} does not match the current chain ${expectedChainId}`);
    }
  }
  const domain: TypedDataDomain = {};
  for (const key of signedKeys(raw, declared)) {
    const value = own(raw, key);
    switch (key) {
      case 'name':
      case 'version':
        if (typeof value !== 'string') throw new InvalidParamsError(`Invalid typed data: domain.${key} must be a string`);
        domain[key] = value;
        break;
      case 'chainId':
        domain.chainId = parseChainId(value);
        break;
      case 'verifyingContract':
        domain.verifyingContract = checkedAddress(value, 'domain.verifyingContract');
        break;
      case 'salt':
        if (!isHexString(value, 32)) throw new InvalidParamsError('Invalid typed data: domain.salt must be 32 bytes of 0x-hex');
        domain.salt = value.toLowerCase();
        break;
    }
  }
  return domain;
}

/** 0x + 40 hex → EIP-55 form; mixed case must carry a valid checksum. */
export function checkedAddress(value: unknown, where: string): string {
  if (typeof value !== 'string' || !ADDRESS.test(value)) {
    throw new InvalidParamsError(`Invalid typed data: ${where} must be a 0x-prefixed 20-byte address`);
  }
  try {
    return getAddress(value);
  } catch {
    throw new InvalidParamsError(`Invalid typed data: ${where} has an invalid address checksum`);
  }
}
