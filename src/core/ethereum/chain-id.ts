// EIP-155 chain ids arrive from dapps as numbers, decimal strings (typed-data
// domains) or 0x-hex (wallet_switchEthereumChain, tx.chainId). Anything
// looser ("8453abc", "0x", floats, leading zeros) is refused rather than
// guessed at, so the chain the user approves is the chain that gets signed for.
import { InvalidParamsError } from './errors';
import { preview, toQuantity } from './hex';

/** Exclusive upper bound: chain ids are positive integers below 2^64. */
export const CHAIN_ID_LIMIT = 2n ** 64n;

const DECIMAL = /^[1-9][0-9]*$/;
const HEX = /^0x[1-9a-fA-F][0-9a-fA-F]*$/;
const EXPECTED = 'expected a positive integer as a number, a decimal string or a 0x-hex string';

function inRange(id: bigint, raw: unknown): bigint {
  if (id <= 0n || id >= CHAIN_ID_LIMIT) {
    throw new InvalidParamsError(`Invalid chainId ${preview(raw)}: must be between 1 and 2^64-1`);
  }
  return id;
}

/** number | "8453" | "0x2105" → 8453n; bigint is accepted for in-process callers. */
export function parseChainId(v: unknown): bigint {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new InvalidParamsError(`Invalid chainId ${preview(v)}: ${EXPECTED}`);
    return inRange(BigInt(v), v);
  }
  if (typeof v === 'bigint') return inRange(v, v);
  if (typeof v === 'string') {
    // Length cap first, so a huge string never reaches BigInt().
    if (v.length <= 24 && (DECIMAL.test(v) || HEX.test(v))) return inRange(BigInt(v), v);
    throw new InvalidParamsError(`Invalid chainId ${preview(v)}: ${EXPECTED}`);
  }
  throw new InvalidParamsError(`Invalid chainId: ${EXPECTED}, got ${v === null ? 'null' : typeof v}`);
}

/** 8453n → "0x2105" (EIP-695 eth_chainId form). */
export function chainIdToHex(id: bigint): string {
  if (id <= 0n || id >= CHAIN_ID_LIMIT) throw new RangeError(`chainIdToHex: ${id} is not a valid chain id`);
  return toQuantity(id);
}
