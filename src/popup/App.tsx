import { useCallback, useEffect, useState } from 'react';
import type { Settings as SettingsT, WalletState } from '../shared/messages';
import { call } from './api';
import { ApprovalScreen } from './approval/ApprovalScreen';
import { FormError } from './components/FormError';
import { errorText } from './error-text';
import { I18nProvider, translator } from './i18n';
import { navigate, useHashRoute } from './router';
import { Activity } from './screens/Activity';
import { AddToken } from './screens/AddToken';
import { BtcCoins } from './btc/BtcCoins';
import { ConnectedSites } from './screens/ConnectedSites';
import { Insights } from './screens/Insights';
import { Networks } from './screens/Networks';
import { Receive } from './screens/Receive';
import { Send } from './screens/Send';
import { CreateWallet } from './screens/CreateWallet';
import { Home } from './screens/Home';
import { ImportWallet } from './screens/ImportWallet';
import { NetworkActivity } from './screens/NetworkActivity';
import { Onboarding } from './screens/Onboarding';
import { Settings } from './screens/Settings';
import { Unlock } from './screens/Unlock';

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

  return <I18nProvider lang={lang}>{screen}</I18nProvider>;
}
