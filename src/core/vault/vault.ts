// Vault operations: create, unlock (with upgrade-on-unlock), re-open from the
// session key, rewrite while unlocked, change password.
//
// Every write is read back before it is handed to the caller: a record that
// cannot be opened again means lost funds for a user without a seed backup,
// so an extra decrypt (and, for password writes, an extra KDF run) is cheap
// insurance.

import { aesGcmDecrypt, aesGcmEncrypt, newIv, randomBytes } from './aead';
import { bytesToBase64 } from './base64';
import { VaultError } from './errors';
import { CURRENT_KDF, deriveArgon2idKey, derivePbkdf2Key, isWeakerThan, type KdfParams } from './kdf';
import {
  decodeField,
  headerAad,
  isValidArgon2Params,
  LATEST_VERSION,
  parseRecord,
  SALT_BYTES,
  sealedRecordV3,
  serializeRecord,
  type VaultHeader,
  type VaultRecord,
  type VaultRecordV3,
} from './record';
import { bytesEqual, wipe } from './bytes';

export interface UnlockedVault {
  plaintext: Uint8Array;
  /** Raw 32-byte AES key, for storage.session (lets the worker re-open after a restart). */
  key: Uint8Array;
  /** The record the data came from, or the re-encrypted one if `upgraded`. */
  record: string;
  /** True when `record` is a new, stronger record the caller should persist. */
  upgraded: boolean;
}

/** Thrown (as a plain Error, not VaultError) if a freshly written record does not read back. Do not persist anything then. */
export class VaultWriteError extends Error {
  constructor() {
    super('The re-encrypted vault did not read back correctly; nothing was changed');
    this.name = 'VaultWriteError';
  }
}

// ---- internals ---------------------------------------------------------------

function deriveKeyFor(password: string, rec: VaultRecord): Promise<Uint8Array> {
  const salt = decodeField(rec.kdf.salt);
  return rec.version === 1
    ? derivePbkdf2Key(password, salt, rec.kdf.iterations)
    : deriveArgon2idKey(password, salt, rec.kdf);
}

function decryptRecord(key: Uint8Array, rec: VaultRecord, onFail?: () => VaultError): Promise<Uint8Array> {
  return aesGcmDecrypt(key, decodeField(rec.cipher.iv), decodeField(rec.data), headerAad(rec), onFail);
}

async function encryptRecord(key: Uint8Array, header: VaultHeader, iv: Uint8Array, plaintext: Uint8Array): Promise<string> {
  const ct = await aesGcmEncrypt(key, iv, plaintext, headerAad(header));
  return serializeRecord(header.version === 3 ? sealedRecordV3(header, ct) : { ...header, data: bytesToBase64(ct) });
}

/** Needs the password to upgrade: a v1 (PBKDF2) record, or Argon2 params below CURRENT_KDF. */
function needsUpgrade(rec: VaultRecord): boolean {
  return rec.version === 1 || isWeakerThan(rec.kdf, CURRENT_KDF);
}

function assertPassword(password: string): void {
  if (typeof password !== 'string' || password.length === 0) throw new TypeError('Password must not be empty');
}

/** Password -> key -> plaintext, no upgrade. Wipes the key if decryption fails. */
async function unlock(password: string, record: string): Promise<{ rec: VaultRecord; key: Uint8Array; plaintext: Uint8Array }> {
  const rec = parseRecord(record); // before the KDF: bad records fail fast
  const key = await deriveKeyFor(password, rec);
  try {
    return { rec, key, plaintext: await decryptRecord(key, rec) };
  } catch (e) {
    wipe(key);
    throw e;
  }
}

/** Fresh salt and IV, new key from the password. */
async function sealWithPassword(password: string, plaintext: Uint8Array, kdf: KdfParams): Promise<{ record: string; key: Uint8Array }> {
  const params = { m: kdf.m, t: kdf.t, p: kdf.p };
  if (!isValidArgon2Params(params)) throw new TypeError('Invalid Argon2 parameters');
  const salt = randomBytes(SALT_BYTES);
  const iv = newIv();
  const key = await deriveArgon2idKey(password, salt, params);
  const header: Omit<VaultRecordV3, 'data' | 'integrity'> = {
    version: 3,
    kdf: { name: 'argon2id', ...params, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  };
  try {
    return { record: await encryptRecord(key, header, iv, plaintext), key };
  } catch (e) {
    wipe(key);
    throw e;
  }
}

/** Opens `record` exactly as a later unlock would (parse, KDF, decrypt) and compares. */
async function verifyWithPassword(password: string, record: string, expected: Uint8Array): Promise<void> {
  let opened;
  try {
    opened = await unlock(password, record);
  } catch {
    throw new VaultWriteError();
  }
  const ok = bytesEqual(opened.plaintext, expected);
  wipe(opened.key, opened.plaintext);
  if (!ok) throw new VaultWriteError();
}

async function sealAndVerify(password: string, plaintext: Uint8Array, kdf: KdfParams): Promise<{ record: string; key: Uint8Array }> {
  const sealed = await sealWithPassword(password, plaintext, kdf);
  try {
    await verifyWithPassword(password, sealed.record, plaintext);
  } catch (e) {
    wipe(sealed.key);
    throw e;
  }
  return sealed;
}

// ---- public API --------------------------------------------------------------

/**
 * New vault: fresh 32-byte salt and 12-byte IV. Runs the KDF twice (write,
 * then read-back check). `plaintext` is returned as given (not copied).
 */
export async function createVault(password: string, plaintext: Uint8Array, kdf: KdfParams = CURRENT_KDF): Promise<UnlockedVault> {
  assertPassword(password);
  const { record, key } = await sealAndVerify(password, plaintext, kdf);
  return { plaintext, key, record, upgraded: false };
}

/**
 * Unlock with the password. v1 records and records with weaker Argon2 params
 * are re-encrypted under CURRENT_KDF (new salt and IV), read back and
 * returned with `upgraded: true`; the caller persists `record`. A v2 record
 * with current params becomes v3 under the same key (new IV, integrity digest). If the upgrade
 * itself fails the unlock still succeeds with the old record (upgraded: false)
 * so a user is never locked out by the migration; it is retried next unlock.
 */
export async function openVault(password: string, record: string): Promise<UnlockedVault> {
  const { rec, key, plaintext } = await unlock(password, record);
  if (!needsUpgrade(rec)) {
    if (rec.version === LATEST_VERSION) return { plaintext, key, record, upgraded: false };
    // Strong enough params in an older format (v2, no integrity digest): the same key
    // re-encrypts it as v3 without another KDF run.
    try {
      return { plaintext, key, record: await rewriteVault(key, record, plaintext), upgraded: true };
    } catch {
      return { plaintext, key, record, upgraded: false };
    }
  }
  let sealed;
  try {
    sealed = await sealAndVerify(password, plaintext, CURRENT_KDF);
  } catch {
    return { plaintext, key, record, upgraded: false };
  }
  wipe(key);
  return { plaintext, key: sealed.key, record: sealed.record, upgraded: true };
}

/** Re-open after a service-worker restart using the raw key kept in storage.session. */
export async function openVaultWithKey(key: Uint8Array, record: string): Promise<Uint8Array> {
  const rec = parseRecord(record);
  if (key.length !== 32) throw VaultError.wrongSessionKey();
  return decryptRecord(key, rec, () => VaultError.wrongSessionKey());
}

/**
 * Write new plaintext while unlocked, without the password.
 *
 * Keeps the record's KDF params and salt (a new salt would need the password
 * to derive a new key) but always uses a FRESH random IV: reusing an IV under
 * the same GCM key would leak the XOR of plaintexts and the authentication key.
 * Random 96-bit IVs stay within NIST's 2^-32 collision bound for 2^32 writes
 * per key -- orders of magnitude more than a wallet makes, and every password
 * write starts a new key anyway.
 *
 * The key is first checked against the current record, so a stale or wrong
 * session key can never produce a record that no password opens.
 */
export async function rewriteVault(key: Uint8Array, record: string, plaintext: Uint8Array): Promise<string> {
  const rec = parseRecord(record);
  if (key.length !== 32) throw VaultError.wrongSessionKey();
  wipe(await decryptRecord(key, rec, () => VaultError.wrongSessionKey()));

  let iv = newIv();
  const oldIv = decodeField(rec.cipher.iv);
  while (bytesEqual(iv, oldIv)) iv = newIv(); // 2^-96; costs nothing to rule out
  const cipher = { name: 'AES-GCM', iv: bytesToBase64(iv) } as const;
  // Argon2 records are (re)written as the latest version; v1 stays v1 (its KDF differs).
  const header: VaultHeader = rec.version === 1 ? { version: 1, kdf: rec.kdf, cipher } : { version: 3, kdf: rec.kdf, cipher };
  const next = await encryptRecord(key, header, iv, plaintext);

  let back: Uint8Array | undefined;
  try {
    back = await decryptRecord(key, parseRecord(next));
  } catch {
    throw new VaultWriteError();
  }
  const ok = bytesEqual(back, plaintext);
  wipe(back);
  if (!ok) throw new VaultWriteError();
  return next;
}

/**
 * Re-encrypt under a new password (new salt, IV and key). Uses CURRENT_KDF,
 * or the record's own Argon2 params if those are already at least as strong.
 * `upgraded` reports whether the KDF/format was strengthened on the way.
 */
export async function changePassword(oldPassword: string, newPassword: string, record: string): Promise<UnlockedVault> {
  assertPassword(newPassword);
  const { rec, key, plaintext } = await unlock(oldPassword, record);
  wipe(key);
  const weak = needsUpgrade(rec);
  const kdf = rec.version !== 1 && !weak ? rec.kdf : CURRENT_KDF;
  try {
    const sealed = await sealAndVerify(newPassword, plaintext, kdf);
    return { plaintext, key: sealed.key, record: sealed.record, upgraded: weak || rec.version !== LATEST_VERSION };
  } catch (e) {
    wipe(plaintext);
    throw e;
  }
}
