import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIP_IDS } from '../../shared/messages';
import { dictionaries, translator } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  const enKeys = Object.keys(dictionaries.en).sort();

  it('zh_CN has exactly the keys of en', () => {
    expect(Object.keys(dictionaries.zh_CN).sort()).toEqual(enKeys);
  });

  it('every translation is non-empty and keeps the placeholders of en', () => {
    for (const key of enKeys) {
      const k = key as keyof typeof dictionaries.en;
      expect(dictionaries.zh_CN[k].trim(), key).not.toBe('');
      expect(placeholders(dictionaries.zh_CN[k]), key).toEqual(placeholders(dictionaries.en[k]));
    }
  });

  it('every security tip has a title and a text (keys built from TIP_IDS)', () => {
    for (const id of TIP_IDS) for (const part of ['title', 'text']) expect(enKeys).toContain(`tips.${id}.${part}`);
  });

  it('interpolates variables', () => {
    expect(translator('en')('error.mnemonic_unknown_word', { position: 3, word: 'foo' })).toBe('Word 3 "foo" is not in the BIP39 word list.');
  });

  it('every key used in the popup source exists', () => {
    const files = (readdirSync('src/popup', { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx')).map((f) => join('src/popup', f));
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(enKeys, `missing key ${key}`).toContain(key);
  });

  it('the extension name and description are in both _locales', () => {
    for (const lang of ['en', 'zh_CN']) {
      const msgs = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      expect(msgs.extName?.message, lang).toBeTruthy();
      expect(msgs.extDescription?.message, lang).toBeTruthy();
    }
  });
});
