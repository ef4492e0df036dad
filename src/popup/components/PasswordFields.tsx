import { useId } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../shared/errors';
import { useT } from '../i18n';
import { passwordStrength } from './password-strength';

export interface PasswordValue {
  password: string;
  confirm: string;
}

/** Returns a translated problem with the pair, or null when it can be submitted. */
export function passwordProblem(t: ReturnType<typeof useT>, v: PasswordValue): string | null {
  if (v.password.length < MIN_PASSWORD_LENGTH) return t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (v.password !== v.confirm) return t('password.mismatch');
  return null;
}

export function PasswordFields({ value, onChange }: { value: PasswordValue; onChange: (v: PasswordValue) => void }) {
  const t = useT();
  const id = useId();
  const strength = passwordStrength(value.password);
  return (
    <div className="stack">
      <label htmlFor={`${id}-pw`}>{t('password.new')}</label>
      <input
        id={`${id}-pw`}
        data-testid="password-input"
        type="password"
        autoComplete="new-password"
        value={value.password}
        aria-describedby={`${id}-strength`}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
      />
      <meter id={`${id}-strength-meter`} min={0} max={3} low={1.5} high={2.5} optimum={3} value={strength === 'weak' ? 1 : strength === 'fair' ? 2 : 3} aria-hidden="true" />
      <span id={`${id}-strength`} className="hint">
        {value.password ? t('password.strength', { level: t(`password.${strength}`) }) : t('password.tooShort', { min: MIN_PASSWORD_LENGTH })}
      </span>
      <label htmlFor={`${id}-confirm`}>{t('password.confirm')}</label>
      <input
        id={`${id}-confirm`}
        data-testid="password-confirm-input"
        type="password"
        autoComplete="new-password"
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
      />
    </div>
  );
}
