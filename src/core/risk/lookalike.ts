// Address-poisoning check: scammers send dust from an address whose start and
// end match one the user trusts, hoping it gets copied from history later.
// A candidate that differs from a known address but shares its first and last
// four characters (after the fixed prefix) is flagged.

import type { RiskWarning } from './types';

export const MATCH_PREFIX = 4;
export const MATCH_SUFFIX = 4;

interface Parts {
  /** Addresses are only compared within one family. */
  family: string;
  /** Identity: two addresses with the same id are the same address. */
  id: string;
  /** The random-looking part, lower-cased, after the fixed prefix. */
  body: string;
}

const EVM = /^0x[0-9a-fA-F]{40}$/;
// bech32/bech32m: hrp "1" data, one case only; the first data char is the
// witness version in Bitcoin (q = v0, p = v1), so it is part of the prefix.
const BECH32 = /^([a-z]{1,83})1([02-9ac-hj-np-z]{8,})$/;
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{25,35}$/;

function parts(address: string): Parts | null {
  const s = address.trim();
  if (EVM.test(s)) return { family: 'evm', id: s.toLowerCase(), body: s.slice(2).toLowerCase() };
  const lower = s.toLowerCase();
  const bech = (s === lower || s === s.toUpperCase()) && BECH32.exec(lower);
  if (bech && bech[1] && bech[2]) return { family: `bech32:${bech[1]}`, id: lower, body: bech[2].slice(1) };
  // Base58 (legacy 1…/3…, testnet m…/n…/2…): the version character is fixed per
  // type, so it is skipped; the encoding is case-sensitive, so the id is too.
  if (BASE58.test(s)) return { family: 'base58', id: s, body: s.slice(1).toLowerCase() };
  return null;
}

/**
 * The known address `candidate` imitates, or null. Case-insensitive; an
 * exact match with any known address (same address) is never flagged.
 */
export function findLookalike(candidate: string, known: string[]): string | null {
  const c = parts(candidate);
  if (!c || c.body.length < MATCH_PREFIX + MATCH_SUFFIX) return null;
  const others = known.map((k) => [k, parts(k)] as const);
  if (others.some(([, p]) => p?.id === c.id)) return null;
  for (const [original, p] of others) {
    if (!p || p.family !== c.family || p.body.length < MATCH_PREFIX + MATCH_SUFFIX) continue;
    if (p.body.slice(0, MATCH_PREFIX) === c.body.slice(0, MATCH_PREFIX) && p.body.slice(-MATCH_SUFFIX) === c.body.slice(-MATCH_SUFFIX)) {
      return original;
    }
  }
  return null;
}

/** The warning for a recipient that imitates `known`, one of the user's own or recent addresses (either chain). */
export function lookalikeWarning(recipient: string, known: string): RiskWarning {
  return {
    kind: 'lookalike_address',
    text: 'recipient',
    severity: 'danger',
    message: `The recipient ${recipient} looks like ${known}, an address you have used, but it is a different address. Scammers create look-alike addresses to be copied by mistake: check every character.`,
    params: { recipient, lookalikeOf: known },
  };
}
