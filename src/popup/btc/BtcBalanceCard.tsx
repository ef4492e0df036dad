import { useState } from 'react';
import type { BtcOverview } from '../../shared/btc-views';
import { call } from '../api';
import { useT } from '../i18n';
import { usePolling } from '../use-polling';
import { btc } from './format';

const REFRESH_MS = 10_000;

/** Bitcoin balance of the selected account (both address types); asked only while on screen. */
export function BtcBalanceCard({ refreshKey }: { refreshKey: string }) {
  const t = useT();
  const [o, setO] = useState<BtcOverview | null>(null);
  const [failed, setFailed] = useState(false);
  usePolling(
    (live) =>
      call('btc_overview', {}).then(
        (r) => {
          if (!live()) return;
          setO(r);
          setFailed(r.balance === null);
        },
        () => live() && setFailed(true),
      ),
    REFRESH_MS,
    refreshKey,
  );

  const b = o?.balance;
  const pending = b && BigInt(b.unconfirmed) !== 0n;
  return (
    <section className="card stack" aria-label={t('btc.balance')}>
      <span className="label">
        {t('btc.balance')}
        {o ? ` · ${o.networkName}` : ''}
      </span>
      <strong className="big" data-testid="balance-btc" data-value={b?.total ?? ''} data-confirmed={b?.confirmed ?? ''}>
        {b ? btc(b.total) : '—'}
      </strong>
      {pending && <span className="muted" data-testid="balance-btc-pending">{t('btc.pending', { amount: btc(b.unconfirmed) })}</span>}
      {o?.byType && BigInt(o.byType.p2tr.total) > 0n && (
        <span className="muted">
          {t('btc.split', { segwit: btc(o.byType.p2wpkh.total), taproot: btc(o.byType.p2tr.total) })}
        </span>
      )}
      {failed && (
        <span className="muted" role="status">
          {t('btc.unavailable')}
        </span>
      )}
    </section>
  );
}
