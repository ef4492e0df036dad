import { useCallback, useEffect, useState } from 'react';
import type { BtcCoinView } from '../../shared/btc-views';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { btc } from './format';

/** The account's unspent coins; a frozen coin is never spent by a send (coin control). */
export function BtcCoins() {
  const t = useT();
  const [coins, setCoins] = useState<BtcCoinView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('btc_coins', {}).then(
      (r) => setCoins(r.coins),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(load, [load]);
  const toggle = (c: BtcCoinView) => call('btc_setFrozen', { outpoint: c.outpoint, frozen: !c.frozen }).then(load, (e: unknown) => setError(errorText(t, e)));

  return (
    <main className="screen" data-testid="btc-coins-screen">
      <header className="row spread">
        <h1>{t('btc.coins')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <p>{t('btc.coinsIntro')}</p>
      {coins?.length === 0 && <p>{t('btc.noCoins')}</p>}
      <ul className="stack plain">
        {coins?.map((c) => (
          <li key={c.outpoint} className="card stack" data-testid="btc-coin" data-outpoint={c.outpoint} data-frozen={c.frozen ? 'true' : 'false'}>
            <div className="row spread">
              <strong>{btc(c.value)}</strong>
              <span className="row">
                {!c.confirmed && <span className="badge pending">{t('btc.status.pending')}</span>}
                {c.frozen && <span className="badge">{t('btc.frozen')}</span>}
              </span>
            </div>
            <code className="address muted">{c.address}</code>
            <span className="muted">{t(c.type === 'p2wpkh' ? 'home.btcSegwit' : 'home.btcTaproot')}{c.change ? ` · ${t('btc.change')}` : ''}</span>
            <button type="button" className="small" data-testid="btc-freeze-button" aria-pressed={c.frozen} aria-label={`${t(c.frozen ? 'btc.unfreeze' : 'btc.freeze')}: ${btc(c.value)}`} onClick={() => void toggle(c)}>
              {t(c.frozen ? 'btc.unfreeze' : 'btc.freeze')}
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </main>
  );
}
