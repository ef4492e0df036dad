import { useState } from 'react';
import type { NonceProblemView } from '../../shared/messages';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';

/**
 * A nonce that holds up later transactions, with the fix: fill a missing nonce with a 0-value
 * transaction to ourselves, or speed up / cancel a stuck one (its row has the buttons).
 */
export function NonceNotice({ problem, symbol, onFixed }: { problem: NonceProblemView; symbol: string; onFixed: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fill = () => {
    setBusy(true);
    setError(null);
    call('activity_fillNonce', { nonce: problem.nonce }).then(
      () => {
        setBusy(false);
        onFixed();
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorText(t, e));
      },
    );
  };
  return (
    <section className="notice stack" role="status" data-testid="nonce-problem" data-kind={problem.kind} data-nonce={problem.nonce}>
      {problem.kind === 'gap' ? (
        <>
          <strong>{t('activity.gapTitle', { nonce: problem.nonce })}</strong>
          <p>{t('activity.gapText', { nonce: problem.nonce, waiting: problem.waiting.join(', '), symbol })}</p>
          <button type="button" className="primary" data-testid="nonce-gap-fix" disabled={busy} aria-busy={busy} onClick={fill}>
            {t('activity.gapFix', { nonce: problem.nonce })}
          </button>
        </>
      ) : (
        <>
          <strong>{t('activity.stuckTitle', { nonce: problem.nonce })}</strong>
          <p>{t('activity.stuckText', { minutes: problem.minutes })}</p>
        </>
      )}
      <FormError message={error} />
    </section>
  );
}
