import { useEffect, useId, useState } from 'react';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { PasswordFields, passwordProblem, type PasswordValue } from '../components/PasswordFields';
import { SeedGrid } from '../components/SeedGrid';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { quizPasses, quizPositions } from './quiz';

type Step = 'words' | 'quiz' | 'password';

/**
 * Create: show words → quiz → password. The phrase lives only in this component's state
 * until wallet_create stores it encrypted; nothing is written before the quiz passes.
 */
export function CreateWallet({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [length, setLength] = useState<12 | 24>(12);
  const [words, setWords] = useState<string[]>([]);
  const [step, setStep] = useState<Step>('words');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('wallet_generateMnemonic', { words: length }).then(
      (r) => live && setWords(r.mnemonic.split(' ')),
      (e: unknown) => live && setError(errorText(t, e)),
    );
    return () => {
      live = false;
    };
  }, [length, t]);

  if (step === 'quiz') return <Quiz words={words} onBack={() => setStep('words')} onPass={() => setStep('password')} />;
  if (step === 'password') return <CreatePassword mnemonic={words.join(' ')} onDone={onDone} />;

  return (
    <main className="screen" data-testid="create-seed-screen">
      <h1>{t('seed.title')}</h1>
      <p className="warning">{t('seed.warning')}</p>
      <fieldset className="row">
        <legend>{t('seed.length')}</legend>
        {([12, 24] as const).map((n) => (
          <label key={n}>
            <input type="radio" name="seed-length" checked={length === n} onChange={() => setLength(n)} />
            {t(n === 12 ? 'seed.words12' : 'seed.words24')}
          </label>
        ))}
      </fieldset>
      {words.length > 0 && <SeedGrid words={words} />}
      <FormError message={error} />
      <div className="row">
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
        <button type="button" className="primary" data-testid="seed-continue" disabled={words.length === 0} onClick={() => setStep('quiz')}>
          {t('seed.continue')}
        </button>
      </div>
    </main>
  );
}

function Quiz({ words, onBack, onPass }: { words: string[]; onBack: () => void; onPass: () => void }) {
  const t = useT();
  const id = useId();
  const [positions] = useState(() => quizPositions(words.length));
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (quizPasses(words, answers, positions)) onPass();
    else setError(t('quiz.wrong'));
  };
  return (
    <main className="screen" data-testid="seed-quiz-screen">
      <h1>{t('quiz.title')}</h1>
      <p>{t('quiz.intro')}</p>
      <form className="stack" onSubmit={submit}>
        {positions.map((n) => (
          <div key={n} className="stack">
            <label htmlFor={`${id}-${n}`}>{t('quiz.wordN', { n })}</label>
            <input
              id={`${id}-${n}`}
              data-testid={`seed-quiz-input-${n}`}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              value={answers[n] ?? ''}
              onChange={(e) => setAnswers({ ...answers, [n]: e.target.value })}
            />
          </div>
        ))}
        <FormError message={error} />
        <div className="row">
          <button type="button" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="primary" data-testid="seed-quiz-submit">
            {t('quiz.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}

function CreatePassword({ mnemonic, onDone }: { mnemonic: string; onDone: () => void }) {
  const t = useT();
  const [pw, setPw] = useState<PasswordValue>({ password: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(t, pw);
    if (problem) return setError(problem);
    setBusy(true);
    call('wallet_create', { mnemonic, password: pw.password, backedUp: true }).then(onDone, (err: unknown) => {
      setBusy(false);
      setError(errorText(t, err));
    });
  };
  return (
    <main className="screen" data-testid="create-password-screen">
      <h1>{t('password.title')}</h1>
      <p>{t('password.intro')}</p>
      <form className="stack" onSubmit={submit}>
        <PasswordFields value={pw} onChange={setPw} />
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="create-submit" disabled={busy} aria-busy={busy}>
          {t('create.submit')}
        </button>
      </form>
    </main>
  );
}
