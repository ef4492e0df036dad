import { pbkdf2Sync } from 'node:crypto';
import { HDKey } from '@scure/bip32';
import * as bip39 from 'bip39';
import { describe, expect, it } from 'vitest';
import trezor from '../../../test/vectors/bip39-trezor.json';
import { entropyToMnemonic, mnemonicToEntropy } from './bip39-codec';
import {
  generateMnemonic,
  MnemonicError,
  mnemonicToSeed,
  mnemonicToSeedAsync,
  parseMnemonic,
  type Wordlist,
} from './mnemonic';
import { bytesToHex, hexToBytes } from './test-utils';
import { indexOfWord } from './wordlists';

type Vector = [entropy: string, mnemonic: string, seed: string, xprv: string];
const LISTS: Wordlist[] = ['english', 'chinese_simplified', 'chinese_traditional'];
const vectorsOf = (list: Wordlist) => trezor[list] as Vector[];

/** OpenSSL's PBKDF2 (node:crypto): independent of the noble code under test. */
const opensslSeed = (phrase: string, pass = '') =>
  pbkdf2Sync(phrase.normalize('NFKD'), 'mnemonic' + pass.normalize('NFKD'), 2048, 64, 'sha512').toString('hex');

const ABOUT = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

function parseError(input: string): MnemonicError {
  try {
    parseMnemonic(input);
  } catch (e) {
    expect(e).toBeInstanceOf(MnemonicError);
    return e as MnemonicError;
  }
  throw new Error(`expected parseMnemonic to throw for ${JSON.stringify(input)}`);
}

describe.each(LISTS)('BIP39 vectors, %s (trezor/python-mnemonic, passphrase TREZOR)', (list) => {
  it.each(vectorsOf(list))('%s', (entropy, mnemonic, seed, xprv) => {
    expect(entropyToMnemonic(hexToBytes(entropy), list)).toBe(mnemonic);
    expect(bytesToHex(mnemonicToEntropy(mnemonic, list))).toBe(entropy);

    const parsed = parseMnemonic(mnemonic);
    expect(parsed.phrase).toBe(mnemonic);
    // A phrase using only characters common to both Chinese lists (same
    // indices, so same entropy and seed) is reported as Simplified.
    const simplified = indexOfWord('chinese_simplified');
    const expected = list === 'chinese_traditional' && parsed.words.every((w) => simplified.has(w))
      ? 'chinese_simplified'
      : list;
    expect(parsed.wordlist).toBe(expected);

    const ours = mnemonicToSeed(parsed.phrase, trezor.passphrase);
    expect(bytesToHex(ours)).toBe(seed);
    expect(HDKey.fromMasterSeed(ours).privateExtendedKey).toBe(xprv);
  });
});

describe('seed derivation (BIP39 PBKDF2)', () => {
  it('matches OpenSSL PBKDF2 and the bip39 package, with and without passphrase', () => {
    for (const [, m] of [...vectorsOf('english'), ...vectorsOf('chinese_traditional')].slice(0, 30)) {
      for (const pass of ['', 'TREZOR', 'pässwörd 密码']) {
        const ours = bytesToHex(mnemonicToSeed(m, pass));
        expect(ours).toBe(opensslSeed(m, pass));
        expect(ours).toBe(bytesToHex(bip39.mnemonicToSeedSync(m, pass)));
      }
    }
  });

  it('mnemonicToSeedAsync (WebCrypto) gives the vector seeds too', async () => {
    for (const list of LISTS) {
      for (const [, m, seed] of vectorsOf(list).filter((_, i) => i % 4 === 0)) {
        expect(bytesToHex(await mnemonicToSeedAsync(m, trezor.passphrase))).toBe(seed);
      }
    }
    expect(bytesToHex(await mnemonicToSeedAsync(ABOUT, 'cafe\u0301'))).toBe(opensslSeed(ABOUT, 'caf\u00e9'));
  });

  it('NFKD-normalises the passphrase (composed and decomposed é seed the same)', () => {
    const composed = mnemonicToSeed(ABOUT, 'caf\u00e9');
    const decomposed = mnemonicToSeed(ABOUT, 'cafe\u0301');
    expect(bytesToHex(composed)).toBe(bytesToHex(decomposed));
    expect(bytesToHex(composed)).toBe(opensslSeed(ABOUT, 'cafe\u0301'));
  });

  it('a Chinese phrase seeds differently from the English phrase of the same entropy', () => {
    for (const size of [16, 32]) {
      const entropy = crypto.getRandomValues(new Uint8Array(size));
      const seeds = LISTS.map((list) => {
        const phrase = parseMnemonic(entropyToMnemonic(entropy, list)).phrase;
        const seed = bytesToHex(mnemonicToSeed(phrase, 'x'));
        expect(seed).toBe(opensslSeed(phrase, 'x'));
        return seed;
      });
      expect(seeds[0]).not.toBe(seeds[1]);
      expect(seeds[0]).not.toBe(seeds[2]);
    }
  });
});

describe('entropy <-> mnemonic round trips', () => {
  it.each(LISTS)('%s, every entropy size, matches the bip39 package', (list) => {
    for (const size of [16, 20, 24, 28, 32]) {
      for (let i = 0; i < 20; i++) {
        const entropy = crypto.getRandomValues(new Uint8Array(size));
        const phrase = entropyToMnemonic(entropy, list);
        expect(phrase.split(' ')).toHaveLength((size * 8 * 33) / 32 / 11);
        expect(phrase).toBe(bip39.entropyToMnemonic(bytesToHex(entropy), bip39.wordlists[list]));
        expect(bytesToHex(mnemonicToEntropy(phrase, list))).toBe(bytesToHex(entropy));
        const parsed = parseMnemonic(phrase);
        expect(parsed.phrase).toBe(phrase);
        expect(bytesToHex(mnemonicToEntropy(parsed.phrase, parsed.wordlist))).toBe(bytesToHex(entropy));
      }
    }
  });

  it('rejects bad entropy sizes', () => {
    expect(() => entropyToMnemonic(new Uint8Array(15))).toThrow(RangeError);
    expect(() => entropyToMnemonic(new Uint8Array(33))).toThrow(RangeError);
  });
});

describe('generateMnemonic', () => {
  it.each([12, 24] as const)('%i English words with a valid checksum', (n) => {
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const m = generateMnemonic(n);
      const parsed = parseMnemonic(m);
      expect(parsed.words).toHaveLength(n);
      expect(parsed.wordlist).toBe('english');
      expect(parsed.phrase).toBe(m);
      expect(bip39.validateMnemonic(m, bip39.wordlists.english)).toBe(true);
      seen.add(m);
    }
    expect(seen.size).toBe(10);
  });

  it('rejects other lengths', () => {
    expect(() => generateMnemonic(15 as 12)).toThrow(RangeError);
  });
});

describe('parseMnemonic normalisation', () => {
  it('collapses any whitespace, trims and lowercases English', () => {
    const messy = `  ABANDON\tabandon\n\nabandon\u3000abandon\u00a0Abandon  abandon\r\nabandon abandon abandon abandon abandon ABOUT \n`;
    expect(parseMnemonic(messy)).toEqual({ phrase: ABOUT, wordlist: 'english', words: ABOUT.split(' ') });
  });

  it('folds full-width Latin (NFKD) and drops invisible zero-width characters', () => {
    const fullWidth = ABOUT.replace(/^abandon/, '\uff41\uff42\uff41\uff4e\uff44\uff4f\uff4e');
    expect(parseMnemonic(fullWidth).phrase).toBe(ABOUT);
    expect(parseMnemonic(`\ufeff${ABOUT.replace('about', 'ab\u200bout')}`).phrase).toBe(ABOUT);
  });

  it('accepts Chinese with no spaces, ideographic spaces, or a mix', () => {
    const [, simplified] = vectorsOf('chinese_simplified')[12]!; // 蒙 台 脱 …
    const [, traditional] = vectorsOf('chinese_traditional')[12]!; // 蒙 台 脫 …
    for (const [phrase, list] of [
      [simplified, 'chinese_simplified'],
      [traditional, 'chinese_traditional'],
    ] as const) {
      const words = phrase.split(' ');
      const variants = [
        words.join(''),
        words.join('\u3000'),
        `${words.slice(0, 5).join('')} ${words.slice(5, 9).join('\u3000')}\n${words.slice(9).join('')}  `,
      ];
      for (const v of variants) {
        expect(parseMnemonic(v)).toEqual({ phrase, wordlist: list, words });
      }
    }
  });

  it('reports a phrase of characters shared by both Chinese lists as Simplified', () => {
    const shared = '的的的的的的的的的的的在';
    expect(parseMnemonic(shared)).toMatchObject({ wordlist: 'chinese_simplified', phrase: [...shared].join(' ') });
  });
});

describe('parseMnemonic errors', () => {
  it('empty', () => {
    for (const input of ['', '   ', '\n\t\u3000', '\u200b']) {
      const e = parseError(input);
      expect(e.code).toBe('empty');
      expect(e.message).toMatch(/recovery phrase/i);
    }
  });

  it('bad_length says how many words were found and which counts are allowed', () => {
    const e = parseError(ABOUT.split(' ').slice(0, 11).join(' '));
    expect(e.code).toBe('bad_length');
    expect(e.message).toContain('Found 11 words');
    expect(e.message).toContain('12, 15, 18, 21 or 24');
    expect(parseError('abandon').message).toContain('Found 1 word;');
    expect(parseError(`${ABOUT} abandon`).message).toContain('Found 13 words');
    expect(e.count).toBe(11);
    // Han characters typed without spaces are one word each, in the count too.
    expect(parseError('的的的的的的的的的的的')).toMatchObject({ code: 'bad_length', count: 11 });
  });

  it('unknown_word names the first unknown word and its 1-based position', () => {
    const words = ABOUT.split(' ');
    words[2] = 'Foo';
    words[7] = 'bar';
    const e = parseError(words.join(' '));
    expect(e.code).toBe('unknown_word');
    expect(e.message).toBe('Word 3 "foo" is not in the BIP39 word list');
    expect(e.word).toBe('foo');
    expect(e.position).toBe(3);

    const zh = parseError('的的的的的的的的的的猫在'); // 猫 is in neither Chinese list
    expect(zh).toMatchObject({ code: 'unknown_word', word: '猫', position: 11 });
  });

  it('mixed_wordlists: English + Chinese', () => {
    const e = parseError(`${ABOUT.split(' ').slice(0, 11).join(' ')} 的`);
    expect(e.code).toBe('mixed_wordlists');
    expect(e).toMatchObject({ word: '的', position: 12 });
    expect(e.message).toContain('Word 12 "的"');
    expect(e.message).toContain('English');
  });

  it('mixed_wordlists: Simplified-only and Traditional-only characters', () => {
    // 这 is only in the Simplified list, 這 only in the Traditional list.
    expect(indexOfWord('chinese_simplified').has('这')).toBe(true);
    expect(indexOfWord('chinese_traditional').has('这')).toBe(false);
    expect(indexOfWord('chinese_traditional').has('這')).toBe(true);
    expect(indexOfWord('chinese_simplified').has('這')).toBe(false);
    const e = parseError('这这这的的的的的的的的這');
    expect(e.code).toBe('mixed_wordlists');
    expect(e).toMatchObject({ word: '這', position: 12 });
    expect(e.message).toContain('Chinese (Simplified)');
  });

  it('bad_checksum', () => {
    const e = parseError('abandon '.repeat(12));
    expect(e.code).toBe('bad_checksum');
    expect(e.message).toMatch(/checksum/);
    expect(e.word).toBeUndefined();
    // Swapping two words of a valid phrase breaks the checksum as well.
    const w = 'legal winner thank year wave sausage worth useful legal winner thank yellow'.split(' ');
    [w[0], w[1]] = [w[1]!, w[0]!];
    expect(parseError(w.join(' ')).code).toBe('bad_checksum');
    expect(parseError('的的的的的的的的的的的的').code).toBe('bad_checksum');
  });

  it('is a proper Error subclass', () => {
    const e = parseError('');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('MnemonicError');
  });
});
