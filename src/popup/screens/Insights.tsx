import { useCallback, useEffect, useId, useState } from 'react';
import type { Insights as InsightsT } from '../../shared/messages';
import { formatUnits } from '../../shared/units';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';

/** Outgoing value per month per asset and per site, from our own activity; budgets per asset. Local only. */
export function Insights() {
  const t = useT();
  const [data, setData] = useState<InsightsT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('insights_get', {}).then(setData, (e: unknown) => setError(errorText(t, e)));
  }, [t]);
  useEffect(load, [load]);
  const fmt = (asset: string, total: string) => {
    const b = data?.budgets.find((x) => x.asset === asset);
    return `${formatUnits(total, b?.decimals ?? 18)} ${b?.symbol ?? ''}`;
  };

  return (
    <main className="screen" data-testid="insights-screen">
      <header className="row spread">
        <h1>{t('insights.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <p className="muted">{t('insights.private')}</p>
      <h2>{t('insights.budgets', { month: data?.month ?? '' })}</h2>
      <ul className="stack plain">
        {data?.budgets.map((b) => <BudgetRow key={b.asset} b={b} onSaved={load} />)}
      </ul>
      {data?.months.length === 0 && <p>{t('insights.none')}</p>}
      {data?.months.map((m) => (
        <section key={m.month} className="card stack" data-testid="insights-month" data-month={m.month}>
          <h2>{m.month}</h2>
          <dl className="fields">
            {m.byAsset.map((a) => (
              <div className="field" key={a.asset}>
                <dt>{a.symbol}</dt>
                <dd data-testid="insights-total" data-asset={a.asset}>
                  {formatUnits(a.total, a.decimals)}
                </dd>
              </div>
            ))}
          </dl>
          <h3 className="label">{t('insights.bySite')}</h3>
          <ul className="plain">
            {m.bySite.map((s) => (
              <li key={s.site} className="row spread">
                <span>{s.site === 'wallet' ? t('insights.wallet') : s.site}</span>
                <span>{s.totals.map((x) => fmt(x.asset, x.total)).join(', ')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <FormError message={error} />
    </main>
  );
}

function BudgetRow({ b, onSaved }: { b: InsightsT['budgets'][number]; onSaved: () => void }) {
  const t = useT();
  const id = useId();
  const [amount, setAmount] = useState(b.budget ? formatUnits(b.budget, b.decimals) : '');
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="card stack" data-testid="budget-row" data-asset={b.asset} data-over={b.over}>
      <span>
        {b.symbol}: {t('insights.spent', { spent: formatUnits(b.spent, b.decimals), budget: b.budget ? formatUnits(b.budget, b.decimals) : '—' })}
      </span>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          call('insights_setBudget', { asset: b.asset, amount: amount.trim() ? amount.trim() : null, decimals: b.decimals }).then(
            () => {
              setError(null);
              onSaved();
            },
            (err: unknown) => setError(errorText(t, err)),
          );
        }}
      >
        <label htmlFor={`${id}-b`} className="sr-only">
          {t('insights.budgetFor', { symbol: b.symbol })}
        </label>
        <input id={`${id}-b`} data-testid="budget-input" inputMode="decimal" placeholder={t('insights.noBudget')} value={amount} onChange={(e) => setAmount(e.target.value)} />
        <button type="submit" data-testid="budget-save">
          {t('accounts.save')}
        </button>
      </form>
      <FormError message={error} />
    </li>
  );
}
