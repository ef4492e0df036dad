// The on-disk vault record: types, strict parsing, canonical serialisation and
// the header string that is authenticated as AES-GCM additional data.
//
// Parsing is deliberately strict (exact key sets, exact byte lengths, bounded
// KDF parameters, and from v3 a SHA-256 over header and ciphertext): a record is
// either exactly what we write or it is rejected before any expensive key
// derivation runs -- so a damaged record is told apart from a wrong password.

import { sha256 } from '@noble/hashes/sha2.js';
import { base64ToBytes, bytesToBase64 } from './base64';
import { bytesEqual } from './bytes';
import { VaultError } from './errors';

export const SALT_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/** Legacy format. Never deployed; defined so the upgrade-on-unlock path is real and tested. */
export interface VaultRecordV1 {
  version: 1;
  kdf: { name: 'pbkdf2-sha256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

export interface VaultRecordV2 {
  version: 2;
  kdf: { name: 'argon2id'; m: number; t: number; p: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
}

/**
 * v2 plus an integrity digest: SHA-256 of the header (as authenticated, headerAad) and the
 * ciphertext. Not a secret and no protection against an attacker (who could recompute it;
 * the GCM tag is that protection): it lets unlock tell a damaged record ("vault damaged", no
 * attempt counted) from a wrong password, before the KDF runs.
 */
export interface VaultRecordV3 {
  version: 3;
  kdf: VaultRecordV2['kdf'];
  cipher: { name: 'AES-GCM'; iv: string };
  data: string;
  integrity: { name: 'SHA-256'; digest: string };
}

export type VaultRecord = VaultRecordV1 | VaultRecordV2 | VaultRecordV3;
export type VaultHeader = Omit<VaultRecordV1, 'data'> | Omit<VaultRecordV2, 'data'> | Omit<VaultRecordV3, 'data' | 'integrity'>;

export const LATEST_VERSION = 3;
export const DIGEST_BYTES = 32;

// Upper bounds stop a tampered record from making unlock allocate gigabytes or
// spin for minutes. They are far above anything we would ever choose.
const LIMITS = {
  pbkdf2Iterations: { min: 1, max: 10_000_000 },
  m: { min: 8, max: 1_048_576 }, // KiB: 1 GiB
  t: { min: 1, max: 64 },
  p: { min: 1, max: 16 },
} as const;

type Json = Record<string, unknown>;

/** Same bounds for what we read and what we agree to write. */
export function isValidArgon2Params(k: { m: unknown; t: unknown; p: unknown }): k is { m: number; t: number; p: number } {
  return intIn(k.m, LIMITS.m) && intIn(k.t, LIMITS.t) && intIn(k.p, LIMITS.p) && k.m >= 8 * k.p; // m >= 8p: Argon2 rule
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasExactKeys(o: Json, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

function intIn(v: unknown, range: { min: number; max: number }): v is number {
  return Number.isSafeInteger(v) && (v as number) >= range.min && (v as number) <= range.max;
}

function b64Of(v: unknown, length: number | 'ciphertext'): v is string {
  if (typeof v !== 'string') return false;
  const bytes = base64ToBytes(v);
  if (bytes === null) return false;
  return length === 'ciphertext' ? bytes.length >= TAG_BYTES : bytes.length === length;
}

export function parseRecord(record: string): VaultRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(record);
  } catch {
    throw VaultError.corrupt();
  }
  if (!isObject(raw)) throw VaultError.corrupt();

  // Version first: a newer wallet may have changed every other field.
  const version = raw['version'];
  if (!Number.isSafeInteger(version)) throw VaultError.corrupt();
  if (version !== 1 && version !== 2 && version !== 3) throw VaultError.unsupportedVersion(version as number);

  const { kdf, cipher, data } = raw;
  if (!hasExactKeys(raw, version === 3 ? ['version', 'kdf', 'cipher', 'data', 'integrity'] : ['version', 'kdf', 'cipher', 'data'])) throw VaultError.corrupt();
  if (!isObject(kdf) || !isObject(cipher)) throw VaultError.corrupt();
  if (!hasExactKeys(cipher, ['name', 'iv']) || cipher['name'] !== 'AES-GCM' || !b64Of(cipher['iv'], IV_BYTES)) {
    throw VaultError.corrupt();
  }
  if (!b64Of(data, 'ciphertext')) throw VaultError.corrupt();
  if (!b64Of(kdf['salt'], SALT_BYTES)) throw VaultError.corrupt();
  const iv = cipher['iv'];
  const salt = kdf['salt'];

  if (version === 1) {
    const iterations = kdf['iterations'];
    if (!hasExactKeys(kdf, ['name', 'iterations', 'salt']) || kdf['name'] !== 'pbkdf2-sha256') throw VaultError.corrupt();
    if (!intIn(iterations, LIMITS.pbkdf2Iterations)) throw VaultError.corrupt();
    return { version: 1, kdf: { name: 'pbkdf2-sha256', iterations, salt }, cipher: { name: 'AES-GCM', iv }, data };
  }

  const params = { m: kdf['m'], t: kdf['t'], p: kdf['p'] };
  if (!hasExactKeys(kdf, ['name', 'm', 't', 'p', 'salt']) || kdf['name'] !== 'argon2id') throw VaultError.corrupt();
  if (!isValidArgon2Params(params)) throw VaultError.corrupt();
  const argon = { name: 'argon2id', m: params.m, t: params.t, p: params.p, salt } as const;
  if (version === 2) return { version: 2, kdf: argon, cipher: { name: 'AES-GCM', iv }, data };

  const integrity = raw['integrity'];
  if (!isObject(integrity) || !hasExactKeys(integrity, ['name', 'digest']) || integrity['name'] !== 'SHA-256' || !b64Of(integrity['digest'], DIGEST_BYTES)) {
    throw VaultError.corrupt();
  }
  const v3: VaultRecordV3 = { version: 3, kdf: argon, cipher: { name: 'AES-GCM', iv }, data, integrity: { name: 'SHA-256', digest: integrity['digest'] } };
  if (!bytesEqual(integrityDigest(v3, decodeField(data)), decodeField(v3.integrity.digest))) throw VaultError.corrupt();
  return v3;
}

/** SHA-256 of the authenticated header and the ciphertext (a v3 record's `integrity.digest`). */
export function integrityDigest(header: Omit<VaultRecordV3, 'data' | 'integrity'>, ciphertext: Uint8Array): Uint8Array {
  const aad = headerAad(header);
  const all = new Uint8Array(aad.length + ciphertext.length);
  all.set(aad);
  all.set(ciphertext, aad.length);
  return sha256(all);
}

/** The v3 record for a header and its ciphertext, digest included. */
export function sealedRecordV3(header: Omit<VaultRecordV3, 'data' | 'integrity'>, ciphertext: Uint8Array): VaultRecordV3 {
  return { ...header, data: bytesToBase64(ciphertext), integrity: { name: 'SHA-256', digest: bytesToBase64(integrityDigest(header, ciphertext)) } };
}

/** Fixed key order so the stored string is deterministic. */
export function serializeRecord(r: VaultRecord): string {
  const kdf =
    r.version === 1
      ? { name: r.kdf.name, iterations: r.kdf.iterations, salt: r.kdf.salt }
      : { name: r.kdf.name, m: r.kdf.m, t: r.kdf.t, p: r.kdf.p, salt: r.kdf.salt };
  const base = { version: r.version, kdf, cipher: { name: r.cipher.name, iv: r.cipher.iv }, data: r.data };
  return JSON.stringify(r.version === 3 ? { ...base, integrity: { name: r.integrity.name, digest: r.integrity.digest } } : base);
}

/**
 * Everything in the record except the ciphertext, as an unambiguous string
 * (a JSON array in fixed order). Used as GCM additional data so that editing
 * any header field -- e.g. lowering KDF params or changing the version --
 * fails the tag even for someone who holds the key.
 */
export function headerAad(r: VaultHeader): Uint8Array {
  const fields =
    r.version === 1
      ? ['duowallet-vault', 1, r.kdf.name, r.kdf.iterations, r.kdf.salt, r.cipher.name, r.cipher.iv]
      : ['duowallet-vault', r.version, r.kdf.name, r.kdf.m, r.kdf.t, r.kdf.p, r.kdf.salt, r.cipher.name, r.cipher.iv];
  return new TextEncoder().encode(JSON.stringify(fields));
}

/** Decodes a b64 field that parseRecord already validated. */
export function decodeField(b64: string): Uint8Array {
  const bytes = base64ToBytes(b64);
  if (bytes === null) throw VaultError.corrupt();
  return bytes;
}
