import { useEffect, useId, useState } from 'react';
import type { Balances, SendDraft, SendQuote } from '../../shared/messages';
import { formatDisplay } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { useWaiting, Waiting } from '../components/Waiting';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { SendBtc } from '../btc/SendBtc';
import { SendReview } from './SendReview';
import { useSendDraftSaver } from './use-send-draft';

/**
 * Send ETH or an ERC-20: form → review (SendReview: fee choice, warnings) → confirm. The form is
 * kept as a draft in the background's storage.session while the user types, so a popup that
 * closes (it does when it loses focus) reopens with it; a send or "Back" clears it.
 */
export function Send() {
  const t = useT();
  const id = useId();
  const [balances, setBalances] = useState<Balances | null>(null);
  const [draft, setDraft] = useState<SendDraft>({ asset: 'eth', to: '', amount: '' });
  const [loaded, setLoaded] = useState(false);
  const [quote, setQuote] = useState<SendQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const quoting = useWaiting();
  const { to, amount } = draft;

  useEffect(() => {
    call('balances_get', {}).then(setBalances, (e: unknown) => setError(errorText(t, e)));
  }, [t]);
  useEffect(() => {
    call('send_draftGet', {}).then(
      (r) => {
        if (r.draft) setDraft(r.draft);
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, []);

  const save = useSendDraftSaver();
  const edit = (patch: Partial<SendDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    void save(next);
  };
  const leave = () => void save(null).then(() => navigate('/'));

  // A drafted token that is not on this network (any more) falls back to the native coin.
  const asset = draft.asset === 'eth' || draft.asset === 'btc' || !balances || balances.tokens.some((x) => x.address === draft.asset) ? draft.asset : 'eth';

  // Shown on the form: a failed "review again" leaves the old review for the form and its message.
  const fail = (e: unknown) => {
    setBusy(false);
    setQuote(null);
    setError(errorText(t, e));
  };

  const review = (e?: React.FormEvent) => {
    e?.preventDefault();
    setError(null);
    quoting.run(call('send_quote', { asset: asset === 'btc' ? 'eth' : asset, to, amount }), setQuote, fail);
  };

  const assetSelect = (
    <>
      <label htmlFor={`${id}-asset`}>{t('send.asset')}</label>
      <select id={`${id}-asset`} data-testid="send-asset-select" value={asset} onChange={(e) => edit({ asset: e.target.value })}>
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
  if (!loaded) return <main className="screen" data-testid="send-screen" aria-busy="true" />;
  if (asset === 'btc') return <SendBtc assetSelect={assetSelect} onLeave={leave} />;

  if (quote) {
    return (
      <SendReview
        key={quote.quoteId}
        quote={quote}
        onEdit={() => setQuote(null)}
        onReviewAgain={() => review()}
        onSent={() => navigate('/activity')}
      />
    );
  }

  const selected = asset === 'eth' ? (balances?.native != null ? { balance: balances.native, decimals: balances.nativeDecimals, symbol: balances.nativeSymbol } : null) : balances?.tokens.find((x) => x.address === asset);
  return (
    <main className="screen" data-testid="send-screen">
      <header className="row spread">
        <h1>{t('send.title')}</h1>
        <button type="button" data-testid="send-back-button" onClick={leave}>
          {t('common.back')}
        </button>
      </header>
      <form className="stack" onSubmit={review}>
        {assetSelect}
        <label htmlFor={`${id}-to`}>{t('send.to')}</label>
        <input id={`${id}-to`} data-testid="send-to-input" autoComplete="off" spellCheck={false} placeholder="0x…" value={to} onChange={(e) => edit({ to: e.target.value })} />
        <label htmlFor={`${id}-amount`}>{t('send.amount')}</label>
        <div className="row amount-row">
          <input id={`${id}-amount`} data-testid="send-amount-input" inputMode="decimal" autoComplete="off" aria-describedby={`${id}-available`} value={amount} onChange={(e) => edit({ amount: e.target.value })} />
          <button type="button" data-testid="send-max-button" onClick={() => edit({ amount: 'max' })}>
            {t('send.max')}
          </button>
        </div>
        <span className="hint" id={`${id}-available`} data-testid="send-available">
          {selected?.balance != null ? t('send.available', { amount: `${formatDisplay(selected.balance, selected.decimals)} ${selected.symbol}` }) : ''}
        </span>
        <FormError message={error} />
        <Waiting waiting={quoting.waiting} label={t('waiting.quote')} onStop={quoting.stop} />
        <button type="submit" className="primary submit" data-testid="send-review-button" disabled={busy || !loaded || quoting.waiting} aria-busy={quoting.waiting}>
          {t('send.review')}
        </button>
      </form>
    </main>
  );
}
