import { useEffect, useId, useState } from 'react';
import type { Balances, SendQuote } from '../../shared/messages';
import { formatDisplay, formatUnits } from '../../shared/units';
import { call } from '../api';
import { Warnings } from '../approval/Warnings';
import { FormError } from '../components/FormError';
import { useWaiting, Waiting } from '../components/Waiting';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { SendBtc } from '../btc/SendBtc';

type Speed = 'slow' | 'normal' | 'fast';
const maxFee = (q: SendQuote, s: Speed) => BigInt(q.fees[s].gas) * BigInt(q.fees[s].maxFeePerGas ?? q.fees[s].gasPrice ?? '0');

/** Send ETH or an ERC-20: form → review (fee choice, warnings) → confirm. */
export function Send() {
  const t = useT();
  const id = useId();
  const [balances, setBalances] = useState<Balances | null>(null);
  const [asset, setAsset] = useState('eth');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [quote, setQuote] = useState<SendQuote | null>(null);
  const [speed, setSpeed] = useState<Speed>('normal');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const quoting = useWaiting();

  useEffect(() => {
    call('balances_get', {}).then(setBalances, (e: unknown) => setError(errorText(t, e)));
  }, [t]);

  const fail = (e: unknown) => {
    setBusy(false);
    setError(errorText(t, e));
  };

  const review = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    quoting.run(call('send_quote', { asset, to, amount }), setQuote, fail);
  };

  const max = () => {
    if (!balances) return;
    if (asset !== 'eth') {
      const tok = balances.tokens.find((x) => x.address === asset);
      if (tok?.balance) setAmount(formatUnits(tok.balance, tok.decimals));
      return;
    }
    if (!balances.native) return;
    // Native max = balance − the fee of a plain transfer at the normal preset.
    call('send_quote', { asset, to: to || balances.address, amount: '0.000000000000000001' }).then((q) => {
      const left = BigInt(balances.native ?? '0') - maxFee(q, 'normal');
      setAmount(left > 0n ? formatUnits(left, balances.nativeDecimals) : '0');
    }, fail);
  };

  const confirm = () => {
    setBusy(true);
    call('send_confirm', { asset, to, amount, speed }).then(() => navigate('/activity'), fail);
  };

  const assetSelect = (
    <>
      <label htmlFor={`${id}-asset`}>{t('send.asset')}</label>
      <select id={`${id}-asset`} data-testid="send-asset-select" value={asset} onChange={(e) => setAsset(e.target.value)}>
        <option value="eth">{balances?.nativeSymbol ?? 'ETH'}</option>
        {balances?.tokens.map((tok) => (
          <option key={tok.address} value={tok.address}>
            {tok.symbol}
          </option>
        ))}
        <option value="btc">BTC</option>
      </select>
    </>
  );
  if (asset === 'btc') return <SendBtc assetSelect={assetSelect} />;

  if (quote) {
    const fee = maxFee(quote, speed);
    const native = asset === 'eth';
    const eth = (x: bigint) => `${formatDisplay(x, 18, 8)} ${quote.nativeSymbol}`;
    return (
      <main className="screen" data-testid="send-review-screen">
        <h1>{t('send.review')}</h1>
        <section className="card stack hero" aria-label={t('send.amount')}>
          <span className="label">{t('send.amount')}</span>
          <strong className="big" data-testid="send-review-amount">
            {formatUnits(quote.amount, quote.decimals)} {quote.symbol}
          </strong>
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
          {(['slow', 'normal', 'fast'] as const).map((s) => (
            <label key={s} className="row spread choice">
              <span className="row">
                <input type="radio" name="speed" data-testid={`send-speed-${s}`} checked={speed === s} onChange={() => setSpeed(s)} />
                {t(`send.${s}`)}
              </span>
              <span className="muted" title={`${formatUnits(maxFee(quote, s), 18)} ${quote.nativeSymbol}`}>
                {eth(maxFee(quote, s))}
              </span>
            </label>
          ))}
        </fieldset>
        <dl className="fields summary">
          <div className="field">
            <dt>{t('send.fee')}</dt>
            <dd>{eth(fee)}</dd>
          </div>
          <div className="field">
            <dt>{t('send.total')}</dt>
            <dd>
              <strong data-testid="send-review-total">
                {native ? eth(BigInt(quote.amount) + fee) : `${formatUnits(quote.amount, quote.decimals)} ${quote.symbol} + ${eth(fee)}`}
              </strong>
            </dd>
          </div>
        </dl>
        <Warnings warnings={quote.warnings} />
        <FormError message={error} />
        <div className="row spread">
          <button type="button" onClick={() => setQuote(null)}>
            {t('send.edit')}
          </button>
          <button type="button" className="primary" data-testid="send-confirm-button" disabled={busy} aria-busy={busy} onClick={confirm}>
            {t('send.confirm')}
          </button>
        </div>
      </main>
    );
  }

  const selected = asset === 'eth' ? (balances?.native != null ? { balance: balances.native, decimals: balances.nativeDecimals, symbol: balances.nativeSymbol } : null) : balances?.tokens.find((x) => x.address === asset);
  return (
    <main className="screen" data-testid="send-screen">
      <header className="row spread">
        <h1>{t('send.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <form className="stack" onSubmit={review}>
        {assetSelect}
        <label htmlFor={`${id}-to`}>{t('send.to')}</label>
        <input id={`${id}-to`} data-testid="send-to-input" autoComplete="off" spellCheck={false} placeholder="0x…" value={to} onChange={(e) => setTo(e.target.value)} />
        <label htmlFor={`${id}-amount`}>{t('send.amount')}</label>
        <div className="row amount-row">
          <input id={`${id}-amount`} data-testid="send-amount-input" inputMode="decimal" autoComplete="off" aria-describedby={`${id}-available`} value={amount} onChange={(e) => setAmount(e.target.value)} />
          <button type="button" data-testid="send-max-button" onClick={max}>
            {t('send.max')}
          </button>
        </div>
        <span className="hint" id={`${id}-available`} data-testid="send-available">
          {selected?.balance != null ? t('send.available', { amount: `${formatDisplay(selected.balance, selected.decimals)} ${selected.symbol}` }) : ''}
        </span>
        <FormError message={error} />
        <Waiting waiting={quoting.waiting} label={t('waiting.quote')} onStop={quoting.stop} />
        <button type="submit" className="primary submit" data-testid="send-review-button" disabled={busy || quoting.waiting} aria-busy={quoting.waiting}>
          {t('send.review')}
        </button>
      </form>
    </main>
  );
}
