import { Suspense, useCallback, useEffect, useState } from 'react';
import type { Settings as SettingsT, WalletState } from '../shared/messages';
import { call } from './api';
import { FormError } from './components/FormError';
import { errorText } from './error-text';
import { I18nProvider, translator } from './i18n';
import { navigate, useHashRoute } from './router';
import { Home } from './screens/Home';
import { Onboarding } from './screens/Onboarding';
import { Unlock } from './screens/Unlock';
import { Activity, AddToken, ApprovalScreen, BtcCoins, ConnectedSites, CreateWallet, ImportWallet, Insights, NetworkActivity, Networks, Receive, Send, Settings } from './lazy-screens';

/** Picks the screen for the wallet's state: onboarding, unlock or the unlocked app. */
export function App() {
  const route = useHashRoute();
  const [state, setState] = useState<WalletState | null>(null);
  const [settings, setSettings] = useState<SettingsT | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selectedAccount, setSelectedAccount] = useState(0);

  const refresh = useCallback(() => {
    Promise.all([call('wallet_getState', {}), call('settings_get', {})]).then(
      ([s, st]) => {
        setState(s);
        setSettings(st);
      },
      (e: unknown) => setError(errorText(translator('en'), e)),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    if (route === '/settings' && state?.unlocked) void call('accounts_list', {}).then((r) => setSelectedAccount(r.selected), () => undefined);
  }, [route, state?.unlocked]);

  const lang = settings?.language ?? 'en';
  useEffect(() => {
    document.documentElement.lang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  }, [lang]);

  const afterOnboarding = () => {
    navigate('/');
    refresh();
  };

  let screen: React.ReactNode;
  if (!state) screen = <FormError message={error} />;
  else if (!state.initialized) {
    if (route === '/create') screen = <CreateWallet onDone={afterOnboarding} />;
    else if (route === '/import') screen = <ImportWallet onDone={afterOnboarding} />;
    else screen = <Onboarding />;
  } else if (!state.unlocked) {
    screen = (
      <Unlock
        onDone={refresh}
        onReset={() => {
          navigate('/');
          refresh();
        }}
      />
    );
  }
  else if (route.startsWith('/approve')) screen = <ApprovalScreen />;
  else if (route === '/sites') screen = <ConnectedSites />;
  else if (route === '/networks') screen = <Networks />;
  else if (route === '/insights') screen = <Insights />;
  else if (route === '/send') screen = <Send />;
  else if (route === '/receive') screen = <Receive />;
  else if (route === '/activity') screen = <Activity />;
  else if (route === '/btc-coins') screen = <BtcCoins />;
  else if (route === '/settings') {
    screen = (
      <Settings
        onSettings={setSettings}
        selectedAccount={selectedAccount}
        onReset={() => {
          navigate('/');
          refresh();
        }}
      />
    );
  }
  else if (route === '/network-activity') screen = <NetworkActivity />;
  else if (route === '/tokens') screen = <AddToken />;
  else screen = <Home onLocked={refresh} btcNetwork={settings?.btcNetwork ?? 'mainnet'} onSettingsChanged={refresh} />;

  // A lazy screen's code arrives from the extension's own files within milliseconds: an empty, busy page meanwhile.
  return (
    <I18nProvider lang={lang}>
      <Suspense fallback={<main className="screen" aria-busy="true" />}>{screen}</Suspense>
    </I18nProvider>
  );
}
