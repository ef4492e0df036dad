import { useCallback } from 'react';
import { formatDisplay, formatUnits } from '../../shared/units';
import { call } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';
import { useLiveBalances, type BalanceSource } from '../use-live-balances';
import { FiatTotal } from './FiatTotal';

/**
 * Native + token balances of the selected account: the kept answer at once, then refreshed when
 * a new block comes, only while this is on screen.
 */
export function BalanceCard({ refreshKey }: { refreshKey: string }) {
  const t = useT();
  const load = useCallback((source: BalanceSource) => call('balances_get', { source }), []);
  const { data: b, unavailable } = useLiveBalances(load, refreshKey);
  const failed = unavailable || (b !== null && b.native === null);

  return (
    <section className="card stack" aria-label={t('home.balance')} aria-busy={!b && !failed}>
      <span className="label">
        {t('home.balance')}
        {b ? ` · ${b.networkName}` : ''}
      </span>
      <strong className="big" data-testid="balance-eth" data-value={b?.native ?? ''} title={b?.native != null ? `${formatUnits(b.native, b.nativeDecimals)} ${b.nativeSymbol}` : undefined}>
        {b?.native != null ? `${formatDisplay(b.native, b.nativeDecimals)} ${b.nativeSymbol}` : '—'}
      </strong>
      <FiatTotal native={b?.native != null ? { symbol: b.nativeSymbol, amount: b.native, decimals: b.nativeDecimals } : null} refreshKey={refreshKey} />
      {failed && (
        <p className="muted" role="status" data-testid="balance-unavailable">
          {t('home.balanceUnavailable')} {t('balances.unavailableHint')}
        </p>
      )}
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
