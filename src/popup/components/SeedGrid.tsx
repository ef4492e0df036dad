import { useT } from '../i18n';

/**
 * The phrase as a native numbered list: screen readers announce each word with its
 * position, the numbers come from the list marker (not text), and the trailing spaces make
 * the element's text the phrase itself, so copying it or reading textContent gives the words.
 */
export function SeedGrid({ words }: { words: string[] }) {
  const t = useT();
  return (
    <ol className="seed-grid" aria-label={t('seed.wordsLabel', { count: words.length })}>
      {words.map((w, i) => (
        <li key={i}>
          <span data-testid={`seed-word-${i + 1}`}>{w}</span>{' '}
        </li>
      ))}
    </ol>
  );
}
