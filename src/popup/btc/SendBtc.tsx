import { useEffect, useId, useState, type ReactNode } from 'react';
import { parseBip21 } from '../../core/bitcoin/bip21';
import type { BtcFeeRates, BtcSendReview } from '../../shared/btc-views';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { BtcReview } from './BtcReview';

type Speed = 'slow' | 'normal' | 'fast' | 'custom';

/** Send BTC: recipient, amount (or max), which coins (SegWit or Taproot), fee rate → review → confirm. */
export function SendBtc({ assetSelect, onLeave = () => navigate('/') }: { assetSelect: ReactNode; onLeave?: () => void }) {
  const t = useT();
  const id = useId();
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [from, setFrom] = useState<'p2wpkh' | 'p2tr'>('p2wpkh');
  const [rates, setRates] = useState<BtcFeeRates | null>(null);
  const [speed, setSpeed] = useState<Speed>('normal');
  const [custom, setCustom] = useState('');
  const [review, setReview] = useState<BtcSendReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('btc_feeRates', {}).then(setRates, (e: unknown) => setError(errorText(t, e)));
  }, [t]);

  // A pasted payment request (BIP21) fills in the address and the amount it asks for.
  const onTo = (text: string) => {
    const uri = parseBip21(text);
    if (!uri) return setTo(text);
    setTo(uri.address);
    if (uri.amount !== undefined) setAmount(formatUnits(uri.amount, 8));
  };

  const feeRate = (): number | null => {
    if (speed !== 'custom') return rates ? rates[speed] : null;
    const n = Number(custom);
    return custom.trim() !== '' && Number.isFinite(n) ? n : null;
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const rate = feeRate();
    if (rate === null) {
      setError(t('btc.feeRateMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    call('btc_sendQuote', { to, amount, feeRate: rate, from }).then(
      (r) => {
        setBusy(false);
        setReview(r);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };

  if (review) return <BtcReview review={review} onBack={() => setReview(null)} onSent={() => navigate('/activity')} />;

  return (
    <main className="screen" data-testid="send-screen" data-chain="btc">
      <header className="row spread">
        <h1>{t('send.title')}</h1>
        <button type="button" data-testid="send-back-button" onClick={onLeave}>
          {t('common.back')}
        </button>
      </header>
      <form className="stack" onSubmit={submit}>
        {assetSelect}
        <label htmlFor={`${id}-to`}>{t('send.to')}</label>
        <input id={`${id}-to`} data-testid="send-to-input" autoComplete="off" spellCheck={false} placeholder="bc1…" value={to} onChange={(e) => onTo(e.target.value)} />
        <label htmlFor={`${id}-amount`}>{t('btc.amountBtc')}</label>
        <div className="row">
          <input id={`${id}-amount`} data-testid="send-amount-input" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
          <button type="button" data-testid="send-max-button" onClick={() => setAmount('max')}>
            {t('send.max')}
          </button>
        </div>
        <label htmlFor={`${id}-from`}>{t('btc.from')}</label>
        <select id={`${id}-from`} data-testid="btc-from-select" value={from} onChange={(e) => setFrom(e.target.value === 'p2tr' ? 'p2tr' : 'p2wpkh')}>
          <option value="p2wpkh">{t('home.btcSegwit')}</option>
          <option value="p2tr">{t('home.btcTaproot')}</option>
        </select>
        {from === 'p2tr' && <p className="hint">{t('btc.taprootHint')}</p>}
        <fieldset className="stack">
          <legend>{t('btc.feeRate')}</legend>
          {(['slow', 'normal', 'fast'] as const).map((s) => (
            <label key={s} className="row">
              <input type="radio" name="btc-speed" data-testid={`send-speed-${s}`} checked={speed === s} onChange={() => setSpeed(s)} />
              {t(`send.${s}`)} <span className="muted">{rates ? t('btc.feeRateValue', { rate: rates[s] }) : '…'}</span>
            </label>
          ))}
          <label className="row">
            <input type="radio" name="btc-speed" data-testid="send-speed-custom" checked={speed === 'custom'} onChange={() => setSpeed('custom')} />
            {t('btc.custom')}
          </label>
          {speed === 'custom' && (
            <>
              <label htmlFor={`${id}-rate`}>{t('btc.customRate')}</label>
              <input id={`${id}-rate`} data-testid="btc-fee-rate-input" inputMode="decimal" value={custom} onChange={(e) => setCustom(e.target.value)} />
            </>
          )}
        </fieldset>
        <FormError message={error} />
        <button type="submit" className="primary" data-testid="send-review-button" disabled={busy} aria-busy={busy}>
          {t('send.review')}
        </button>
      </form>
    </main>
  );
}
