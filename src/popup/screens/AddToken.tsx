import { useCallback, useEffect, useId, useState } from 'react';
import type { Balances, TokenView } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { Field } from '../approval/Field';
import { FormError } from '../components/FormError';
import { useWaiting, Waiting } from '../components/Waiting';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';

/**
 * Add an ERC-20 by contract address: the background reads symbol, name and decimals from the
 * contract (a page's or the user's word is never taken for them), the user sees them, then adds.
 */
export function AddToken() {
  const t = useT();
  const id = useId();
  const [balances, setBalances] = useState<Balances | null>(null);
  const [address, setAddress] = useState('');
  const [found, setFound] = useState<TokenView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { waiting: busy, run: wait, stop } = useWaiting();

  const load = useCallback(() => {
    call('balances_get', { source: 'cache' }).then(setBalances, (e: unknown) => setError(errorText(t, e)));
  }, [t]);
  useEffect(load, [load]);

  const run = <T,>(p: Promise<T>, then: (r: T) => void) => {
    setError(null);
    wait(p, then, (e: unknown) => setError(errorText(t, e)));
  };

  const lookup = (e: React.FormEvent) => {
    e.preventDefault();
    setFound(null);
    run(call('tokens_lookup', { address }), (r) => setFound(r.token));
  };
  const add = () => run(call('tokens_add', { address: found?.address ?? address }), () => navigate('/'));
  // Removing is local (no network): no progress line for it.
  const remove = (a: string) => void call('tokens_remove', { address: a }).then(load, (e: unknown) => setError(errorText(t, e)));
  const network = balances?.networkName ?? '';

  return (
    <main className="screen" data-testid="add-token-screen">
      <header className="row spread">
        <h1>{t('tokens.addTitle')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <p>{t('tokens.addIntro', { network })}</p>
      <form className="stack" onSubmit={lookup}>
        <label htmlFor={`${id}-address`}>{t('tokens.address')}</label>
        <input
          id={`${id}-address`}
          data-testid="add-token-address"
          autoComplete="off"
          spellCheck={false}
          placeholder="0x…"
          value={address}
          onChange={(e) => {
            setAddress(e.target.value);
            setFound(null);
          }}
        />
        <p className="hint">{t('tokens.scamHint')}</p>
        <FormError message={error} />
        <Waiting waiting={busy} label={t('waiting.token')} onStop={stop} />
        <button type="submit" data-testid="add-token-lookup" className={found ? '' : 'primary'} disabled={busy || !address.trim()} aria-busy={busy}>
          {t('tokens.lookup')}
        </button>
      </form>
      {found && (
        <section className="card stack" aria-labelledby={`${id}-found`} data-testid="add-token-preview">
          <h2 id={`${id}-found`}>{t('tokens.found', { network })}</h2>
          <dl className="fields">
            <Field label={t('tokens.symbol')} testid="add-token-symbol">
              {found.symbol}
            </Field>
            {found.name && <Field label={t('tokens.name')}>{found.name}</Field>}
            <Field label={t('tokens.decimals')} testid="add-token-decimals">
              {found.decimals}
            </Field>
            <Field label={t('tokens.balance')}>{found.balance != null ? `${formatUnits(found.balance, found.decimals)} ${found.symbol}` : '—'}</Field>
          </dl>
          <button type="button" className="primary" data-testid="add-token-submit" disabled={busy} onClick={add}>
            {t('tokens.confirmAdd', { symbol: found.symbol })}
          </button>
        </section>
      )}
      <section className="stack" aria-labelledby={`${id}-yours`}>
        <h2 id={`${id}-yours`}>{t('tokens.yours')}</h2>
        {balances?.tokens.length === 0 && <p className="muted">{t('tokens.none')}</p>}
        <ul className="plain stack">
          {balances?.tokens.map((tok) => (
            <li key={tok.address} className="row spread" data-testid="token-row" data-address={tok.address}>
              <span>
                <strong>{tok.symbol}</strong> <code className="muted">{`${tok.address.slice(0, 6)}…${tok.address.slice(-4)}`}</code>
                {tok.isDefault && <span className="muted"> · {t('tokens.defaultBadge')}</span>}
              </span>
              {/* A default token is hidden (it comes back when added again); an added one is removed. */}
              <button
                type="button"
                className="small"
                data-testid="token-remove"
                data-default={tok.isDefault ? 'true' : undefined}
                aria-label={tok.isDefault ? t('tokens.hideLabel', { symbol: tok.symbol }) : t('tokens.removeLabel', { symbol: tok.symbol })}
                disabled={busy}
                onClick={() => remove(tok.address)}
              >
                {tok.isDefault ? t('tokens.hide') : t('tokens.remove')}
              </button>
            </li>
          ))}
        </ul>
        {balances?.tokens.some((tok) => tok.isDefault) && <p className="hint">{t('tokens.hiddenNote')}</p>}
      </section>
    </main>
  );
}
