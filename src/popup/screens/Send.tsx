import { useEffect, useId, useState } from 'react';
import type { Balances, SendQuote } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { Warnings } from '../approval/Warnings';
import { FormError } from '../components/FormError';
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

  useEffect(() => {
    call('balances_get', {}).then(setBalances, (e: unknown) => setError(errorText(t, e)));
  }, [t]);

  const fail = (e: unknown) => {
    setBusy(false);
    setError(errorText(t, e));
  };

  const review = (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    call('send_quote', { asset, to, amount }).then((q) => {
      setBusy(false);
      setQuote(q);
    }, fail);
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
    return (
      <main className="screen" data-testid="send-review-screen">
        <h1>{t('send.review')}</h1>
        <dl className="fields">
          <div className="field">
            <dt>{t('send.network')}</dt>
            <dd>{quote.networkName}</dd>
          </div>
          <div className="field">
            <dt>{t('send.to')}</dt>
            <dd>
              <code data-testid="send-review-to">{quote.to}</code>
            </dd>
          </div>
          <div className="field">
            <dt>{t('send.amount')}</dt>
            <dd data-testid="send-review-amount">
              {formatUnits(quote.amount, quote.decimals)} {quote.symbol}
            </dd>
          </div>
        </dl>
        <fieldset className="stack">
          <legend>{t('send.speed')}</legend>
          {(['slow', 'normal', 'fast'] as const).map((s) => (
            <label key={s} className="row">
              <input type="radio" name="speed" data-testid={`send-speed-${s}`} checked={speed === s} onChange={() => setSpeed(s)} />
              {t(`send.${s}`)} <span className="muted">{formatUnits(maxFee(quote, s), 18)} {quote.nativeSymbol}</span>
            </label>
          ))}
        </fieldset>
        <p>
          {t('send.fee')}: {formatUnits(fee, 18)} {quote.nativeSymbol}
          <br />
          <strong data-testid="send-review-total">
            {t('send.total')}: {native ? `${formatUnits(BigInt(quote.amount) + fee, 18)} ${quote.nativeSymbol}` : `${formatUnits(quote.amount, quote.decimals)} ${quote.symbol} + ${formatUnits(fee, 18)} ${quote.nativeSymbol}`}
          </strong>
        </p>
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
        <div className="row">
          <input id={`${id}-amount`} data-testid="send-amount-input" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
          <button type="button" data-testid="send-max-button" onClick={max}>
            {t('send.max')}
          </button>
        </div>
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="send-review-button" disabled={busy} aria-busy={busy}>
          {t('send.review')}
        </button>
      </form>
    </main>
  );
}
