import { useId, useState } from 'react';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { PasswordFields, passwordProblem, type PasswordValue } from '../components/PasswordFields';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';

/** Import: phrase (+ optional BIP39 passphrase) and password on one form. */
export function ImportWallet({ onDone }: { onDone: () => void }) {
  const t = useT();
  const id = useId();
  const [mnemonic, setMnemonic] = useState('');
  const [advanced, setAdvanced] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [pw, setPw] = useState<PasswordValue>({ password: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!mnemonic.trim()) return setError(t('error.mnemonic_empty'));
    const problem = passwordProblem(t, pw);
    if (problem) return setError(problem);
    setBusy(true);
    call('wallet_import', { mnemonic, password: pw.password, ...(passphrase ? { passphrase } : {}) }).then(onDone, (err: unknown) => {
      setBusy(false);
      setError(errorText(t, err));
    });
  };

  return (
    <main className="screen" data-testid="import-screen">
      <h1>{t('import.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <label htmlFor={`${id}-m`}>{t('import.mnemonic')}</label>
        <textarea
          id={`${id}-m`}
          data-testid="import-mnemonic-input"
          rows={4}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={mnemonic}
          onChange={(e) => setMnemonic(e.target.value)}
        />
        <button type="button" className="link" data-testid="import-advanced-toggle" aria-expanded={advanced} onClick={() => setAdvanced(!advanced)}>
          {t('import.advanced')}
        </button>
        {advanced && (
          <>
            <label htmlFor={`${id}-pp`}>{t('import.passphrase')}</label>
            <input id={`${id}-pp`} data-testid="import-passphrase-input" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </>
        )}
        <PasswordFields value={pw} onChange={setPw} />
        <FormError message={error} />
        <div className="row">
          <button type="button" onClick={() => navigate('/')}>
            {t('common.back')}
          </button>
          <button type="submit" className="primary" data-testid="import-submit" disabled={busy} aria-busy={busy}>
            {t('import.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
