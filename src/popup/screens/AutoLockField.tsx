import { useId, useState } from 'react';
import { FormError } from '../components/FormError';
import { useT } from '../i18n';
import { AUTO_LOCK_MAX, AUTO_LOCK_MIN, parseAutoLockMinutes } from './auto-lock-minutes';

/**
 * Auto-lock minutes, saved when the field is left (or Enter). A value out of range is refused
 * with a message next to the field, and the stored setting stays as it was.
 */
export function AutoLockField({ minutes, onSave }: { minutes: number; onSave: (minutes: number) => Promise<boolean> }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(String(minutes));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const commit = () => {
    const n = parseAutoLockMinutes(text);
    setSaved(null);
    if (n === null) {
      setProblem(t('settings.autoLockRange'));
      return;
    }
    setProblem(null);
    if (n === minutes) return;
    void onSave(n).then((ok) => setSaved(ok ? n : null));
  };
  return (
    <>
      <label htmlFor={`${id}-al`}>{t('settings.autoLock')}</label>
      <input
        id={`${id}-al`}
        data-testid="auto-lock-input"
        type="number"
        inputMode="numeric"
        min={AUTO_LOCK_MIN}
        max={AUTO_LOCK_MAX}
        step={1}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-al-msg`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <FormError message={problem} />
      <p id={`${id}-al-msg`} className="hint" data-testid="auto-lock-status" role="status">
        {saved !== null ? t('settings.autoLockSaved', { minutes: saved }) : ''}
      </p>
    </>
  );
}
