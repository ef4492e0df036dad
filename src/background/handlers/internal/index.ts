import type { InternalMethod } from '../../../shared/messages';
import { accountsAdd } from './accounts-add';
import { activityFillNonce, activityList, activityReplaceConfirm, activityReplaceQuote } from './activity';
import { pricesGet } from './prices';
import { tokensAdd, tokensLookup, tokensRemove } from './tokens';
import { balancesAccounts, balancesBlock, balancesGet } from './balances';
import { sendConfirm, sendQuote } from './wallet-send';
import { sendDraftGet, sendDraftSet } from './send-draft';
import { approvalsList, approvalsResolve } from './approvals';
import { networksList, networksSelect } from './networks';
import { tipsDismiss, tipsGet } from './tips';
import { insightsGet, insightsSetBudget } from './insights';
import { networksAdd, networksRemove, networksUpdate } from './networks-edit';
import { sitesDisconnect, sitesList } from './sites';
import { accountsList } from './accounts-list';
import { popupOpen } from './popup-open';
import { accountsRename } from './accounts-rename';
import { accountsSelect } from './accounts-select';
import { settingsGet } from './settings-get';
import { settingsSet } from './settings-set';
import type { InternalHandler } from './types';
import { btcActivityList } from './btc-activity';
import { btcCoins, btcSetFrozen } from './btc-coins';
import { btcNetworks, btcSetEsploraUrl } from './btc-networks';
import { btcFeeRates, btcOverview } from './btc-overview';
import { btcReplaceQuote, btcSendConfirm, btcSendQuote } from './btc-send';
import { walletCreate } from './wallet-create';
import { walletGenerateMnemonic } from './wallet-generate-mnemonic';
import { walletGetState } from './wallet-get-state';
import { walletImport } from './wallet-import';
import { walletLock } from './wallet-lock';
import { walletRevealSeed } from './wallet-reveal-seed';
import { walletUnlock } from './wallet-unlock';
import { walletChangePassword, walletExportPrivateKey, walletReset } from './wallet-secrets';

/** One handler per internal method; the mapped type makes a missing one a compile error. */
export const internalHandlers: { [M in InternalMethod]: InternalHandler<M> } = {
  wallet_getState: walletGetState,
  popup_open: popupOpen,
  wallet_generateMnemonic: walletGenerateMnemonic,
  wallet_create: walletCreate,
  wallet_import: walletImport,
  wallet_unlock: walletUnlock,
  wallet_lock: walletLock,
  wallet_revealSeed: walletRevealSeed,
  accounts_list: accountsList,
  accounts_add: accountsAdd,
  accounts_select: accountsSelect,
  accounts_rename: accountsRename,
  settings_get: settingsGet,
  settings_set: settingsSet,
  approvals_list: approvalsList,
  approvals_resolve: approvalsResolve,
  sites_list: sitesList,
  sites_disconnect: sitesDisconnect,
  networks_list: networksList,
  networks_select: networksSelect,
  wallet_changePassword: walletChangePassword,
  wallet_exportPrivateKey: walletExportPrivateKey,
  wallet_reset: walletReset,
  networks_add: networksAdd,
  networks_update: networksUpdate,
  networks_remove: networksRemove,
  tips_get: tipsGet,
  tips_dismiss: tipsDismiss,
  insights_get: insightsGet,
  insights_setBudget: insightsSetBudget,
  balances_get: balancesGet,
  balances_accounts: balancesAccounts,
  balances_block: balancesBlock,
  send_quote: sendQuote,
  send_confirm: sendConfirm,
  send_draftGet: sendDraftGet,
  send_draftSet: sendDraftSet,
  activity_list: activityList,
  activity_replaceQuote: activityReplaceQuote,
  activity_replaceConfirm: activityReplaceConfirm,
  activity_fillNonce: activityFillNonce,
  tokens_lookup: tokensLookup,
  tokens_add: tokensAdd,
  tokens_remove: tokensRemove,
  prices_get: pricesGet,
  btc_overview: btcOverview,
  btc_feeRates: btcFeeRates,
  btc_sendQuote: btcSendQuote,
  btc_replaceQuote: btcReplaceQuote,
  btc_sendConfirm: btcSendConfirm,
  btc_activity: btcActivityList,
  btc_coins: btcCoins,
  btc_setFrozen: btcSetFrozen,
  btc_networks: btcNetworks,
  btc_setEsploraUrl: btcSetEsploraUrl,
};

/** Methods that work while locked; everything else needs an unlocked keyring. */
export const LOCKED_OK: ReadonlySet<InternalMethod> = new Set<InternalMethod>([
  'wallet_getState',
  'popup_open',
  'wallet_generateMnemonic',
  'wallet_create',
  'wallet_import',
  'wallet_unlock',
  'wallet_lock',
  'settings_get',
  'settings_set',
  // The approval window lists and rejects while locked (unlock comes first in the UI).
  'approvals_list',
  'approvals_resolve',
  'networks_list',
  'btc_networks',
  // A forgotten password leaves reset as the way out (the phrase restores the funds).
  'wallet_reset',
]);
