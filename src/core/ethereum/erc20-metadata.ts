// ERC-20 metadata as a contract reports it (symbol(), name(), decimals()), read defensively:
// a contract may revert, return nothing, return bytes32 instead of a string (old tokens such as
// MKR), or report decimals no wallet can show. Nothing here trusts what a dApp claims.
import { AbiCoder, toUtf8String } from 'ethers';

export const ERC20_SELECTORS = {
  name: '0x06fdde03',
  symbol: '0x95d89b41',
  decimals: '0x313ce567',
  balanceOf: '0x70a08231',
} as const;

/** The most decimals the wallet formats (uint256 has at most 78 digits; real tokens use ≤ 24). */
export const MAX_TOKEN_DECIMALS = 36;

export type MetadataProblem = 'no_code' | 'unreadable' | 'bad_decimals';

export type TokenMetadata =
  | { ok: true; symbol: string; name: string | null; decimals: number }
  | { ok: false; problem: MetadataProblem; decimals?: bigint };

const HEX = /^0x([0-9a-fA-F]{2})*$/;
const coder = AbiCoder.defaultAbiCoder();

/** `balanceOf(owner)` call data. */
export function balanceOfData(owner: string): string {
  return ERC20_SELECTORS.balanceOf + owner.slice(2).toLowerCase().padStart(64, '0');
}

/** A uint256 return value, or null when the answer is not one 32-byte word (or more). */
export function decodeUint(ret: unknown): bigint | null {
  if (typeof ret !== 'string' || !HEX.test(ret) || ret.length < 66) return null;
  return BigInt(ret.slice(0, 66));
}

/** Keeps printable text only, trimmed and short: a symbol is shown in the UI and in messages. */
function clean(s: string, max: number): string | null {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return t.length > 0 ? t.slice(0, max) : null;
}

/** An ABI `string` return value, or a bytes32 one (zero-padded text); null for anything else. */
export function decodeText(ret: unknown, max = 32): string | null {
  if (typeof ret !== 'string' || !HEX.test(ret) || ret.length < 66) return null;
  if (ret.length === 66) {
    try {
      return clean(toUtf8String(ret.replace(/(00)+$/, '')), max);
    } catch {
      return null;
    }
  }
  try {
    const [s] = coder.decode(['string'], ret) as unknown as [string];
    return clean(s, max);
  } catch {
    return null;
  }
}

/**
 * Judges the answers to eth_getCode, symbol(), name() and decimals() (each undefined when the
 * call failed or reverted).
 */
export function judgeMetadata(answers: { code: unknown; symbol: unknown; name: unknown; decimals: unknown }): TokenMetadata {
  if (typeof answers.code !== 'string' || answers.code === '0x' || !HEX.test(answers.code)) return { ok: false, problem: 'no_code' };
  const decimals = decodeUint(answers.decimals);
  const symbol = decodeText(answers.symbol, 11);
  if (decimals === null || symbol === null) return { ok: false, problem: 'unreadable' };
  if (decimals > BigInt(MAX_TOKEN_DECIMALS)) return { ok: false, problem: 'bad_decimals', decimals };
  return { ok: true, symbol, name: decodeText(answers.name, 64), decimals: Number(decimals) };
}
