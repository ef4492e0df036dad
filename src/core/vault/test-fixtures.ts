// Test-only helpers (not exported from index.ts): writes the legacy v1 format,
// which production code only ever reads.

import { aesGcmEncrypt, newIv, randomBytes } from './aead';
import { bytesToBase64 } from './base64';
import { derivePbkdf2Key } from './kdf';
import { headerAad, SALT_BYTES, serializeRecord, type VaultRecordV1 } from './record';

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
