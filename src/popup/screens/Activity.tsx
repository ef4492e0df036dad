import { useCallback, useEffect, useState } from 'react';
import type { ActivityItem } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import type { BtcSendReview } from '../../shared/btc-views';
import { BtcActivity, BtcReplaceReview } from '../btc/BtcActivity';

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** Our sent transactions on this network; pending ones can be sped up or cancelled (same nonce, higher fee). */
export function Activity() {
  const t = useT();
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('activity_list', {}).then(
      (r) => setItems(r.items),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 4000);
    return () => clearInterval(timer);
  }, [load]);

  const act = (p: Promise<unknown>) => p.then(load, (e: unknown) => setError(errorText(t, e)));
  const [btcReview, setBtcReview] = useState<BtcSendReview | null>(null);
  if (btcReview) return <BtcReplaceReview review={btcReview} onDone={() => setBtcReview(null)} />;

  return (
    <main className="screen" data-testid="activity-screen">
      <header className="row spread">
        <h1>{t('activity.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <h2>{t('activity.ethereum')}</h2>
      {items?.length === 0 && <p>{t('activity.empty')}</p>}
      <ul className="stack plain">
        {items?.map((it) => {
          const amount = it.token ? `${formatUnits(it.token.amount, it.token.decimals)} ${it.token.symbol}` : `${formatUnits(it.value, 18)} ETH`;
          const to = it.token?.to ?? it.to;
          return (
            <li key={it.hash} className="card stack" data-testid="activity-item" data-status={it.status} data-hash={it.hash} data-kind={it.kind}>
              <div className="row spread">
                <strong>{amount}</strong>
                <span className={`badge ${it.status}`}>{t(`activity.${it.status}`)}</span>
              </div>
              {to && <span className="muted">{t('activity.to', { to: short(to) })}</span>}
              {it.origin && <span className="muted">{t('activity.fromSite', { origin: it.origin })}</span>}
              {it.status === 'pending' && it.kind !== 'cancel' && (
                <div className="row">
                  <button type="button" data-testid="speed-up-button" onClick={() => void act(call('activity_speedUp', { hash: it.hash }))}>
                    {t('activity.speedUp')}
                  </button>
                  <button type="button" data-testid="cancel-tx-button" onClick={() => void act(call('activity_cancel', { hash: it.hash }))}>
                    {t('activity.cancel')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
      <BtcActivity onReview={setBtcReview} />
    </main>
  );
}
