import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsService } from './settings-service';
import { memoryStore, type Store } from './store';

/** A storage area whose reads answer only after a turn of the event loop, as chrome.storage does. */
function slowStore(): Store & { dump(): Record<string, unknown> } {
  const inner = memoryStore();
  const later = <T>(p: Promise<T>) => new Promise<T>((ok) => setTimeout(() => ok(p), 1));
  return { ...inner, get: (k) => later(inner.get(k)), set: (items) => later(inner.set(items)) };
}

describe('SettingsService', () => {
  it('two changes started together both survive (read-modify-write under one lock)', async () => {
    const local = slowStore();
    const s = new SettingsService(local);
    await Promise.all([s.update({ language: 'zh_CN' }), s.update({ autoLockMinutes: 7 }), s.update({ btcNetwork: 'signet' })]);
    expect(await s.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'zh_CN', autoLockMinutes: 7, btcNetwork: 'signet' });
    expect(local.dump()['settings']).toEqual({ ...DEFAULT_SETTINGS, language: 'zh_CN', autoLockMinutes: 7, btcNetwork: 'signet' });
  });

  it('each update answers the record as it wrote it, in call order', async () => {
    const s = new SettingsService(slowStore());
    const [a, b] = await Promise.all([s.update({ autoLockMinutes: 5 }), s.update({ autoLockMinutes: 9 })]);
    expect(a.autoLockMinutes).toBe(5);
    expect(b.autoLockMinutes).toBe(9);
    expect((await s.get()).autoLockMinutes).toBe(9);
  });

  it('tips dismissed together are all kept', async () => {
    const s = new SettingsService(slowStore());
    await Promise.all([s.dismissTip('backup'), s.dismissTip('first_connect'), s.dismissTip('reveal_seed')]);
    expect((await s.dismissedTips()).sort()).toEqual(['backup', 'first_connect', 'reveal_seed']);
  });

  it('a damaged record falls back per field and never crashes', async () => {
    const s = new SettingsService(memoryStore({ settings: { language: 'xx', autoLockMinutes: 0, btcNetwork: 'regtest', prices: 'on' } }));
    expect(await s.get()).toEqual({ ...DEFAULT_SETTINGS, btcNetwork: 'regtest' });
    const s2 = new SettingsService(memoryStore({ settings: { autoLockMinutes: 5000 } }));
    expect((await s2.get()).autoLockMinutes).toBe(DEFAULT_SETTINGS.autoLockMinutes);
  });
});
