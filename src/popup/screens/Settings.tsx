import { useEffect, useId, useState } from 'react';
import { BTC_NETWORKS, LANGUAGES, type Settings as SettingsT } from '../../shared/messages';
import { call } from '../api';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { PriceSettings } from './PriceSettings';
import { RevealSeed } from './RevealSeed';
import { AutoLockField } from './AutoLockField';
import { ChangePassword, ExportPrivateKey, ResetWallet } from './SecuritySettings';

const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', zh_CN: '简体中文' };

export function Settings({ onSettings, selectedAccount, onReset }: { onSettings: (s: SettingsT) => void; selectedAccount: number; onReset: () => void }) {
  const t = useT();
  const id = useId();
  const [settings, setSettings] = useState<SettingsT | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('settings_get', {}).then(setSettings, (e: unknown) => setError(errorText(t, e)));
  }, [t]);

  /** Saves a change; true once the background has stored it. */
  const update = (patch: Partial<SettingsT>): Promise<boolean> =>
    call('settings_set', patch).then(
      (s) => {
        setSettings(s);
        setError(null);
        onSettings(s);
        return true;
      },
      (e: unknown) => {
        setError(errorText(t, e));
        return false;
      },
    );

  return (
    <main className="screen" data-testid="settings-screen">
      <header className="row spread">
        <h1>{t('settings.title')}</h1>
        <button type="button" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      {settings && (
        <section className="card stack" aria-labelledby={`${id}-general`}>
          <h2 id={`${id}-general`}>{t('settings.general')}</h2>
          <label htmlFor={`${id}-lang`}>{t('settings.language')}</label>
          <select id={`${id}-lang`} data-testid="language-select" value={settings.language} onChange={(e) => void update({ language: e.target.value as SettingsT['language'] })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <AutoLockField minutes={settings.autoLockMinutes} onSave={(autoLockMinutes) => update({ autoLockMinutes })} />
          <label htmlFor={`${id}-btc`}>{t('settings.btcNetwork')}</label>
          <select id={`${id}-btc`} data-testid="btc-network-select" value={settings.btcNetwork} onChange={(e) => void update({ btcNetwork: e.target.value as SettingsT['btcNetwork'] })}>
            {BTC_NETWORKS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </section>
      )}
      <FormError message={error} />
      {settings && (
        <PriceSettings
          settings={settings}
          onSaved={(s) => {
            setSettings(s);
            onSettings(s);
          }}
        />
      )}
      <section className="card stack nav-list" aria-labelledby={`${id}-net`}>
        <h2 id={`${id}-net`}>{t('settings.networksSection')}</h2>
        <button type="button" data-testid="network-activity-button" onClick={() => navigate('/network-activity')}>
          {t('settings.networkActivity')}
        </button>
        <button type="button" data-testid="networks-button" onClick={() => navigate('/networks')}>
          {t('networks.button')}
        </button>
      </section>
      <section className="card stack nav-list" aria-labelledby={`${id}-sec`}>
        <h2 id={`${id}-sec`}>{t('settings.security')}</h2>
        <RevealSeed />
        <ExportPrivateKey index={selectedAccount} />
        <ChangePassword />
        <ResetWallet onReset={onReset} />
      </section>
    </main>
  );
}
