import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountView, BtcNetworkId, PopupOpen } from '../../shared/messages';
import { call } from '../api';
import { Address } from '../components/Address';
import { FormError } from '../components/FormError';
import { errorText } from '../error-text';
import { useT } from '../i18n';
import { navigate } from '../router';
import { AccountPicker } from './AccountPicker';
import { BalanceCard } from './BalanceCard';
import { BtcBalanceCard } from '../btc/BtcBalanceCard';
import { NetworkPicker } from './NetworkPicker';
import { BudgetAlert } from './BudgetAlert';
import { SecurityTip } from '../components/SecurityTip';
import browser from 'webextension-polyfill';

/** `initial`: the accounts that came with the popup's first answer; without them home asks itself. */
export function Home({ initial, onLocked, btcNetwork, onSettingsChanged }: { initial: PopupOpen['home']; onLocked: () => void; btcNetwork: BtcNetworkId; onSettingsChanged: () => void }) {
  const t = useT();
  const [accounts, setAccounts] = useState<AccountView[] | null>(initial?.accounts ?? null);
  const [selected, setSelected] = useState(initial?.selected ?? 0);
  const seeded = useRef(initial !== null);
  const [error, setError] = useState<string | null>(null);
  const [netKey, setNetKey] = useState(0);

  const load = useCallback(() => {
    call('accounts_list', {}).then(
      (r) => {
        setAccounts(r.accounts);
        setSelected(r.selected);
      },
      (e: unknown) => setError(errorText(t, e)),
    );
  }, [t]);
  useEffect(() => {
    if (seeded.current) seeded.current = false;
    else load();
  }, [load]);

  const lock = () => {
    call('wallet_lock', {}).then(onLocked, (e: unknown) => setError(errorText(t, e)));
  };
  const account = accounts?.find((a) => a.index === selected) ?? accounts?.[0];

  return (
    <main className="screen" data-testid="home-screen">
      <header className="row spread topbar">
        {account && accounts ? <AccountPicker accounts={accounts} selected={account} onChanged={load} refreshKey={String(netKey)} /> : <span>{t('common.loading')}</span>}
        <div className="row">
          <button type="button" className="small" data-testid="settings-button" onClick={() => navigate('/settings')}>
            {t('home.settings')}
          </button>
          <button type="button" className="small" data-testid="lock-button" onClick={lock}>
            {t('home.lock')}
          </button>
        </div>
      </header>
      <NetworkPicker
        btcNetwork={btcNetwork}
        onChanged={() => {
          onSettingsChanged();
          load();
          setNetKey((k) => k + 1);
        }}
      />
      <BudgetAlert />
      <SecurityTip id="backup" />
      {account && <BalanceCard refreshKey={`${account.index}:${netKey}`} />}
      {account && <BtcBalanceCard refreshKey={`${account.index}:${netKey}:${btcNetwork}`} />}
      <nav className="actions" aria-label={t('home.title')}>
        <button type="button" className="primary" data-testid="send-button" onClick={() => navigate('/send')}>
          {t('home.send')}
        </button>
        <button type="button" data-testid="receive-button" onClick={() => navigate('/receive')}>
          {t('home.receive')}
        </button>
        <button type="button" data-testid="activity-button" onClick={() => navigate('/activity')}>
          {t('home.activity')}
        </button>
      </nav>
      <nav className="row secondary" aria-label={t('home.more')}>
        <button type="button" className="small" data-testid="btc-coins-button" onClick={() => navigate('/btc-coins')}>
          {t('btc.coins')}
        </button>
        <button type="button" className="small" data-testid="insights-button" onClick={() => navigate('/insights')}>
          {t('insights.title')}
        </button>
        <button type="button" className="small" data-testid="connected-sites-button" onClick={() => navigate('/sites')}>
          {t('sites.title')}
        </button>
        {/* Expanded view: the same app in a full tab (a toolbar popup closes when it loses focus). */}
        <button type="button" className="small" data-testid="expand-view-button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('popup.html#/') })}>
          {t('home.expand')}
        </button>
      </nav>
      {account && (
        <section className="stack" aria-label={account.name}>
          <Address label={t('home.ethAddress')} address={account.eth} testid="account-address-eth" />
          <Address label={t('home.btcSegwit')} address={account.btc.p2wpkh} testid="account-address-btc-p2wpkh" />
          <Address label={t('home.btcTaproot')} address={account.btc.p2tr} testid="account-address-btc-p2tr" />
        </section>
      )}
      <FormError message={error} />
    </main>
  );
}
