import { useEffect, useId, useState } from 'react';
import type { BtcNetworkEntry } from '../../shared/btc-views';
import type { Settings } from '../../shared/messages';
import type { EthNetwork } from '../../shared/networks';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';

/** scheme://host[:port] of an endpoint: what a network observer (or proxy) sees the wallet contact. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Every endpoint the wallet contacts, per network. Built from networks_list, the same
 * records the RPC client reads, so this page cannot drift from what the wallet does.
 */
export function NetworkActivity() {
  const t = useT();
  const id = useId();
  const [nets, setNets] = useState<{ networks: EthNetwork[]; current: number } | null>(null);
  const [btcNets, setBtcNets] = useState<{ networks: BtcNetworkEntry[]; current: string } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('networks_list', {}).then(setNets, (e: unknown) => setError(errorText(t, e)));
    // The price source is listed from the settings record prices_get reads: one source of truth.
    call('settings_get', {}).then(setSettings, (e: unknown) => setError(errorText(t, e)));
    call('btc_networks', {}).then(setBtcNets, (e: unknown) => setError(errorText(t, e)));
  }, [t]);

  return (
    <main className="screen" data-testid="network-activity-screen">
      <header className="row spread">
        <h1>{t('netact.title')}</h1>
        <button type="button" onClick={() => navigate('/settings')}>
          {t('common.back')}
        </button>
      </header>
      <p>{t('netact.intro')}</p>

      <section className="stack" aria-labelledby={`${id}-eth`}>
        <h2 id={`${id}-eth`}>{t('netact.ethereum')}</h2>
        <p className="hint">{t('netact.ethWhen')}</p>
        {nets && (
          <ul className="stack plain">
            {nets.networks.map((n) => (
              <li key={n.chainId} className="card stack" data-testid="endpoint-eth" data-chain-id={n.chainId} data-url={n.rpcUrl}>
                <div className="row spread">
                  <strong>{n.name}</strong>
                  {n.chainId === nets.current && <span className="badge">{t('netact.inUse')}</span>}
                  <button type="button" className="small" data-testid="endpoint-edit-button" aria-label={`${t('networks.edit')}: ${n.name}`} onClick={() => navigate('/networks')}>
                    {t('networks.edit')}
                  </button>
                </div>
                <dl className="fields">
                  <div className="field">
                    <dt>{t('netact.rpc')}</dt>
                    <dd>
                      <code>{n.rpcUrl}</code>
                    </dd>
                  </div>
                  <div className="field">
                    <dt>{t('netact.host')}</dt>
                    <dd>{hostOf(n.rpcUrl)}</dd>
                  </div>
                  <div className="field">
                    <dt>{t('netact.source')}</dt>
                    <dd>{t(n.builtIn ? 'netact.builtIn' : 'netact.custom')}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby={`${id}-btc`}>
        <h2 id={`${id}-btc`}>{t('netact.bitcoin')}</h2>
        <p className="hint">{t('netact.btcWhen')}</p>
        <ul className="stack plain">
          {btcNets?.networks.map((b) => (
            <li key={b.id} className="card stack" data-testid="endpoint-btc" data-network={b.id} data-url={b.esploraUrl}>
              <div className="row spread">
                <strong>{b.name}</strong>
                {b.id === btcNets.current && <span className="badge">{t('netact.inUse')}</span>}
                <button type="button" className="small" data-testid="endpoint-edit-button" aria-label={`${t('networks.edit')}: ${b.name}`} onClick={() => navigate('/networks')}>
                  {t('networks.edit')}
                </button>
              </div>
              <dl className="fields">
                <div className="field">
                  <dt>{t('netact.esplora')}</dt>
                  <dd>
                    <code>{b.esploraUrl}</code>
                  </dd>
                </div>
                <div className="field">
                  <dt>{t('netact.host')}</dt>
                  <dd>{hostOf(b.esploraUrl)}</dd>
                </div>
                <div className="field">
                  <dt>{t('netact.source')}</dt>
                  <dd>{t(b.esploraUrl === b.defaultEsploraUrl ? 'netact.builtIn' : 'netact.custom')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </section>

      {settings?.prices.enabled && (
        <section className="stack" aria-labelledby={`${id}-prices`}>
          <h2 id={`${id}-prices`}>{t('netact.prices', { currency: settings.prices.currency.toUpperCase() })}</h2>
          <p className="hint">{t('netact.pricesWhen')}</p>
          <div className="card stack" data-testid="endpoint-prices" data-url={settings.prices.url}>
            <dl className="fields">
              <div className="field">
                <dt>{t('netact.priceUrl')}</dt>
                <dd>
                  <code>{settings.prices.url}</code>
                </dd>
              </div>
              <div className="field">
                <dt>{t('netact.host')}</dt>
                <dd>{hostOf(settings.prices.url)}</dd>
              </div>
            </dl>
          </div>
        </section>
      )}

      <section className="stack" aria-labelledby={`${id}-other`}>
        <h2 id={`${id}-other`}>{t('netact.other')}</h2>
        <ul className="stack">
          {settings && !settings.prices.enabled && <li data-testid="no-price-source">{t('netact.noPrices')}</li>}
          <li>{t('netact.noTelemetry')}</li>
        </ul>
      </section>
      <FormError message={error} />
    </main>
  );
}
