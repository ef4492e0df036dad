export type Strength = 'weak' | 'fair' | 'strong';

/**
 * A rough guide, not a gate: length counts most, mixing character classes a little.
 * The vault's Argon2id is what makes guessing slow; this only nudges people to longer passwords.
 */
export function passwordStrength(pw: string): Strength {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  const score = pw.length + classes * 2;
  if (pw.length < 8 || score < 14) return 'weak';
  if (score < 20) return 'fair';
  return 'strong';
}
