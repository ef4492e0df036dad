// Password -> 32-byte AES key. Argon2id (hash-wasm) for current records,
// PBKDF2-SHA256 (WebCrypto) only to read legacy v1 records.

import { argon2id } from 'hash-wasm';
import { bufferSource, wipe } from './bytes';

export interface KdfParams {
  m: number; // memory in KiB
  t: number; // passes
  p: number; // lanes
}

/**
 * Defaults for new writes. OWASP's Argon2id floor is m=19 MiB, t=2, p=1; we
 * use 32 MiB because it still fits the unlock budget (<= 1.5x MetaMask's
 * PBKDF2-900k decrypt): measured ~0.6-0.95x in headless Chromium, ~0.5x in
 * Node, whereas 46 MiB/t=2 was already 1.1-2.7x in Chromium (bench/README.md).
 * p stays 1: hash-wasm is single-threaded, so more lanes would cost us time
 * without costing an attacker's GPUs anything. Raising these later is safe:
 * openVault upgrades weaker records on the next unlock.
 */
export const CURRENT_KDF: Readonly<KdfParams> = Object.freeze({ m: 32768, t: 2, p: 1 });

export const KEY_BYTES = 32;

/**
 * A record needs re-encryption if it uses less memory, or less total
 * memory x passes, than the current defaults. (Comparing m*t rather than t
 * alone means a record with more memory and fewer passes is not "upgraded"
 * to something cheaper.)
 */
export function isWeakerThan(params: KdfParams, target: KdfParams): boolean {
  return params.m < target.m || params.m * params.t < target.m * target.t;
}

/**
 * NFC so the same password typed on systems that compose characters
 * differently (e.g. macOS vs Windows IMEs) gives the same key.
 */
export function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFC'));
}

export async function deriveArgon2idKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const pw = passwordBytes(password);
  try {
    return await argon2id({
      password: pw,
      salt,
      parallelism: params.p,
      iterations: params.t,
      memorySize: params.m,
      hashLength: KEY_BYTES,
      outputType: 'binary',
    });
  } finally {
    // hash-wasm's own WASM memory cannot be wiped from here; it is dropped with the instance.
    wipe(pw);
  }
}

export async function derivePbkdf2Key(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const pw = passwordBytes(password);
  try {
    const base = await globalThis.crypto.subtle.importKey('raw', bufferSource(pw), 'PBKDF2', false, ['deriveBits']);
    const bits = await globalThis.crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: bufferSource(salt), iterations },
      base,
      KEY_BYTES * 8,
    );
    return new Uint8Array(bits);
  } finally {
    wipe(pw);
  }
}
