import type { BtcSendReview } from '../../shared/btc-views';
import { useT } from '../i18n';
import { btc, shortAddress } from './format';

/**
 * On a speed-up or cancel review: the later transactions that spend the one replaced, which the
 * replacement removes from the mempool. A risk warning like the others (approval-warning), in
 * the user's language, one line per transaction.
 */
export function DroppedSends({ review }: { review: BtcSendReview }) {
  const t = useT();
  if (review.dropped.length === 0) return null;
  const severity = review.dropped.some((d) => d.mine && d.recipients.length > 0) ? 'danger' : 'warning';
  return (
    <div role="alert">
      <ul className="warnings">
        <li className={`warning ${severity}`} data-testid="approval-warning" data-kind="drops_later_sends" data-severity={severity}>
          <strong>{t(severity === 'danger' ? 'approval.warning.danger' : 'approval.warning.warning')}: </strong>
          {t('btc.dropped.intro')}
          <ul>
            {review.dropped.map((d) => (
              <li key={d.txid} data-testid="btc-dropped-tx" data-txid={d.txid} data-mine={d.mine ? 'true' : 'false'}>
                {!d.mine
                  ? t('btc.dropped.other', { txid: shortAddress(d.txid) })
                  : d.recipients.length > 0
                    ? t('btc.dropped.mine', { amount: btc(d.sent), to: d.recipients.map(shortAddress).join(', ') })
                    : t('btc.dropped.self', { txid: shortAddress(d.txid) })}
              </li>
            ))}
          </ul>
          {review.kind === 'speed_up' && <p>{t('btc.dropped.hint')}</p>}
        </li>
      </ul>
    </div>
  );
}
