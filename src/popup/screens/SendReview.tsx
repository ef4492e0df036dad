import { useId, useState } from 'react';
import type { FeeFields } from '../../core/ethereum/fee-history';
import { customFees, maxNativeAmount, maxPricePerGas, type CustomFeeProblem } from '../../core/ethereum/send-fees';
import type { SendQuote } from '../../shared/messages';
import { formatDisplay, formatUnits, parseUnits } from '../../shared/units';
import { ApiError, call } from '../api';
import { Warnings } from '../approval/Warnings';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT, type Translate } from '../i18n';

type Speed = 'slow' | 'normal' | 'fast' | 'custom';
const PRESETS = ['slow', 'normal', 'fast'] as const;
const gwei = (wei: string | bigint | undefined) => (wei === undefined ? '' : formatUnits(wei, 9));

/** Refusals that mean "the chain moved since this review": the way out is a fresh review. */
const STALE = new Set(['quote_expired', 'send_nonce_used', 'send_balance_changed', 'send_would_fail', 'send_fee_too_low']);

export function feeProblemText(t: Translate, p: CustomFeeProblem): string {
  if (p.reason === 'fee_below_base') return t('error.fee_below_base', { word: gwei(p.baseFee) });
  if (p.reason === 'fee_absurd') return t('error.fee_absurd', { word: gwei(p.limit) });
  return t(`error.${p.reason}`);
}

/**
 * The review of an ETH / ERC-20 send: what goes where, a fee preset or a custom fee (checked as
 * the background will check it), the worst-case total, warnings. Confirm signs exactly this
 * review in the background (its quote id); a review the chain has overtaken offers a new one.
 */
export function SendReview({ quote, onEdit, onReviewAgain, onSent }: { quote: SendQuote; onEdit: () => void; onReviewAgain: () => void; onSent: () => void }) {
  const t = useT();
  const id = useId();
  const legacy = quote.baseFee === null;
  const normal = quote.fees.normal;
  const [speed, setSpeed] = useState<Speed>('normal');
  const [maxFee, setMaxFee] = useState(gwei(normal.maxFeePerGas ?? normal.gasPrice));
  const [tip, setTip] = useState(gwei(normal.maxPriorityFeePerGas));
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const gas = BigInt(quote.fees.normal.gas);
  const custom = customFees(
    { maxFee: parseUnits(maxFee, 9), tip: legacy ? null : parseUnits(tip, 9) },
    { baseFee: quote.baseFee === null ? null : BigInt(quote.baseFee), fast: quote.fees.fast },
  );
  const fees: FeeFields | null = speed === 'custom' ? (custom.ok ? custom.fees : null) : quote.fees[speed];
  const fee = fees ? gas * maxPricePerGas(fees) : null;
  // A native "max" follows the fee: what is left of the balance after the worst-case fee.
  const amount = quote.max ? (fees ? maxNativeAmount(BigInt(quote.balance), gas, fees) : null) : BigInt(quote.amount);
  const native = quote.asset === 'eth';
  const eth = (x: bigint) => `${formatDisplay(x, 18, 8)} ${quote.nativeSymbol}`;
  const problem = speed === 'custom' && !custom.ok ? feeProblemText(t, custom.problem) : quote.max && fees && amount === null ? t('send.maxNothing') : null;

  const confirm = () => {
    setBusy(true);
    setError(null);
    const params = speed === 'custom' ? { quoteId: quote.quoteId, speed, custom: { maxFeeGwei: maxFee, ...(legacy ? {} : { tipGwei: tip }) } } : { quoteId: quote.quoteId, speed };
    call('send_confirm', params).then(onSent, (e: unknown) => {
      setBusy(false);
      setStale(e instanceof ApiError && STALE.has(e.data?.reason ?? ''));
      setError(errorText(t, e));
    });
  };

  return (
    <main className="screen" data-testid="send-review-screen" data-chain="eth" data-kind="send" data-quote-id={quote.quoteId}>
      <h1>{t('send.review')}</h1>
      <section className="card stack hero" aria-label={t('send.amount')}>
        <span className="label">{t('send.amount')}</span>
        <strong className="big" data-testid="send-review-amount" data-amount={amount?.toString() ?? ''}>
          {amount === null ? '—' : `${formatUnits(amount, quote.decimals)} ${quote.symbol}`}
        </strong>
        {quote.max && <span className="hint">{t('send.maxHint')}</span>}
        <dl className="fields">
          <div className="field">
            <dt>{t('send.to')}</dt>
            <dd>
              <code data-testid="send-review-to">{quote.to}</code>
            </dd>
          </div>
          <div className="field">
            <dt>{t('send.network')}</dt>
            <dd>{quote.networkName}</dd>
          </div>
        </dl>
      </section>
      <fieldset className="card stack">
        <legend className="label">{t('send.speed')}</legend>
        {PRESETS.map((s) => (
          <label key={s} className="row spread choice">
            <span className="row">
              <input type="radio" name="speed" data-testid={`send-speed-${s}`} checked={speed === s} onChange={() => setSpeed(s)} />
              {t(`send.${s}`)}
            </span>
            <span className="muted" title={`${formatUnits(BigInt(quote.fees[s].gas) * maxPricePerGas(quote.fees[s]), 18)} ${quote.nativeSymbol}`}>
              {eth(BigInt(quote.fees[s].gas) * maxPricePerGas(quote.fees[s]))}
            </span>
          </label>
        ))}
        <label className="row choice">
          <input type="radio" name="speed" data-testid="send-speed-custom" checked={speed === 'custom'} onChange={() => setSpeed('custom')} />
          {t('send.custom')}
        </label>
        {speed === 'custom' && (
          <div className="stack" data-testid="send-custom-fee">
            <label htmlFor={`${id}-max`}>{t(legacy ? 'send.customGasPrice' : 'send.customMaxFee')}</label>
            <input id={`${id}-max`} data-testid="send-custom-max-fee" inputMode="decimal" autoComplete="off" value={maxFee} onChange={(e) => setMaxFee(e.target.value)} aria-describedby={`${id}-base`} />
            {!legacy && (
              <>
                <label htmlFor={`${id}-tip`}>{t('send.customTip')}</label>
                <input id={`${id}-tip`} data-testid="send-custom-tip" inputMode="decimal" autoComplete="off" value={tip} onChange={(e) => setTip(e.target.value)} aria-describedby={`${id}-base`} />
                <span className="hint" id={`${id}-base`}>
                  {t('send.baseFeeNow', { fee: gwei(quote.baseFee ?? '0') })}
                </span>
              </>
            )}
          </div>
        )}
      </fieldset>
      <dl className="fields summary">
        <div className="field">
          <dt>{t('send.fee')}</dt>
          <dd data-testid="send-review-fee" data-wei={fee?.toString() ?? ''}>
            {fee === null ? '—' : eth(fee)}
          </dd>
        </div>
        <div className="field">
          <dt>{t('send.total')}</dt>
          <dd>
            <strong data-testid="send-review-total">
              {fee === null || amount === null ? '—' : native ? eth(amount + fee) : `${formatUnits(amount, quote.decimals)} ${quote.symbol} + ${eth(fee)}`}
            </strong>
          </dd>
        </div>
      </dl>
      <Warnings warnings={quote.warnings} />
      <FormError message={problem ?? error} />
      <div className="row spread">
        <button type="button" onClick={onEdit} disabled={busy}>
          {t('send.edit')}
        </button>
        {stale ? (
          <button type="button" className="primary" data-testid="send-rereview-button" onClick={onReviewAgain}>
            {t('send.reviewAgain')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="send-confirm-button" disabled={busy || problem !== null} aria-busy={busy} onClick={confirm}>
            {t('send.confirm')}
          </button>
        )}
      </div>
    </main>
  );
}
