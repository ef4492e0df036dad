import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { isWeakerThan } from './kdf';
import {
  changePassword,
  createVault,
  CURRENT_KDF,
  openVault,
  openVaultWithKey,
  parseRecord,
  rewriteVault,
  VaultError,
  type KdfParams,
  LATEST_VERSION,
  type VaultErrorCode,
  type VaultRecordV2,
  type VaultRecordV3,
} from './index';
import { integrityDigest } from './record';
import { createV1RecordForTests, createV2RecordForTests, editRecord } from './test-fixtures';

// Fast params for tests that are not about the KDF. They are weaker than
// CURRENT_KDF, so a successful openVault() on them also runs an upgrade.
const FAST: KdfParams = { m: 256, t: 1, p: 1 };
const PW = 'correct horse battery staple';
const SECRET = new TextEncoder().encode(JSON.stringify({ mnemonic: 'abandon '.repeat(11) + 'about' }));

async function expectVaultError(p: Promise<unknown>, ...codes: VaultErrorCode[]): Promise<VaultError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a VaultError, got a result').toBeInstanceOf(VaultError);
  const err = caught as VaultError;
  expect(codes).toContain(err.code);
  return err;
}

const v3 = (record: string) => parseRecord(record) as VaultRecordV3;
const b64len = (s: string) => base64ToBytes(s)?.length;

describe('createVault / openVault with CURRENT_KDF', () => {
  it('round-trips and writes the documented format', async () => {
    // Never below the OWASP floor the spec requires.
    expect(CURRENT_KDF.m).toBeGreaterThanOrEqual(19456);
    expect(CURRENT_KDF.t).toBeGreaterThanOrEqual(2);
    expect(CURRENT_KDF.p).toBeGreaterThanOrEqual(1);
    const created = await createVault(PW, SECRET);
    const rec = v3(created.record);
    expect(rec.version).toBe(3);
    expect(rec.kdf).toEqual({ name: 'argon2id', ...CURRENT_KDF, salt: rec.kdf.salt });
    expect(rec.cipher.name).toBe('AES-GCM');
    expect(b64len(rec.kdf.salt)).toBe(32);
    expect(b64len(rec.cipher.iv)).toBe(12);
    expect(b64len(rec.data)).toBe(SECRET.length + 16);
    expect(Object.keys(JSON.parse(created.record) as object)).toEqual(['version', 'kdf', 'cipher', 'data', 'integrity']);
    expect(rec.integrity.name).toBe('SHA-256');
    expect(b64len(rec.integrity.digest)).toBe(32);
    expect(created.key).toHaveLength(32);

    const opened = await openVault(PW, created.record);
    expect(opened.plaintext).toEqual(SECRET);
    expect(opened.upgraded).toBe(false);
    expect(opened.record).toBe(created.record);
    expect(opened.key).toEqual(created.key);
  });

  it('uses a fresh salt and IV for every password write', async () => {
    const a = v3((await createVault(PW, SECRET, FAST)).record);
    const b = v3((await createVault(PW, SECRET, FAST)).record);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('rejects an empty password at creation', async () => {
    await expect(createVault('', SECRET, FAST)).rejects.toThrow(TypeError);
  });

  it('normalises the password to NFC', async () => {
    const { record } = await createVault('caf\u00e9-pass', SECRET, FAST);
    expect((await openVault('cafe\u0301-pass', record)).plaintext).toEqual(SECRET);
  });
});

describe('failures', () => {
  it('wrong password: wrong_password, no secret in the message, record untouched', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    const before = record.slice();
    const err = await expectVaultError(openVault('not the password', record), 'wrong_password');
    expect(err.message).toBe('Wrong password');
    expect(err.message).not.toContain('not the password');
    expect(record).toBe(before);
  });

  it('flipped ciphertext or tag byte: corrupt, found by the integrity digest before any key derivation', async () => {
    const { record, key } = await createVault(PW, SECRET, FAST);
    const data = base64ToBytes(v3(record).data)!;
    for (const i of [0, Math.floor(data.length / 2), data.length - 1]) {
      const bad = data.slice();
      bad[i]! ^= 0x01;
      const tampered = editRecord(record, (r) => (r['data'] = bytesToBase64(bad)));
      // parseRecord runs no KDF: the damage is known before the password is even tried.
      expect(() => parseRecord(tampered)).toThrow(expect.objectContaining({ code: 'corrupt' }));
      await expectVaultError(openVault(PW, tampered), 'corrupt');
      await expectVaultError(openVault('a wrong password', tampered), 'corrupt');
      await expectVaultError(openVaultWithKey(key, tampered), 'corrupt');
      await expectVaultError(rewriteVault(key, tampered, SECRET), 'corrupt');
    }
  });

  it('a flipped byte in the digest itself is corrupt too', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    const digest = base64ToBytes(v3(record).integrity.digest)!;
    digest[5]! ^= 0x80;
    await expectVaultError(openVault(PW, editRecord(record, (r) => ((r['integrity'] as Record<string, unknown>)['digest'] = bytesToBase64(digest)))), 'corrupt');
  });

  it('a v2 record (no digest) cannot tell a flipped byte from a wrong password: wrong_password, as before', async () => {
    const record = await createV2RecordForTests(PW, SECRET, FAST);
    const data = base64ToBytes((parseRecord(record) as VaultRecordV2).data)!;
    data[3]! ^= 0x01;
    await expectVaultError(openVault(PW, editRecord(record, (r) => (r['data'] = bytesToBase64(data)))), 'wrong_password');
  });

  it('flipped header params are corrupt (the digest covers the header too)', async () => {
    const { record, key } = await createVault(PW, SECRET, FAST);
    const edits: ((r: { kdf: Record<string, unknown>; cipher: Record<string, unknown> }) => void)[] = [
      (r) => (r.kdf['m'] = 257),
      (r) => (r.kdf['t'] = 2),
      (r) => (r.kdf['p'] = 2),
      (r) => {
        const iv = base64ToBytes(r.cipher['iv'] as string)!;
        iv[0]! ^= 1;
        r.cipher['iv'] = bytesToBase64(iv);
      },
    ];
    for (const edit of edits) {
      const tampered = editRecord(record, edit);
      await expectVaultError(openVault(PW, tampered), 'corrupt');
      await expectVaultError(openVaultWithKey(key, tampered), 'corrupt');
      // Someone who recomputes the digest is still stopped by the GCM tag (the header is its AAD).
      const forged = editRecord(tampered, (r) => {
        const parsed = { ...r, version: 3 } as unknown as VaultRecordV3;
        (r['integrity'] as Record<string, unknown>)['digest'] = bytesToBase64(integrityDigest(parsed, base64ToBytes(parsed.data)!));
      });
      await expectVaultError(openVaultWithKey(key, forged), 'wrong_password');
    }
  });

  it('truncated JSON is corrupt', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    for (const cut of [0, 1, 10, record.length / 2, record.length - 1]) {
      await expectVaultError(openVault(PW, record.slice(0, cut)), 'corrupt');
    }
  });

  it('unknown version 7 is unsupported_version (before any KDF work)', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    const v7 = editRecord(record, (r) => (r['version'] = 7));
    const err = await expectVaultError(openVault(PW, v7), 'unsupported_version');
    expect(err.message).toContain('v7');
    expect(() => parseRecord(JSON.stringify({ version: 7, whatever: true }))).toThrow(VaultError);
    await expectVaultError(openVault(PW, JSON.stringify({ version: 7, kdf: { name: 'scrypt' } })), 'unsupported_version');
  });
});

describe('parseRecord strictness', () => {
  let good = '';
  beforeAll(async () => {
    good = (await createVault(PW, SECRET, FAST)).record;
  });
  it('accepts a freshly written record', () => {
    expect(parseRecord(good).version).toBe(3);
  });

  const salt31 = bytesToBase64(new Uint8Array(31));
  const iv16 = bytesToBase64(new Uint8Array(16));
  it.each<[string, (r: { [k: string]: unknown; kdf: Record<string, unknown>; cipher: Record<string, unknown> }) => void]>([
    ['missing data', (r) => delete r['data']],
    ['extra top-level field', (r) => (r['note'] = 'x')],
    ['extra kdf field', (r) => (r.kdf['extra'] = 1)],
    ['string version', (r) => (r['version'] = '2')],
    ['kdf name mismatch', (r) => (r.kdf['name'] = 'pbkdf2-sha256')],
    ['cipher name', (r) => (r.cipher['name'] = 'AES-CBC')],
    ['salt 31 bytes', (r) => (r.kdf['salt'] = salt31)],
    ['iv 16 bytes', (r) => (r.cipher['iv'] = iv16)],
    ['salt not base64', (r) => (r.kdf['salt'] = '!!!!')],
    ['data shorter than a tag', (r) => (r['data'] = bytesToBase64(new Uint8Array(15)))],
    ['m as string', (r) => (r.kdf['m'] = '19456')],
    ['m fractional', (r) => (r.kdf['m'] = 19456.5)],
    ['m absurdly large', (r) => (r.kdf['m'] = 2 ** 30)],
    ['t zero', (r) => (r.kdf['t'] = 0)],
    ['m < 8p', (r) => ((r.kdf['m'] = 8), (r.kdf['p'] = 2))],
    ['kdf is an array', (r) => (r.kdf = [] as unknown as Record<string, unknown>)],
    ['integrity missing', (r) => delete r['integrity']],
    ['integrity name', (r) => ((r['integrity'] as Record<string, unknown>)['name'] = 'SHA-1')],
    ['integrity extra field', (r) => ((r['integrity'] as Record<string, unknown>)['x'] = 1)],
    ['digest 31 bytes', (r) => ((r['integrity'] as Record<string, unknown>)['digest'] = salt31)],
    ['v3 stamped as v2 (digest left over)', (r) => (r['version'] = 2)],
  ])('%s → corrupt', (_name, edit) => {
    const bad = editRecord(good, edit);
    let err: unknown;
    try {
      parseRecord(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('corrupt');
    expect((err as VaultError).message).toBe('The vault record is damaged and cannot be read');
  });

  it.each(['', 'null', '[]', '"vault"', '42', '{}', '{"version":2}'])('%j → corrupt', (text) => {
    expect(() => parseRecord(text)).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });
});

describe('upgrade on unlock', () => {
  it('opens a v1 (PBKDF2) record and returns it upgraded to the latest version, which reopens with the same password', async () => {
    const v1 = await createV1RecordForTests(PW, SECRET);
    const v1Copy = v1.slice();
    expect(parseRecord(v1)).toMatchObject({ version: 1, kdf: { name: 'pbkdf2-sha256', iterations: 600_000 } });

    const opened = await openVault(PW, v1);
    expect(opened.upgraded).toBe(true);
    expect(opened.plaintext).toEqual(SECRET);
    expect(v1).toBe(v1Copy);
    const rec = v3(opened.record);
    expect(rec.version).toBe(LATEST_VERSION);
    expect(rec.kdf).toMatchObject({ name: 'argon2id', ...CURRENT_KDF });

    const again = await openVault(PW, opened.record);
    expect(again.upgraded).toBe(false);
    expect(again.plaintext).toEqual(SECRET);
    expect(await openVaultWithKey(opened.key, opened.record)).toEqual(SECRET);
    // Wrong password on v1 is still just wrong_password.
    await expectVaultError(openVault('nope', v1), 'wrong_password');
  });

  it('a v2 record with current params becomes v3 under the same key (same salt, no second KDF), and still opens', async () => {
    const old = await createV2RecordForTests(PW, SECRET);
    const opened = await openVault(PW, old);
    expect(opened.upgraded).toBe(true);
    const rec = v3(opened.record);
    expect(rec.version).toBe(3);
    expect(rec.kdf).toEqual((parseRecord(old) as VaultRecordV2).kdf);
    expect(await openVaultWithKey(opened.key, opened.record)).toEqual(SECRET);
    const again = await openVault(PW, opened.record);
    expect(again).toMatchObject({ upgraded: false, record: opened.record });
    expect(again.plaintext).toEqual(SECRET);
  });

  it('upgrades a v2 record whose Argon2 params are weaker than CURRENT_KDF', async () => {
    const weak = await createVault(PW, SECRET, { m: 8192, t: 1, p: 1 });
    const opened = await openVault(PW, weak.record);
    expect(opened.upgraded).toBe(true);
    expect(v3(opened.record).kdf).toMatchObject(CURRENT_KDF);
    expect(v3(opened.record).kdf.salt).not.toBe(v3(weak.record).kdf.salt);
    expect(opened.key).not.toEqual(weak.key);
    expect((await openVault(PW, opened.record)).upgraded).toBe(false);
  });

  it('compares strength by memory and memory×passes', () => {
    const floor = { m: 19456, t: 2, p: 1 };
    expect(isWeakerThan({ m: 8192, t: 4, p: 1 }, floor)).toBe(true); // less memory
    expect(isWeakerThan({ m: 19456, t: 1, p: 1 }, floor)).toBe(true); // fewer passes
    expect(isWeakerThan({ m: 47104, t: 1, p: 1 }, floor)).toBe(false); // OWASP alt.: more memory, 1 pass
    expect(isWeakerThan({ m: 65536, t: 3, p: 4 }, floor)).toBe(false);
    expect(isWeakerThan(floor, floor)).toBe(false);
    expect(isWeakerThan(floor, CURRENT_KDF)).toBe(CURRENT_KDF.m > floor.m || CURRENT_KDF.t > floor.t);
  });
});

describe('session key', () => {
  it('openVaultWithKey: right key opens, wrong key is wrong_password', async () => {
    const { record, key } = await createVault(PW, SECRET, FAST);
    expect(await openVaultWithKey(key, record)).toEqual(SECRET);
    const wrong = key.slice();
    wrong[0]! ^= 1;
    const err = await expectVaultError(openVaultWithKey(wrong, record), 'wrong_password');
    expect(err.message).toBe('Session key does not match the vault');
    await expectVaultError(openVaultWithKey(new Uint8Array(16), record), 'wrong_password');
    await expectVaultError(openVaultWithKey(key, record.slice(0, 20)), 'corrupt');
  });

  it('rewriteVault keeps kdf and salt, changes the IV, and the result opens with password and key', async () => {
    const { record, key } = await createVault(PW, SECRET, FAST);
    const next = new TextEncoder().encode('{"accounts":2}');
    const rewritten = await rewriteVault(key, record, next);
    const a = v3(record);
    const b = v3(rewritten);
    expect(b.kdf).toEqual(a.kdf);
    expect(b.cipher.iv).not.toBe(a.cipher.iv);
    expect(await openVaultWithKey(key, rewritten)).toEqual(next);
    expect((await openVault(PW, rewritten)).plaintext).toEqual(next);

    // Rewriting the same data twice still gives different IVs/ciphertexts.
    const again = await rewriteVault(key, rewritten, next);
    expect(v3(again).cipher.iv).not.toBe(b.cipher.iv);
    expect(v3(again).data).not.toBe(b.data);
  });

  it('rewriteVault refuses a key that does not open the current record', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    const other = await createVault(PW, SECRET, FAST);
    await expectVaultError(rewriteVault(other.key, record, SECRET), 'wrong_password');
  });

  it('rewriteVault on a v1 record keeps it v1 (upgrade needs the password)', async () => {
    const v1 = await createV1RecordForTests(PW, SECRET, 1_000);
    const { derivePbkdf2Key } = await import('./kdf');
    const key = await derivePbkdf2Key(PW, base64ToBytes(parseRecord(v1).kdf.salt)!, 1_000);
    const rewritten = await rewriteVault(key, v1, SECRET);
    expect(parseRecord(rewritten).version).toBe(1);
    expect(await openVaultWithKey(key, rewritten)).toEqual(SECRET);
  });
});

describe('changePassword', () => {
  it('old password fails afterwards, new one works', async () => {
    const { record } = await createVault(PW, SECRET);
    const changed = await changePassword(PW, 'a new passphrase', record);
    expect(changed.plaintext).toEqual(SECRET);
    expect(changed.upgraded).toBe(false);
    expect(v3(changed.record).kdf.salt).not.toBe(v3(record).kdf.salt);
    await expectVaultError(openVault(PW, changed.record), 'wrong_password');
    const reopened = await openVault('a new passphrase', changed.record);
    expect(reopened.plaintext).toEqual(SECRET);
    expect(reopened.upgraded).toBe(false);
    expect(await openVaultWithKey(changed.key, changed.record)).toEqual(SECRET);
  });

  it('wrong old password is wrong_password; empty new password is refused', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    await expectVaultError(changePassword('nope', 'new one', record), 'wrong_password');
    await expect(changePassword(PW, '', record)).rejects.toThrow(TypeError);
  });

  it('upgrades weak params on the way', async () => {
    const { record } = await createVault(PW, SECRET, FAST);
    const changed = await changePassword(PW, 'new one', record);
    expect(changed.upgraded).toBe(true);
    expect(v3(changed.record).kdf).toMatchObject(CURRENT_KDF);
  });
});
