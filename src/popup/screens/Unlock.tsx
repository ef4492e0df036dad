import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { ResetWallet } from './SecuritySettings';

export function Unlock({ onDone, onReset }: { onDone: () => void; onReset: () => void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => input.current?.focus(), []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    call('wallet_unlock', { password }).then(onDone, (err: unknown) => {
      setBusy(false);
      setPassword('');
      setError(errorText(t, err));
      input.current?.focus();
    });
  };
  return (
    <main className="screen" data-testid="unlock-screen">
      <h1>{t('unlock.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={`${id}-pw`}>{t('unlock.password')}</label>
        <input
          ref={input}
          id={`${id}-pw`}
          data-testid="unlock-password-input"
          type="password"
          autoComplete="current-password"
          value={password}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="unlock-submit" disabled={busy} aria-busy={busy}>
          {t('unlock.submit')}
        </button>
      </form>
      <p className="muted">{t('unlock.forgot')}</p>
      <ResetWallet onReset={onReset} />
    </main>
  );
}
