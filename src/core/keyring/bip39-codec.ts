// BIP39 entropy <-> words through the `bip39` package itself (checksum included).
// bip39 uses Node's Buffer at call time; the service worker gets a Buffer polyfill
// (src/background/polyfills.ts), Node has its own.
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import * as bip39 from 'bip39';
import { wordsOf, type Wordlist } from './wordlists';

const ENTROPY_BYTES = new Set([16, 20, 24, 28, 32]);

const list = (w: Wordlist) => wordsOf(w) as string[];

/** Entropy -> mnemonic sentence (words joined by U+0020, as BIP39 seeds it). */
export function entropyToMnemonic(entropy: Uint8Array, wordlist: Wordlist = 'english'): string {
  if (!ENTROPY_BYTES.has(entropy.length)) throw new RangeError(`Entropy must be 16, 20, 24, 28 or 32 bytes, got ${entropy.length}`);
  return bip39.entropyToMnemonic(bytesToHex(entropy), list(wordlist));
}

/** Mnemonic (normalised: single spaces, NFKD, lowercase) -> entropy; throws on an unknown word or a bad checksum. */
export function mnemonicToEntropy(phrase: string, wordlist: Wordlist = 'english'): Uint8Array {
  return hexToBytes(bip39.mnemonicToEntropy(phrase, list(wordlist)));
}

/** True when the words' checksum is right in that list. */
export function checksumValid(words: readonly string[], wordlist: Wordlist): boolean {
  return bip39.validateMnemonic(words.join(' '), list(wordlist));
}
