import { describe, expect, it } from 'vitest';
import { quizPasses, quizPositions } from './quiz';

describe('seed quiz', () => {
  it('picks distinct sorted positions within the phrase', () => {
    for (let i = 0; i < 50; i++) {
      const p = quizPositions(12);
      expect(p).toHaveLength(3);
      expect(new Set(p).size).toBe(3);
      expect([...p].sort((a, b) => a - b)).toEqual(p);
      for (const n of p) expect(n >= 1 && n <= 12).toBe(true);
    }
  });
  it('accepts the right words with stray case and spaces, rejects a wrong one', () => {
    const words = 'abandon ability able about above absent absorb abstract absurd abuse access accident'.split(' ');
    expect(quizPasses(words, { 2: ' Ability ', 5: 'above', 9: 'absurd' }, [2, 5, 9])).toBe(true);
    expect(quizPasses(words, { 2: 'ability', 5: 'about', 9: 'absurd' }, [2, 5, 9])).toBe(false);
    expect(quizPasses(words, { 2: 'ability' }, [2, 5])).toBe(false);
  });
});
