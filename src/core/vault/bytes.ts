// Small byte helpers shared by the vault files.

/**
 * Best-effort zeroing of secrets we hold in typed arrays. JS cannot wipe
 * strings, CryptoKey internals or copies the engine/WASM made, so this only
 * shortens the lifetime of the buffers we own.
 */
export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const b of buffers) b?.fill(0);
}

/** Constant-time for equal lengths (not that timing matters for read-back checks). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** WebCrypto's BufferSource type wants ArrayBuffer-backed views; copy only if needed. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
