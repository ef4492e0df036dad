// AES-256-GCM via WebCrypto. Keys travel as raw bytes (the caller keeps them in
// storage.session); each call imports a fresh non-extractable CryptoKey.

import { IV_BYTES } from './record';
import { VaultError } from './errors';
import { KEY_BYTES } from './kdf';
import { bufferSource as buf, wipe } from './bytes';

async function importAesKey(rawKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  if (rawKey.length !== KEY_BYTES) throw new TypeError('AES key must be 32 bytes');
  const raw = buf(rawKey);
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, [usage]);
  } finally {
    if (raw !== rawKey) wipe(raw);
  }
}

export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function newIv(): Uint8Array {
  return randomBytes(IV_BYTES);
}

export async function aesGcmEncrypt(rawKey: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  const key = await importAesKey(rawKey, 'encrypt');
  const pt = buf(plaintext);
  try {
    const ct = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 },
      key,
      pt,
    );
    return new Uint8Array(ct);
  } finally {
    if (pt !== plaintext) wipe(pt); // only when buf() had to copy
  }
}

/**
 * Throws VaultError('wrong_password') on tag failure. GCM cannot distinguish a
 * wrong key from altered ciphertext/header, so both surface the same way; the
 * point is that no unauthenticated byte is ever returned.
 */
export async function aesGcmDecrypt(
  rawKey: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  aad: Uint8Array,
  onFail: () => VaultError = () => VaultError.wrongPassword(),
): Promise<Uint8Array> {
  const key = await importAesKey(rawKey, 'decrypt');
  let pt: ArrayBuffer;
  try {
    pt = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(aad), tagLength: 128 },
      key,
      buf(ciphertext),
    );
  } catch {
    throw onFail();
  }
  return new Uint8Array(pt);
}
