import { useCallback, useEffect, useId, useState } from 'react';
import type { InternalResult, ReplaceQuote } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import type { BtcSendReview } from '../../shared/btc-views';
import { BtcActivity, BtcReplaceReview } from '../btc/BtcActivity';
import { IncomingList } from './IncomingList';
import { NonceNotice } from './NonceNotice';
import { ReplaceReview } from './ReplaceReview';

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** Our sent transactions on this network; pending ones can be sped up or cancelled (same nonce, higher fee). */
export function Activity() {
  const t = useT();
  const id = useId();
  const [data, setData] = useState<InternalResult<'activity_list'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('activity_list', {}).then(
      (r) => setData(r),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  const items = data?.items;
  const symbol = data?.nativeSymbol ?? 'ETH';
  useEffect(() => {
    load();
    const timer = setInterval(load, 4000);
    return () => clearInterval(timer);
  }, [load]);

  // Speed up / cancel open a review of the replacement first; nothing is signed on the first click.
  const [ethReview, setEthReview] = useState<ReplaceQuote | null>(null);
  const replace = (hash: string, mode: ReplaceQuote['mode']) => call('activity_replaceQuote', { hash, mode }).then(setEthReview, (e: unknown) => setError(errorText(t, e)));
  const [btcReview, setBtcReview] = useState<BtcSendReview | null>(null);
  if (btcReview) return <BtcReplaceReview review={btcReview} onDone={() => setBtcReview(null)} />;
  if (ethReview) {
    return (
      <ReplaceReview
        quote={ethReview}
        onDone={() => {
          setEthReview(null);
          load();
        }}
      />
    );
  }

  return (
    <main className="screen" data-testid="activity-screen">
      <header className="row spread">
        <h1>{t('activity.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <h2>{t('activity.ethereum')}</h2>
      {data?.nonce && <NonceNotice problem={data.nonce} symbol={symbol} onFixed={load} />}
      {items?.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      <ul className="stack plain">
        {items?.map((it) => {
          const amount = it.token ? `${formatUnits(it.token.amount, it.token.decimals)} ${it.token.symbol}` : `${formatUnits(it.value, 18)} ${symbol}`;
          const to = it.token?.to ?? it.to;
          return (
            <li key={it.hash} className="card stack" data-testid="activity-item" data-status={it.status} data-hash={it.hash} data-kind={it.kind}>
              <div className="row spread">
                <strong>{amount}</strong>
                <span className={`badge ${it.status}`}>{t(`activity.${it.status}`)}</span>
              </div>
              <span className="muted">
                {to ? `${t('activity.to', { to: short(to) })} · ` : ''}
                {t('activity.nonce', { nonce: it.fees.nonce })}
              </span>
              {it.origin && <span className="muted">{t('activity.fromSite', { origin: it.origin })}</span>}
              {it.status === 'pending' && it.kind !== 'cancel' && (
                <div className="row">
                  <button type="button" data-testid="speed-up-button" onClick={() => void replace(it.hash, 'speed_up')}>
                    {t('activity.speedUp')}
                  </button>
                  <button type="button" data-testid="cancel-tx-button" onClick={() => void replace(it.hash, 'cancel')}>
                    {t('activity.cancel')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {data && (data.incoming === null || data.incoming.length > 0) && (
        <>
          <h2 id={`${id}-in`}>{t('activity.received')}</h2>
          <IncomingList incoming={data.incoming} headingId={`${id}-in`} />
        </>
      )}
      <FormError message={error} />
      <BtcActivity onReview={setBtcReview} />
    </main>
  );
}
