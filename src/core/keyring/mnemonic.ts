// Recovery-phrase handling: generate, parse/validate user input, seed (BIP39).
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { checksumValid, entropyToMnemonic } from './bip39-codec';
import { indexOfWord, WORDLIST_LABEL, WORDLISTS, type Wordlist } from './wordlists';

export type { Wordlist } from './wordlists';

export type MnemonicErrorCode = 'empty' | 'bad_length' | 'unknown_word' | 'mixed_wordlists' | 'bad_checksum';

export class MnemonicError extends Error {
  readonly code: MnemonicErrorCode;
  /** The offending word (unknown_word, mixed_wordlists). */
  readonly word?: string;
  /** 1-based position of `word` in the phrase. */
  readonly position?: number;
  /** How many words were found (bad_length), counted as the parser splits them. */
  readonly count?: number;

  constructor(code: MnemonicErrorCode, message: string, at?: { word: string; position: number } | { count: number }) {
    super(message);
    this.name = 'MnemonicError';
    this.code = code;
    if (at && 'count' in at) this.count = at.count;
    else if (at) {
      this.word = at.word;
      this.position = at.position;
    }
  }
}

export const WORD_COUNTS = [12, 15, 18, 21, 24] as const;

export interface ParsedMnemonic {
  /** Exactly the sentence BIP39 seeds from: NFKD, words joined by U+0020. */
  phrase: string;
  wordlist: Wordlist;
  words: string[];
}

/** New English phrase from crypto.getRandomValues (works in SW and Node). */
export function generateMnemonic(words: 12 | 24): string {
  if (words !== 12 && words !== 24) throw new RangeError('words must be 12 or 24');
  const entropy = crypto.getRandomValues(new Uint8Array(words === 12 ? 16 : 32));
  try {
    return entropyToMnemonic(entropy, 'english');
  } finally {
    entropy.fill(0);
  }
}

// Invisible characters that sneak in when copying from web pages / notes apps.
// They are removed (not treated as separators) so we parse what the user sees.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
// A run of Han characters typed without spaces; every Chinese BIP39 word is a
// single character, so such a run is split into one word per character.
const HAN_RUN = /^\p{Script=Han}{2,}$/u;

function tokenize(input: string): string[] {
  // NFKD first (full-width Latin -> ASCII, compatibility ideographs -> unified),
  // then lowercase; `\s` covers tabs, newlines, NBSP and the ideographic space U+3000.
  const text = input.normalize('NFKD').replace(INVISIBLE, '').toLowerCase().trim();
  if (text === '') return [];
  return text.split(/\s+/u).flatMap((t) => (HAN_RUN.test(t) ? Array.from(t) : [t]));
}

export function parseMnemonic(input: string): ParsedMnemonic {
  const words = typeof input === 'string' ? tokenize(input) : [];
  if (words.length === 0) throw new MnemonicError('empty', 'Enter your recovery phrase');

  const n = words.length;
  if (!(WORD_COUNTS as readonly number[]).includes(n)) {
    throw new MnemonicError(
      'bad_length',
      `Found ${n} word${n === 1 ? '' : 's'}; a recovery phrase has 12, 15, 18, 21 or 24 words`,
      { count: n },
    );
  }

  const maps = WORDLISTS.map((list) => indexOfWord(list));
  const unknown = words.findIndex((w) => maps.every((m) => !m.has(w)));
  if (unknown >= 0) {
    const word = words[unknown]!;
    throw new MnemonicError('unknown_word', `Word ${unknown + 1} "${word}" is not in the BIP39 word list`, {
      word,
      position: unknown + 1,
    });
  }

  // Lists that contain every word. Simplified and Traditional share 1275
  // characters (at identical indices), so both may qualify; that is fine.
  const candidates = WORDLISTS.filter((_, i) => words.every((w) => maps[i]!.has(w)));
  if (candidates.length === 0) {
    // Name the first word that does not fit the list most of the phrase uses.
    let best = 0;
    let bestHits = -1;
    maps.forEach((m, i) => {
      const hits = words.filter((w) => m.has(w)).length;
      if (hits > bestHits) [best, bestHits] = [i, hits];
    });
    const at = words.findIndex((w) => !maps[best]!.has(w));
    const word = words[at]!;
    throw new MnemonicError(
      'mixed_wordlists',
      `Word ${at + 1} "${word}" is not in the ${WORDLIST_LABEL[WORDLISTS[best]!]} word list used by the ` +
        'rest of the phrase; all words must come from one BIP39 list',
      { word, position: at + 1 },
    );
  }

  for (const list of candidates) {
    if (checksumValid(words, list)) return { phrase: words.join(' '), wordlist: list, words };
  }
  throw new MnemonicError(
    'bad_checksum',
    'This recovery phrase is not valid (checksum mismatch). Check each word for typos and that the words are in the right order',
  );
}

const utf8 = new TextEncoder();

type Bytes = Uint8Array<ArrayBuffer>; // WebCrypto rejects SharedArrayBuffer-backed views

function seedInputs(phrase: string, passphrase: string): { pw: Bytes; salt: Bytes } {
  return {
    pw: utf8.encode(phrase.normalize('NFKD')),
    salt: utf8.encode('mnemonic' + passphrase.normalize('NFKD')),
  };
}

/** BIP39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"+passphrase,
 *  both NFKD. Pass `parseMnemonic(...).phrase`; the phrase is not validated here. */
export function mnemonicToSeed(phrase: string, passphrase = ''): Uint8Array {
  const { pw, salt } = seedInputs(phrase, passphrase);
  try {
    return pbkdf2(sha512, pw, salt, { c: 2048, dkLen: 64 });
  } finally {
    pw.fill(0);
    salt.fill(0);
  }
}

/** Same seed as mnemonicToSeed, via native WebCrypto PBKDF2 (several times
 *  faster than the pure-JS loop, notably on a cold service worker). */
export async function mnemonicToSeedAsync(phrase: string, passphrase = ''): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return mnemonicToSeed(phrase, passphrase);
  const { pw, salt } = seedInputs(phrase, passphrase);
  try {
    const key = await subtle.importKey('raw', pw, 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: 2048 }, key, 512);
    return new Uint8Array(bits);
  } finally {
    pw.fill(0);
    salt.fill(0);
  }
}
