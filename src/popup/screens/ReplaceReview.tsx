import { useState } from 'react';
import { maxPricePerGas } from '../../core/ethereum/send-fees';
import type { ReplaceQuote } from '../../shared/messages';
import { formatDisplay, formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';

const short = (h: string) => `${h.slice(0, 10)}…${h.slice(-6)}`;

/**
 * The review of a speed-up or cancel before it is signed: what it sends, the transaction it
 * replaces (same nonce) and the new fee next to the old one. Confirm signs exactly this.
 */
export function ReplaceReview({ quote, onDone }: { quote: ReplaceQuote; onDone: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = quote.mode === 'cancel';
  // Gwei cut to 4 decimals (the exact wei is in data-wei and the title): readable at 360 px.
  const perGas = (f: ReplaceQuote['newFees']) => t('replace.perGas', { fee: formatDisplay(maxPricePerGas(f), 9, 4) });
  const atMost = (f: ReplaceQuote['newFees']) => t('replace.feeAtMost', { amount: `${formatDisplay(BigInt(f.gas) * maxPricePerGas(f), 18, 8)} ${quote.nativeSymbol}` });
  const sends = quote.token ? `${formatUnits(quote.token.amount, quote.token.decimals)} ${quote.token.symbol}` : `${formatUnits(quote.value, 18)} ${quote.nativeSymbol}`;
  const confirm = () => {
    setBusy(true);
    setError(null);
    call('activity_replaceConfirm', { quoteId: quote.quoteId }).then(onDone, (e: unknown) => {
      setBusy(false);
      setError(errorText(t, e));
    });
  };
  return (
    <main className="screen" data-testid="send-review-screen" data-chain="eth" data-kind={quote.mode}>
      <h1>{t(cancel ? 'replace.cancelTitle' : 'replace.speedUpTitle')}</h1>
      <p>{cancel ? t('replace.cancelIntro', { symbol: quote.nativeSymbol }) : t('replace.speedUpIntro')}</p>
      <section className="card stack">
        <dl className="fields">
          <div className="field">
            <dt>{t('replace.replaces')}</dt>
            <dd>
              <code data-testid="replace-replaces" title={quote.replaces}>
                {short(quote.replaces)}
              </code>
            </dd>
          </div>
          <div className="field">
            <dt>{t('replace.nonce')}</dt>
            <dd>{quote.nonce}</dd>
          </div>
          <div className="field">
            <dt>{t('replace.sends')}</dt>
            <dd>
              {sends}
              {quote.to && (
                <>
                  {' → '}
                  <code>{quote.token?.to ?? quote.to}</code>
                </>
              )}
            </dd>
          </div>
        </dl>
      </section>
      <dl className="fields summary">
        <div className="field">
          <dt>{t('replace.oldFee')}</dt>
          <dd data-testid="replace-old-fee" data-wei={maxPricePerGas(quote.oldFees).toString()} title={`${formatUnits(maxPricePerGas(quote.oldFees), 9)} gwei`}>
            {perGas(quote.oldFees)}
            <br />
            <span className="muted">{atMost(quote.oldFees)}</span>
          </dd>
        </div>
        <div className="field">
          <dt>{t('replace.newFee')}</dt>
          <dd data-testid="replace-new-fee" data-wei={maxPricePerGas(quote.newFees).toString()} title={`${formatUnits(maxPricePerGas(quote.newFees), 9)} gwei`}>
            <strong>{perGas(quote.newFees)}</strong>
            <br />
            <span className="muted">{atMost(quote.newFees)}</span>
          </dd>
        </div>
      </dl>
      <FormError message={error} />
      <div className="row spread">
        <button type="button" data-testid="replace-back-button" onClick={onDone} disabled={busy}>
          {t('common.back')}
        </button>
        <button type="button" className="primary" data-testid="send-confirm-button" disabled={busy} aria-busy={busy} onClick={confirm}>
          {t(cancel ? 'replace.confirmCancel' : 'replace.confirmSpeedUp')}
        </button>
      </div>
    </main>
  );
}
