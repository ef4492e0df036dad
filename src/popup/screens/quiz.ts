/** Picks `count` distinct 1-based positions of a phrase to ask for, in ascending order. */
export function quizPositions(wordCount: number, count = 3, random: () => number = secureRandom): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, wordCount)) picked.add(1 + Math.floor(random() * wordCount));
  return [...picked].sort((a, b) => a - b);
}

function secureRandom(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return (buf[0] ?? 0) / 2 ** 32;
}

/** Answers are compared after the same normalisation the import path uses (case, spaces, NFKD). */
export function quizPasses(words: string[], answers: Record<number, string>, positions: number[]): boolean {
  const norm = (s: string) => s.normalize('NFKD').trim().toLowerCase();
  return positions.every((p) => norm(answers[p] ?? '') === norm(words[p - 1] ?? '\u0000'));
}
