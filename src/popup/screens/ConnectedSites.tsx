import { useCallback, useEffect, useState } from 'react';
import type { ConnectedSite } from '../../shared/messages';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';

/** Sites with access to accounts; disconnecting one tells its pages at once (accountsChanged []). */
export function ConnectedSites() {
  const t = useT();
  const [sites, setSites] = useState<ConnectedSite[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('sites_list', {}).then(
      (r) => setSites(r.sites),
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(load, [load]);

  return (
    <main className="screen" data-testid="connected-sites-screen" aria-busy={sites === null}>
      <header className="row spread">
        <h1>{t('sites.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      {sites?.length === 0 && <p>{t('sites.none')}</p>}
      <ul className="stack plain">
        {sites?.map((s) => (
          <li key={s.origin} data-testid="connected-site" data-origin={s.origin} className="row spread">
            <span>
              <strong>{s.origin}</strong>
              <br />
              <span className="muted">{[...s.accounts.map((a) => `${a.slice(0, 6)}…${a.slice(-4)}`), ...s.btcAccounts.map((a) => `${a.slice(0, 8)}…${a.slice(-4)}`)].join(', ')}</span>
            </span>
            <button
              type="button"
              data-testid="disconnect-site-button"
              aria-label={`${t('sites.disconnect')}: ${s.origin}`}
              onClick={() => void call('sites_disconnect', { origin: s.origin }).then(load, (e: unknown) => setError(errorText(t, e)))}
            >
              {t('sites.disconnect')}
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </main>
  );
}
