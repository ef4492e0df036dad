import { useId, useState } from 'react';
import type { Settings } from '../../shared/messages';
import { PRICE_CURRENCIES, type PriceCurrency } from '../../shared/prices';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';

/**
 * The optional price source: off by default. All three fields are saved together in one
 * settings_set, which checks the URL first, so a bad URL saves nothing.
 */
export function PriceSettings({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const t = useT();
  const id = useId();
  const [enabled, setEnabled] = useState(settings.prices.enabled);
  const [url, setUrl] = useState(settings.prices.url);
  const [currency, setCurrency] = useState<PriceCurrency>(settings.prices.currency);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    call('settings_set', { prices: { enabled, url: enabled ? url : settings.prices.url, currency } }).then(
      (s) => {
        setError(null);
        setSaved(true);
        setUrl(s.prices.url);
        onSaved(s);
      },
      (err: unknown) => setError(errorText(t, err)),
    );
  };

  return (
    <form className="card stack" onSubmit={save} aria-labelledby={`${id}-title`} data-testid="price-settings">
      <h2 id={`${id}-title`}>{t('prices.title')}</h2>
      <label className="row check">
        <input
          type="checkbox"
          data-testid="price-source-toggle"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            setSaved(false);
          }}
        />
        {t('prices.enable')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('prices.hint')}
      </p>
      {/* The source's fields only matter when it is on; hidden, they are still saved as they are. */}
      {enabled && (
        <>
          <label htmlFor={`${id}-url`}>{t('prices.url')}</label>
          <input id={`${id}-url`} data-testid="price-source-url" aria-describedby={`${id}-hint`} autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} />
          <label htmlFor={`${id}-cur`}>{t('prices.currency')}</label>
          <select id={`${id}-cur`} data-testid="price-currency-select" value={currency} onChange={(e) => setCurrency(e.target.value as PriceCurrency)}>
            {PRICE_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {t(`prices.${c}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <FormError message={error} />
      <div className="row spread">
        <span className="muted" role="status" data-testid="price-source-saved">
          {saved ? t('prices.saved') : ''}
        </span>
        <button type="submit" data-testid="price-source-save">
          {t('prices.save')}
        </button>
      </div>
    </form>
  );
}
