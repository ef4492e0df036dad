import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, LATEST_VERSION, parseRecord } from '../../core/vault';
import { createV1RecordForTests, createV2RecordForTests, editRecord } from '../../core/vault/test-fixtures';
import { VAULT_KEY, VaultService } from './vault-service';
import { memoryStore } from './store';
import { encodeKeyringData, type KeyringData } from './keyring-data';

const data: KeyringData = { v: 1, mnemonic: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about', passphrase: '', accounts: [{ index: 0, name: 'Account 1' }], backedUp: true };

describe('VaultService', () => {
  it('creates once, refuses to overwrite, unlocks, and restores from the session key', async () => {
    const local = memoryStore();
    const session = memoryStore();
    const vault = new VaultService(local, session);
    await vault.create('password1', data);
    const record = local.dump()[VAULT_KEY];
    await expect(vault.create('password2', data)).rejects.toMatchObject({ data: { reason: 'vault_exists' } });
    expect(local.dump()[VAULT_KEY]).toBe(record);
    // Only the derived key is in the session area, never the phrase.
    expect(JSON.stringify(session.dump())).not.toContain('abandon');
    const restarted = new VaultService(local, session);
    expect(await restarted.restore()).toEqual(data);
    await restarted.lock();
    expect(await new VaultService(local, session).restore()).toBeNull();
    expect(await restarted.unlock('password1')).toEqual(data);
  });

  it('a wrong password leaves the record byte-identical and grows a delay after repeated failures', async () => {
    let now = 1_000_000;
    const local = memoryStore();
    const vault = new VaultService(local, memoryStore(), () => now);
    await vault.create('password1', data);
    await vault.lock();
    const before = local.dump()[VAULT_KEY];
    for (let i = 0; i < 3; i++) await expect(vault.unlock('nope')).rejects.toMatchObject({ data: { reason: 'wrong_password' } });
    await expect(vault.unlock('nope')).rejects.toMatchObject({ data: { reason: 'wrong_password' } });
    expect(await vault.retryAfterMs()).toBeGreaterThan(0);
    // Even the right password waits out the delay.
    await expect(vault.unlock('password1')).rejects.toMatchObject({ data: { reason: 'too_many_attempts' } });
    expect(local.dump()[VAULT_KEY]).toBe(before);
    now += 10 * 60_000;
    expect(await vault.unlock('password1')).toEqual(data);
    expect(await vault.retryAfterMs()).toBe(0);
  });

  it('save rewrites while unlocked; a damaged record is reported, not replaced', async () => {
    const local = memoryStore();
    const vault = new VaultService(local, memoryStore());
    await vault.create('password1', data);
    const more = { ...data, accounts: [...data.accounts, { index: 1, name: 'Two' }] };
    await vault.save(more);
    await vault.lock();
    expect(await vault.unlock('password1')).toEqual(more);
    await vault.lock();
    const damaged = (local.dump()[VAULT_KEY] as string).slice(0, 40);
    await local.set({ [VAULT_KEY]: damaged });
    await expect(vault.unlock('password1')).rejects.toMatchObject({ data: { reason: 'vault_corrupt' } });
    expect(local.dump()[VAULT_KEY]).toBe(damaged);
  });

  it.each([
    ['v1 (PBKDF2)', () => createV1RecordForTests('password1', encodeKeyringData(data), 1_000)],
    ['v2 (no integrity digest)', () => createV2RecordForTests('password1', encodeKeyringData(data))],
  ])('an old %s record is rewritten in storage as the current version after unlock', async (_name, make) => {
    const old = await make();
    const local = memoryStore({ [VAULT_KEY]: old });
    expect(await new VaultService(local, memoryStore()).unlock('password1')).toEqual(data);
    const stored = local.dump()[VAULT_KEY] as string;
    expect(stored).not.toBe(old);
    expect(parseRecord(stored).version).toBe(LATEST_VERSION);
    // The persisted record is the one that opens from now on, with the same password.
    const fresh = new VaultService(local, memoryStore());
    expect(await fresh.unlock('password1')).toEqual(data);
    expect(local.dump()[VAULT_KEY]).toBe(stored);
  });

  it('one flipped ciphertext byte: "vault damaged", no failed attempt counted, record untouched', async () => {
    const local = memoryStore();
    const vault = new VaultService(local, memoryStore());
    await vault.create('password1', data);
    await vault.lock();
    const record = local.dump()[VAULT_KEY] as string;
    const ct = base64ToBytes((JSON.parse(record) as { data: string }).data)!;
    ct[Math.floor(ct.length / 2)]! ^= 0x01;
    const damaged = editRecord(record, (r) => (r['data'] = bytesToBase64(ct)));
    await local.set({ [VAULT_KEY]: damaged });
    // More tries than the free ones: a user with the right password is never made to wait.
    for (let i = 0; i < 5; i++) await expect(vault.unlock('password1')).rejects.toMatchObject({ data: { reason: 'vault_corrupt' } });
    expect(await vault.retryAfterMs()).toBe(0);
    expect(local.dump()).toEqual({ [VAULT_KEY]: damaged });
    expect(vault.unlocked).toBe(false);
  });
});
