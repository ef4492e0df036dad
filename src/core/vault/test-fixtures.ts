// Test-only helpers (not exported from index.ts): write the legacy v1 and v2
// formats, which production code only ever reads.

import { aesGcmEncrypt, newIv, randomBytes } from './aead';
import { bytesToBase64 } from './base64';
import { CURRENT_KDF, deriveArgon2idKey, derivePbkdf2Key, type KdfParams } from './kdf';
import { headerAad, SALT_BYTES, serializeRecord, type VaultRecordV1, type VaultRecordV2 } from './record';

export const V1_ITERATIONS = 600_000;

export async function createV1RecordForTests(password: string, plaintext: Uint8Array, iterations = V1_ITERATIONS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const iv = newIv();
  const key = await derivePbkdf2Key(password, salt, iterations);
  const header: Omit<VaultRecordV1, 'data'> = {
    version: 1,
    kdf: { name: 'pbkdf2-sha256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  };
  const ct = await aesGcmEncrypt(key, iv, plaintext, headerAad(header));
  key.fill(0);
  return serializeRecord({ ...header, data: bytesToBase64(ct) });
}

/** A v2 record (Argon2id, no integrity digest), as wallets before v3 wrote them. */
export async function createV2RecordForTests(password: string, plaintext: Uint8Array, kdf: KdfParams = CURRENT_KDF): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const iv = newIv();
  const key = await deriveArgon2idKey(password, salt, kdf);
  const header: Omit<VaultRecordV2, 'data'> = {
    version: 2,
    kdf: { name: 'argon2id', m: kdf.m, t: kdf.t, p: kdf.p, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
  };
  const ct = await aesGcmEncrypt(key, iv, plaintext, headerAad(header));
  key.fill(0);
  return serializeRecord({ ...header, data: bytesToBase64(ct) });
}

export interface EditableRecord {
  [field: string]: unknown;
  kdf: Record<string, unknown>;
  cipher: Record<string, unknown>;
}

/** Returns a copy of `record` with the JSON edited by `edit`. */
export function editRecord(record: string, edit: (r: EditableRecord) => void): string {
  const r = JSON.parse(record) as EditableRecord;
  edit(r);
  return JSON.stringify(r);
}
