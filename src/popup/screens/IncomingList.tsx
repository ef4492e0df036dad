import type { IncomingTransferView } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { useT } from '../i18n';

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** Incoming transfers of the known tokens (from their Transfer logs over recent blocks). */
export function IncomingList({ incoming, headingId }: { incoming: IncomingTransferView[] | null; headingId: string }) {
  const t = useT();
  if (incoming === null) return <p className="muted">{t('activity.incomingUnavailable')}</p>;
  if (incoming.length === 0) return <p className="muted">{t('activity.incomingNone')}</p>;
  return (
    <ul className="stack plain" aria-labelledby={headingId}>
      {incoming.map((it) => (
        <li key={`${it.hash}:${it.logIndex}`} className="card stack" data-testid="activity-incoming" data-hash={it.hash} data-token={it.token.address} data-amount={it.amount}>
          <div className="row spread">
            <strong className="amount in">
              +{formatUnits(it.amount, it.token.decimals)} {it.token.symbol}
            </strong>
            <span className="badge confirmed">{t('activity.received')}</span>
          </div>
          <span className="muted">{t('activity.from', { from: short(it.from) })}</span>
        </li>
      ))}
    </ul>
  );
}
