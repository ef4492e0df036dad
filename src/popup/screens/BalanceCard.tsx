import { useEffect, useState } from 'react';
import type { Balances } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { useT } from '../i18n';

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
      <strong className="big" data-testid="balance-eth" data-value={b?.native ?? ''}>
        {b?.native != null ? `${formatUnits(b.native, b.nativeDecimals)} ${b.nativeSymbol}` : '—'}
      </strong>
      {failed && <span className="muted">{t('home.balanceUnavailable')}</span>}
      {b && b.tokens.length > 0 && (
        <ul className="plain" aria-label={t('home.tokens')}>
          {b.tokens.map((tok) => (
            <li key={tok.address} className="row spread" data-testid="token-balance" data-address={tok.address}>
              <span>{tok.symbol}</span>
              <span>{tok.balance != null ? formatUnits(tok.balance, tok.decimals) : '—'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
