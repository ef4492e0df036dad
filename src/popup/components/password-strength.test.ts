import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it('rates short passwords weak', () => expect(passwordStrength('abc12')).toBe('weak'));
  it('rates a plain 8-letter word weak', () => expect(passwordStrength('password')).toBe('weak'));
  it('rates 10 mixed characters fair', () => expect(passwordStrength('Passw0rd12')).toBe('fair'));
  it('rates a long mixed passphrase strong', () => expect(passwordStrength('correct Horse 9 battery')).toBe('strong'));
});
