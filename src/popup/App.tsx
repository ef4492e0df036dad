import { Suspense, useCallback, useEffect, useState } from 'react';
import type { PopupOpen, Settings as SettingsT, WalletState } from '../shared/messages';
import { call } from './api';
import type { EarlyOpen } from './early-open';
import { FormError } from './components/FormError';
import { errorText } from './error-text';
import { I18nProvider, translator } from './i18n';
import { navigate, useHashRoute } from './router';
import { Home } from './screens/Home';
import { Onboarding } from './screens/Onboarding';
import { Unlock } from './screens/Unlock';
import { Activity, AddToken, ApprovalScreen, BtcCoins, ConnectedSites, CreateWallet, ImportWallet, Insights, NetworkActivity, Networks, Receive, Send, Settings } from './lazy-screens';

/**
 * Picks the screen for the wallet's state: onboarding, unlock or the unlocked app. `early` is
 * the first answer boot.ts asked for before this bundle ran (null outside the extension).
 */
export function App({ early = null }: { early?: EarlyOpen | null }) {
  const route = useHashRoute();
  // The answer if it was already in at the first render (fixed then: it may arrive between render and effect).
  const [first] = useState(() => early?.settled ?? null);
  const [state, setState] = useState<WalletState | null>(first?.state ?? null);
  const [settings, setSettings] = useState<SettingsT | null>(first?.settings ?? null);
  // Home's accounts as they came with the state; see the effect that drops them below.
  const [homeSeed, setHomeSeed] = useState<PopupOpen['home']>(first?.home ?? null);
  const [error, setError] = useState<string | null>(null);
  const [selectedAccount, setSelectedAccount] = useState(0);

  const apply = useCallback((o: PopupOpen) => {
    setState(o.state);
    setSettings(o.settings);
    setHomeSeed(o.home);
  }, []);
  const failed = useCallback((e: unknown) => setError(errorText(translator('en'), e)), []);
  // State, settings and (unlocked) home's accounts in one round trip.
  const refresh = useCallback(() => {
    call('popup_open', {}).then(apply, failed);
  }, [apply, failed]);
  useEffect(() => {
    if (first) return;
    // Still on its way: wait for it; if it failed, ask again through the client that explains errors.
    (early ? early.answer.catch(() => call('popup_open', {})) : call('popup_open', {})).then(apply, failed);
  }, [first, early, apply, failed]);
  // The seed fits the render it came with: a home screen shown later (back from another screen) loads afresh.
  useEffect(() => {
    if (homeSeed) setHomeSeed(null);
  }, [homeSeed]);
  const reloadSettings = useCallback(() => {
    call('settings_get', {}).then(setSettings, failed);
  }, [failed]);
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
  else screen = <Home initial={homeSeed} onLocked={refresh} btcNetwork={settings?.btcNetwork ?? 'mainnet'} onSettingsChanged={reloadSettings} />;

  // A lazy screen's code arrives from the extension's own files within milliseconds: an empty, busy page meanwhile.
  return (
    <I18nProvider lang={lang}>
      <Suspense fallback={<main className="screen" aria-busy="true" />}>{screen}</Suspense>
    </I18nProvider>
  );
}
