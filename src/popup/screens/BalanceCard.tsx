import { useEffect, useState } from 'react';
import type { Balances } from '../../shared/messages';
import { formatDisplay, formatUnits } from '../../shared/units';
import { call } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';
import { FiatTotal } from './FiatTotal';

const REFRESH_MS = 10_000;

/** Native + token balances of the selected account; refreshed only while this is on screen. */
export function BalanceCard({ refreshKey }: { refreshKey: string }) {
  const t = useT();
  const [b, setB] = useState<Balances | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      call('balances_get', {}).then(
        (r) => {
          if (!live) return;
          setB(r);
          setFailed(r.native === null);
        },
        () => live && setFailed(true),
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [refreshKey]);

  return (
    <section className="card stack" aria-label={t('home.balance')}>
      <span className="label">
        {t('home.balance')}
        {b ? ` · ${b.networkName}` : ''}
      </span>
      <strong className="big" data-testid="balance-eth" data-value={b?.native ?? ''} title={b?.native != null ? `${formatUnits(b.native, b.nativeDecimals)} ${b.nativeSymbol}` : undefined}>
        {b?.native != null ? `${formatDisplay(b.native, b.nativeDecimals)} ${b.nativeSymbol}` : '—'}
      </strong>
      <FiatTotal native={b?.native != null ? { symbol: b.nativeSymbol, amount: b.native, decimals: b.nativeDecimals } : null} refreshKey={refreshKey} />
      {failed && <span className="muted">{t('home.balanceUnavailable')}</span>}
      {b && b.tokens.length > 0 && (
        <ul className="plain token-list" aria-label={t('home.tokens')}>
          {b.tokens.map((tok) => (
            <li key={tok.address} className="row spread" data-testid="token-balance" data-address={tok.address} data-value={tok.balance ?? ''}>
              <span className="token-symbol">{tok.symbol}</span>
              {tok.balance != null ? <span title={formatUnits(tok.balance, tok.decimals)}>{formatDisplay(tok.balance, tok.decimals)}</span> : <span title={t('home.tokenBalanceUnavailable')}>— <span className="sr-only">{t('home.tokenBalanceUnavailable')}</span></span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" data-testid="add-token-button" onClick={() => navigate('/tokens')}>
        {t('tokens.add')}
      </button>
    </section>
  );
}
