// If re-encryption during upgrade fails (e.g. Argon2 runs out of memory in a
// constrained worker), unlock must still succeed with the old record.
import type * as HashWasm from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ failArgon: false }));
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof HashWasm>();
  return {
    ...real,
    argon2id: (async (opts: Parameters<typeof real.argon2id>[0]) => {
      if (state.failArgon) throw new RangeError('WebAssembly.Memory(): could not allocate memory');
      return real.argon2id(opts);
    }) as typeof real.argon2id,
  };
});

const { openVault } = await import('./vault');
const { parseRecord } = await import('./record');
const { createV1RecordForTests } = await import('./test-fixtures');

describe('upgrade failure', () => {
  it('unlocks with the old record and upgraded: false', async () => {
    const secret = new TextEncoder().encode('seed');
    const v1 = await createV1RecordForTests('pw', secret, 1_000);
    state.failArgon = true;
    try {
      const opened = await openVault('pw', v1);
      expect(opened.upgraded).toBe(false);
      expect(opened.record).toBe(v1);
      expect(opened.plaintext).toEqual(secret);
      expect(parseRecord(opened.record).version).toBe(1);
    } finally {
      state.failArgon = false;
    }
    expect((await openVault('pw', v1)).upgraded).toBe(true);
  });
});
