import { useState } from 'react';
import { fiatTotal, type Holding } from '../../core/prices/simple-price';
import type { PriceAnswer } from '../../shared/prices';
import { call } from '../api';
import { useLang, useT } from '../i18n';
import { usePolling } from '../use-polling';

const REFRESH_MS = 60_000;

type State = { kind: 'off' } | { kind: 'failed' } | { kind: 'ok'; answer: Extract<PriceAnswer, { enabled: true }>; btcSats: string | null; btcFailed: boolean };

/**
 * The total in the chosen currency, only when the user turned a price source on (Settings).
 * With the source off nothing is fetched: prices_get answers { enabled: false } locally.
 */
export function FiatTotal({ native, refreshKey }: { native: Holding | null; refreshKey: string }) {
  const t = useT();
  const lang = useLang();
  const [s, setS] = useState<State>({ kind: 'off' });
  usePolling(
    async (live) => {
      try {
        const answer = await call('prices_get', {});
        if (!answer.enabled) return live() && setS({ kind: 'off' });
        let btcSats: string | null = null;
        let btcFailed = false;
        if (answer.rates['BTC'] !== undefined) {
          const o = await call('btc_overview', {}).catch(() => null);
          btcSats = o?.balance?.total ?? null;
          btcFailed = btcSats === null;
        }
        if (live()) setS({ kind: 'ok', answer, btcSats, btcFailed });
      } catch {
        if (live()) setS({ kind: 'failed' });
      }
    },
    REFRESH_MS,
    refreshKey,
  );

  if (s.kind === 'off') return null;
  if (s.kind === 'failed') {
    return (
      <p className="muted" data-testid="total-fiat" data-value="" role="status">
        {t('home.totalUnavailable')}
      </p>
    );
  }
  const { rates, currency } = s.answer;
  const holdings: Holding[] = [];
  if (native && rates[native.symbol] !== undefined) holdings.push(native);
  if (s.btcSats !== null) holdings.push({ symbol: 'BTC', amount: s.btcSats, decimals: 8 });
  const total = holdings.length > 0 ? fiatTotal(holdings, rates) : null;
  if (total === null) {
    return (
      <p className="muted" data-testid="total-fiat" data-value="">
        {t('home.totalNoPrice')}
      </p>
    );
  }
  const text = new Intl.NumberFormat(lang === 'zh_CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency: currency.toUpperCase(), maximumFractionDigits: 2 }).format(total);
  return (
    <p className="total-fiat" data-testid="total-fiat" data-value={total.toFixed(2)} data-currency={currency}>
      <span className="label">{t('home.total')}</span> <strong>≈ {text}</strong>
      {s.btcFailed && <span className="muted"> · {t('home.totalPartial')}</span>}
    </p>
  );
}
