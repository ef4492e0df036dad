import { useId, useState } from 'react';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { SeedGrid } from '../components/SeedGrid';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { SecurityTip } from '../components/SecurityTip';

/** Warning first, then the password, then the phrase; hiding it drops it from state. */
export function RevealSeed() {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [phrase, setPhrase] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" data-testid="reveal-seed-button" onClick={() => setOpen(true)}>
        {t('reveal.button')}
      </button>
    );
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    call('wallet_revealSeed', { password }).then(
      (r) => {
        setPhrase(r.mnemonic);
        setPassword('');
        setError(null);
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('reveal.title')}</h2>
      <p className="warning" role="note">
        {t('reveal.warning')}
      </p>
      <SecurityTip id="reveal_seed" />
      {phrase ? (
        <>
          <div data-testid="revealed-seed" data-phrase={phrase}>
            <SeedGrid words={phrase.split(' ')} />
          </div>
          <button
            type="button"
            onClick={() => {
              setPhrase(null);
              setOpen(false);
            }}
          >
            {t('reveal.hide')}
          </button>
        </>
      ) : (
        <form className="stack" onSubmit={submit}>
          <label htmlFor={`${id}-pw`}>{t('reveal.password')}</label>
          <input id={`${id}-pw`} data-testid="reveal-seed-password-input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <FormError message={error} />
          <div className="row">
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" data-testid="reveal-seed-submit">
              {t('reveal.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
