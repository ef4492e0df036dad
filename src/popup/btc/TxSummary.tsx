import type { BtcTxView } from '../../shared/btc-views';
import { useT } from '../i18n';
import { btc } from './format';

/**
 * Every input (ours or not, signed or not) and every output (to whom, how much, change) of a
 * Bitcoin transaction, with its fee and fee rate: the same view for a send review, a speed-up
 * and a dApp's PSBT.
 */
export function TxSummary({ tx, showSigning = false }: { tx: BtcTxView; showSigning?: boolean }) {
  const t = useT();
  return (
    <div className="stack" data-testid="btc-tx-summary">
      <dl className="fields">
        <div className="field">
          <dt>{t('btc.network')}</dt>
          <dd>{tx.networkName}</dd>
        </div>
        <div className="field">
          <dt>{t('btc.fee')}</dt>
          <dd data-testid="btc-review-fee" data-sats={tx.fee ?? ''}>
            {tx.fee === null ? t('btc.feeUnknown') : `${btc(tx.fee)} · ${t('btc.feeRateValue', { rate: tx.feeRate ?? 0 })}`}
          </dd>
        </div>
        <div className="field">
          <dt>{t('btc.size')}</dt>
          <dd>{t('btc.vbytes', { n: tx.vsize })}</dd>
        </div>
      </dl>
      <h2>{t('btc.inputs', { n: tx.inputs.length })}</h2>
      <ul className="plain stack">
        {tx.inputs.map((i) => (
          <li key={`${i.txid}:${i.vout}`} className="row spread tx-line" data-testid="btc-input" data-mine={i.mine ? 'true' : 'false'} data-sign={i.sign ? 'true' : 'false'}>
            <span className="address">{i.address ?? `${i.txid.slice(0, 12)}…:${i.vout}`}</span>
            <span>
              {i.value === null ? t('btc.amountUnknown') : btc(i.value)}{' '}
              <span className={`badge ${i.mine ? '' : 'foreign'}`}>{t(i.mine ? 'btc.mine' : 'btc.notMine')}</span>
              {showSigning && i.sign && <span className="badge sign">{t('btc.signs', { sighash: i.sighash ?? 'ALL' })}</span>}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('btc.outputs', { n: tx.outputs.length })}</h2>
      <ul className="plain stack">
        {tx.outputs.map((o, k) => (
          <li key={k} className="row spread tx-line" data-testid="btc-output" data-mine={o.mine ? 'true' : 'false'} data-change={o.change ? 'true' : 'false'} data-value={o.value}>
            <span className="address">{o.address ?? t('btc.noAddress')}</span>
            <span>
              {btc(o.value)} {o.change ? <span className="badge">{t('btc.change')}</span> : o.mine ? <span className="badge">{t('btc.mine')}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
