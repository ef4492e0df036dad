import { useState } from 'react';
import type { BtcSendReview } from '../../shared/btc-views';
import { call } from '../api';
import { Warnings } from '../approval/Warnings';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { DroppedSends } from './DroppedSends';
import { btc } from './format';
import { TxSummary } from './TxSummary';

/**
 * The review of a Bitcoin send, speed-up or cancel: the whole transaction, then one button
 * that signs and broadcasts exactly this (the background holds the reviewed PSBT).
 */
export function BtcReview({ review, onBack, onSent }: { review: BtcSendReview; onBack: () => void; onSent: (txid: string) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = BigInt(review.sent) + BigInt(review.fee ?? '0');
  const confirm = () => {
    setBusy(true);
    setError(null);
    call('btc_sendConfirm', { quoteId: review.quoteId }).then(
      (r) => onSent(r.txid),
      (e: unknown) => {
        setBusy(false);
        setError(errorText(t, e));
      },
    );
  };
  const title = review.kind === 'speed_up' ? 'btc.speedUpTitle' : review.kind === 'cancel' ? 'btc.cancelTitle' : 'send.review';
  return (
    <main className="screen" data-testid="send-review-screen" data-chain="btc" data-kind={review.kind}>
      <h1>{t(title)}</h1>
      {review.kind === 'cancel' && <p>{t('btc.cancelIntro')}</p>}
      {review.kind === 'speed_up' && <p>{t('btc.speedUpIntro')}</p>}
      <DroppedSends review={review} />
      {review.recipients.length > 0 && (
        <dl className="fields">
          {review.recipients.map((r) => (
            <div className="field" key={r.address}>
              <dt>{t('send.to')}</dt>
              <dd>
                <code data-testid="send-review-to">{r.address}</code>
                <br />
                <span data-testid="send-review-amount">{btc(r.value)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <TxSummary tx={review} />
      <p>
        <strong data-testid="send-review-total">
          {t('btc.total')}: {btc(total)}
        </strong>
      </p>
      <Warnings warnings={review.warnings} />
      <FormError message={error} />
      <div className="row spread">
        <button type="button" onClick={onBack} disabled={busy}>
          {t('send.edit')}
        </button>
        <button type="button" className="primary" data-testid="send-confirm-button" disabled={busy} aria-busy={busy} onClick={confirm}>
          {t(review.kind === 'cancel' ? 'btc.cancelConfirm' : review.kind === 'speed_up' ? 'btc.speedUpConfirm' : 'send.confirm')}
        </button>
      </div>
    </main>
  );
}
