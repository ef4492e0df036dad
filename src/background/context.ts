import type { ActivityStore } from './services/activity-store';
import type { ApprovalQueue } from './services/approval-queue';
import type { AutoLock } from './services/auto-lock';
import type { BalanceService } from './services/balance-service';
import type { BudgetStore } from './services/budget-store';
import type { BtcActivityStore } from './services/btc-activity-store';
import type { BtcAddressBook } from './services/btc-address-book';
import type { BtcFrozenStore } from './services/btc-frozen-store';
import type { BtcNetworkService } from './services/btc-network-service';
import type { BtcSendService } from './services/btc-send-service';
import type { BtcWalletService } from './services/btc-wallet-service';
import type { EthQuoteStore } from './services/eth-quote-store';
import type { EventHub } from './services/event-hub';
import type { KeyringService } from './services/keyring-service';
import type { NetworkService } from './services/network-service';
import type { PermissionStore } from './services/permission-store';
import type { PriceClient } from './services/price-client';
import type { SettingsService } from './services/settings-service';
import type { Store } from './services/store';
import type { TokenStore } from './services/token-store';
import type { WalletService } from './services/wallet-service';

/** What every handler receives: the services, wired once per worker start. */
export interface Services {
  wallet: WalletService;
  keyring: KeyringService;
  settings: SettingsService;
  autoLock: AutoLock;
  network: NetworkService;
  permissions: PermissionStore;
  approvals: ApprovalQueue;
  events: EventHub;
  tokens: TokenStore;
  /** balances of accounts × tokens, one round trip, the last answer kept */
  balances: BalanceService;
  activity: ActivityStore;
  budgets: BudgetStore;
  /** the optional price feed (off unless the user turns it on) */
  prices: PriceClient;
  btc: BtcServices;
  /** storage.local, for small per-feature records (EIP-5792 batches). */
  store: Store;
  /** storage.session, for what may live only as long as the browser session (the send draft). */
  session: Store;
  /** reviewed ETH sends, speed-ups and cancels: what confirm signs */
  ethQuotes: EthQuoteStore;
}

/** The Bitcoin side: networks and their Esplora clients, addresses, coins, sends, records. */
export interface BtcServices {
  networks: BtcNetworkService;
  book: BtcAddressBook;
  wallet: BtcWalletService;
  send: BtcSendService;
  activity: BtcActivityStore;
  frozen: BtcFrozenStore;
  /** which account each site may see (both of its addresses) */
  permissions: PermissionStore;
}

export interface HandlerContext {
  services: Services;
}

/** A dApp request: the origin is Chrome's word for the sender, `key` the content script's request id. */
export interface ProviderContext extends HandlerContext {
  origin: string;
  key: string;
}
