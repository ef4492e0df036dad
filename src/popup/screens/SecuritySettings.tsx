import { useId, useState } from 'react';
import { RESET_CONFIRMATION } from '../../shared/messages';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { PasswordFields, passwordProblem, type PasswordValue } from '../components/PasswordFields';
import { errorText } from '../error-text';
import { useT } from '../i18n';

/** A collapsible settings section: a button that opens a form. */
function Section({ title, testid, children }: { title: string; testid: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <button type="button" id={`${id}-h`} data-testid={testid} aria-expanded={open} onClick={() => setOpen(!open)}>
        {title}
      </button>
      {open && children(() => setOpen(false))}
    </section>
  );
}

export function ChangePassword() {
  const t = useT();
  const id = useId();
  const [old, setOld] = useState('');
  const [pw, setPw] = useState<PasswordValue>({ password: '', confirm: '' });
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t('password.change')} testid="change-password-button">
      {() => (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const problem = passwordProblem(t, pw);
            if (problem) return setError(problem);
            call('wallet_changePassword', { oldPassword: old, newPassword: pw.password }).then(
              () => {
                setError(null);
                setOld('');
                setPw({ password: '', confirm: '' });
                setMsg(t('password.changed'));
              },
              (err: unknown) => setError(errorText(t, err)),
            );
          }}
        >
          <label htmlFor={`${id}-old`}>{t('password.current')}</label>
          <input id={`${id}-old`} data-testid="old-password-input" type="password" autoComplete="current-password" value={old} onChange={(e) => setOld(e.target.value)} />
          <PasswordFields value={pw} onChange={setPw} />
          <FormError message={error} />
          {msg && (
            <p role="status" data-testid="form-success">
              {msg}
            </p>
          )}
          <button type="submit" className="primary" data-testid="change-password-submit">
            {t('password.change')}
          </button>
        </form>
      )}
    </Section>
  );
}

export function ExportPrivateKey({ index }: { index: number }) {
  const t = useT();
  const id = useId();
  const [password, setPassword] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t('export.button')} testid="export-key-button">
      {() => (
        <div className="stack">
          <p className="warning" role="note">
            {t('export.warning')}
          </p>
          {key ? (
            <>
              <code className="address" data-testid="exported-key">
                {key}
              </code>
              <button type="button" onClick={() => setKey(null)}>
                {t('reveal.hide')}
              </button>
            </>
          ) : (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                call('wallet_exportPrivateKey', { password, index }).then(
                  (r) => {
                    setKey(r.privateKey);
                    setPassword('');
                    setError(null);
                  },
                  (err: unknown) => setError(errorText(t, err)),
                );
              }}
            >
              <label htmlFor={`${id}-pw`}>{t('reveal.password')}</label>
              <input id={`${id}-pw`} data-testid="export-key-password-input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              <FormError message={error} />
              <button type="submit" className="primary" data-testid="export-key-submit">
                {t('export.submit')}
              </button>
            </form>
          )}
        </div>
      )}
    </Section>
  );
}

/** Reset needs the word typed: it deletes the encrypted phrase from this browser. */
export function ResetWallet({ onReset }: { onReset: () => void }) {
  const t = useT();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t('reset.button')} testid="reset-wallet-button">
      {() => (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim() !== RESET_CONFIRMATION) return setError(t('reset.mismatch', { word: RESET_CONFIRMATION }));
            call('wallet_reset', { confirm: RESET_CONFIRMATION }).then(onReset, (err: unknown) => setError(errorText(t, err)));
          }}
        >
          <p className="warning" role="note">
            {t('reset.warning')}
          </p>
          <label htmlFor={`${id}-c`}>{t('reset.type', { word: RESET_CONFIRMATION })}</label>
          <input id={`${id}-c`} data-testid="reset-confirm-input" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <FormError message={error} />
          <button type="submit" className="danger" data-testid="reset-wallet-submit">
            {t('reset.submit')}
          </button>
        </form>
      )}
    </Section>
  );
}
