// BIP39 word lists supported by this wallet, straight from the bip39 package.
import english from 'bip39/src/wordlists/english.json';
import chineseSimplified from 'bip39/src/wordlists/chinese_simplified.json';
import chineseTraditional from 'bip39/src/wordlists/chinese_traditional.json';

export type Wordlist = 'english' | 'chinese_simplified' | 'chinese_traditional';

/** Detection order. Simplified comes before Traditional so that a phrase made
 *  only of characters shared by both lists (same index in both, so same
 *  entropy and seed) is reported as Simplified. */
export const WORDLISTS: readonly Wordlist[] = ['english', 'chinese_simplified', 'chinese_traditional'];

const LISTS: Record<Wordlist, readonly string[]> = {
  english,
  chinese_simplified: chineseSimplified,
  chinese_traditional: chineseTraditional,
};

// word -> index maps, built on first use so service-worker start-up stays cheap.
const indexCache = new Map<Wordlist, ReadonlyMap<string, number>>();

export function wordsOf(list: Wordlist): readonly string[] {
  return LISTS[list];
}

export function indexOfWord(list: Wordlist): ReadonlyMap<string, number> {
  let map = indexCache.get(list);
  if (!map) {
    map = new Map(LISTS[list].map((w, i) => [w, i]));
    indexCache.set(list, map);
  }
  return map;
}

export const WORDLIST_LABEL: Record<Wordlist, string> = {
  english: 'English',
  chinese_simplified: 'Chinese (Simplified)',
  chinese_traditional: 'Chinese (Traditional)',
};
