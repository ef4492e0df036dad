import { useCallback, useEffect, useState } from 'react';
import type { BtcActivityItem, BtcSendReview } from '../../shared/btc-views';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { BtcReview } from './BtcReview';
import { btc, shortAddress } from './format';

/**
 * Bitcoin history of the selected account: what Esplora knows of its addresses and what this
 * wallet sent. A pending send of ours can be sped up or cancelled (RBF), after a review.
 */
export function BtcActivity({ onReview }: { onReview: (review: BtcSendReview | null) => void }) {
  const t = useT();
  const [items, setItems] = useState<BtcActivityItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('btc_activity', {}).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);

  const replace = (txid: string, mode: 'speed_up' | 'cancel') =>
    call('btc_replaceQuote', { txid, mode }).then(onReview, (e: unknown) => setError(errorText(t, e)));

  return (
    <section className="stack" aria-labelledby="btc-activity-title">
      <h2 id="btc-activity-title">{t('btc.activity')}</h2>
      {items?.length === 0 && <p>{t('activity.empty')}</p>}
      <ul className="stack plain">
        {items?.map((it) => {
          const incoming = BigInt(it.net) > 0n;
          return (
            <li key={it.txid} className="card stack" data-testid="activity-item" data-chain="btc" data-status={it.status} data-hash={it.txid} data-kind={it.kind}>
              <div className="row spread">
                <strong>{incoming ? `+${btc(it.net)}` : btc(it.net)}</strong>
                <span className={`badge ${it.status}`}>{t(`btc.status.${it.status}`)}</span>
              </div>
              {it.counterparties[0] && <span className="muted">{t(incoming ? 'btc.fromAddress' : 'activity.to', { to: shortAddress(it.counterparties[0]), from: shortAddress(it.counterparties[0]) })}</span>}
              {it.fee && <span className="muted">{t('btc.feeLine', { fee: btc(it.fee), rate: it.feeRate ?? 0 })}</span>}
              {it.origin && <span className="muted">{t('activity.fromSite', { origin: it.origin })}</span>}
              {it.kind === 'speed_up' && <span className="muted">{t('btc.kind.speed_up')}</span>}
              {it.kind === 'cancel' && <span className="muted">{t('btc.kind.cancel')}</span>}
              {it.replaceable && (
                <div className="row">
                  <button type="button" data-testid="speed-up-button" onClick={() => void replace(it.txid, 'speed_up')}>
                    {t('activity.speedUp')}
                  </button>
                  {it.kind !== 'cancel' && (
                    <button type="button" data-testid="cancel-tx-button" onClick={() => void replace(it.txid, 'cancel')}>
                      {t('activity.cancel')}
                    </button>
                  )}
                </div>
              )}
              <code className="muted address" aria-label={t('btc.txid')}>
                {it.txid}
              </code>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </section>
  );
}

/** The replacement review inside the activity screen; back returns to the list. */
export function BtcReplaceReview({ review, onDone }: { review: BtcSendReview; onDone: () => void }) {
  return <BtcReview review={review} onBack={onDone} onSent={onDone} />;
}
