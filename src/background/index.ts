import './polyfills';
import browser, { type Runtime } from 'webextension-polyfill';
import { PORT_NAME } from '../shared/provider-protocol';
import type { HandlerContext } from './context';
import { notifyConnectedAccounts } from './handlers/eth/accounts';
import { originFromSender } from './pipeline/origin';
import { ProviderPipeline } from './pipeline/provider-pipeline';
import { routeInternal } from './router';
import { isInternalSender } from './sender';
import { AccountCache } from './services/account-cache';
import { ActivityStore } from './services/activity-store';
import { ApprovalQueue } from './services/approval-queue';
import { ApprovalWindow } from './services/approval-window';
import { AUTO_LOCK_ALARM, AutoLock } from './services/auto-lock';
import { BalanceService } from './services/balance-service';
import { BudgetStore } from './services/budget-store';
import { BtcActivityStore } from './services/btc-activity-store';
import { BtcAddressBook } from './services/btc-address-book';
import { BtcFrozenStore } from './services/btc-frozen-store';
import { BtcNetworkService } from './services/btc-network-service';
import { BtcQuoteStore } from './services/btc-quote-store';
import { BtcSendService } from './services/btc-send-service';
import { BtcWalletService } from './services/btc-wallet-service';
import { EthQuoteStore } from './services/eth-quote-store';
import { EventHub } from './services/event-hub';
import { KeyringService } from './services/keyring-service';
import { NetworkService } from './services/network-service';
import { PermissionStore } from './services/permission-store';
import { SettingsService } from './services/settings-service';
import { storeFromArea } from './services/store';
import { TokenStore } from './services/token-store';
import { PriceClient } from './services/price-client';
import { VaultService } from './services/vault-service';
import { WalletService } from './services/wallet-service';

// Wiring only. Listeners are registered synchronously at the top level so a worker woken
// by a message, a port or an alarm has them in place before the event is dispatched.
const local = storeFromArea(browser.storage.local);
const session = storeFromArea(browser.storage.session);
const settings = new SettingsService(local);
const cache = new AccountCache(local);
const vault = new VaultService(local, session);
const keyring = new KeyringService(vault, cache);
const autoLock = new AutoLock();
const events = new EventHub(session);
const approvalWindow = new ApprovalWindow(session, async () => (await approvals.pending()).length > 0);
const approvals: ApprovalQueue = new ApprovalQueue(session, approvalWindow);
const wallet = new WalletService(vault, keyring, cache, settings, {
  onUnlocked: async () => {
    await autoLock.arm((await settings.get()).autoLockMinutes);
    await approvals.resolveKind('unlock', { approve: true });
    await tellSites();
  },
  onLocked: async () => {
    await autoLock.disarm();
    await tellSites();
  },
}, async () => {
  await browser.storage.local.clear();
  await browser.storage.session.clear();
});
// Connected sites hear of lock and unlock (accountsChanged); best effort: telling pages never fails a lock or an unlock.
const tellSites = () => notifyConnectedAccounts(ctx).catch(() => undefined);
const btcNetworks = new BtcNetworkService(local, settings);
const btcBook = new BtcAddressBook(local, keyring);
const btcFrozen = new BtcFrozenStore(local);
const btcActivity = new BtcActivityStore(local);
const btcWallet = new BtcWalletService(btcNetworks, btcBook, btcFrozen, keyring);
const btc = {
  networks: btcNetworks,
  book: btcBook,
  wallet: btcWallet,
  send: new BtcSendService(btcNetworks, btcWallet, btcBook, keyring, new BtcQuoteStore(session), btcActivity),
  activity: btcActivity,
  frozen: btcFrozen,
  permissions: new PermissionStore(local, 'btcPermissions'),
};
const ctx: HandlerContext = {
  services: { wallet, keyring, settings, autoLock, events, approvals, network: new NetworkService(local), permissions: new PermissionStore(local), tokens: new TokenStore(local), balances: new BalanceService(session), activity: new ActivityStore(local), budgets: new BudgetStore(local), prices: new PriceClient(), btc, store: local, session, ethQuotes: new EthQuoteStore(session) },
};
const pipeline = new ProviderPipeline(ctx.services, session);
const extensionOrigin = browser.runtime.getURL('');

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isInternalSender(sender, browser.runtime.id, extensionOrigin)) return undefined;
  return routeInternal(ctx, message);
});

// dApp requests arrive only over ports from our own content scripts in web pages.
browser.runtime.onConnect.addListener((port) => {
  const sender = port.sender;
  if (port.name !== PORT_NAME || !sender || sender.id !== browser.runtime.id || !sender.tab?.id) {
    port.disconnect();
    return;
  }
  try {
    const frame = sender as Runtime.MessageSender & { documentId?: string };
    void events.remember({ tabId: sender.tab.id, frameId: sender.frameId ?? 0, origin: originFromSender(sender), ...(frame.documentId ? { documentId: frame.documentId } : {}) });
  } catch {
    // opaque origin: its requests are refused one by one; it gets no events
  }
  port.onMessage.addListener((msg: unknown) => {
    const answer = pipeline.handle(sender, msg);
    void answer?.then((res) => {
      try {
        port.postMessage(res);
      } catch {
        // the page went away or the port broke; a re-sent request gets the stored answer
      }
    });
  });
});

browser.windows.onRemoved.addListener((windowId) => {
  void approvalWindow.onRemoved(windowId).then((ours) => (ours ? approvals.rejectAll() : undefined));
});
browser.tabs.onRemoved.addListener((tabId) => void events.forgetTab(tabId));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === AUTO_LOCK_ALARM) void wallet.lock();
});

browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('popup.html#/onboarding') });
});

// storage.session stays closed to content scripts (the default); said explicitly so a
// later change cannot widen it by accident.
void chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
void wallet.ready();
