import * as v from 'valibot';
import type { Approval, TxFees, WarningView } from './approvals';
import { MIN_PASSWORD_LENGTH, type SerializedError } from './errors';
import type { EthNetwork } from './networks';
import type { BtcActivityItem, BtcCoinView, BtcFeeRates, BtcNetworkEntry, BtcOverview, BtcSendReview } from './btc-views';
import { PRICE_CURRENCIES, type PriceAnswer, type PriceSource } from './prices';

/**
 * The one typed message map between the extension's own pages and the background.
 * Each method has a runtime schema for its params (validated by the router before any
 * handler runs) and a static result type.
 */

/** What the user types to confirm a reset; the background insists on it too. */
export const RESET_CONFIRMATION = 'RESET';

/** Security tips shown at the moment they matter (DESIGN §7); each dismissed once for good. */
export const TIP_IDS = ['backup', 'first_connect', 'unlimited_approval', 'reveal_seed'] as const;
export type TipId = (typeof TIP_IDS)[number];

export const BTC_NETWORKS = ['mainnet', 'testnet4', 'signet', 'regtest'] as const;
export type BtcNetworkId = (typeof BTC_NETWORKS)[number];
export const LANGUAGES = ['en', 'zh_CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface AccountView {
  index: number;
  name: string;
  eth: string; // EIP-55 checksummed
  btc: { p2wpkh: string; p2tr: string }; // for the current Bitcoin network
}

export interface WalletState {
  initialized: boolean;
  unlocked: boolean;
  /** ms the user must still wait before another unlock attempt is accepted. */
  retryAfterMs: number;
  backedUp: boolean;
}

/**
 * Everything the popup's first screen needs, in one round trip (DESIGN §8: popup first paint).
 * `home` is there only while unlocked: the accounts and the selected one, as accounts_list.
 */
export interface PopupOpen {
  state: WalletState;
  settings: Settings;
  home: { accounts: AccountView[]; selected: number } | null;
}

export interface ConnectedSite {
  origin: string;
  accounts: string[]; // checksummed
  /** the Bitcoin (SegWit) address of the account the site sees, when connected for Bitcoin */
  btcAccounts: string[];
  grantedAt: number;
}

export interface SendQuote {
  /** the review kept by the background: confirm signs exactly this, once, before expiresAt */
  quoteId: string;
  expiresAt: number;
  /** 'eth' (the network's native coin) or the ERC-20 contract */
  asset: string;
  from: string;
  to: string; // checksummed
  amount: string; // base units; for a native "max" send, the amount at the normal fee
  /** a native "max" send: the amount is the balance minus the chosen fee (see maxNativeAmount) */
  max: boolean;
  decimals: number;
  symbol: string;
  nativeSymbol: string;
  networkName: string;
  balance: string; // native, base units
  fees: Record<'slow' | 'normal' | 'fast', TxFees>;
  /** the next block's base fee (wei), null on a legacy chain: a custom fee is checked against it */
  baseFee: string | null;
  warnings: WarningView[];
}

/** A speed-up or cancel as it will be signed: the new fee and the one it replaces. */
export interface ReplaceQuote {
  quoteId: string;
  expiresAt: number;
  mode: 'speed_up' | 'cancel';
  replaces: string;
  nonce: number;
  /** what the replacement sends: the original transfer again (speed up) or 0 to yourself (cancel) */
  to: string | null;
  value: string;
  token?: { address: string; symbol: string; decimals: number; amount: string; to: string };
  oldFees: TxFees;
  newFees: TxFees;
  nativeSymbol: string;
}

/** The send form as the user left it (storage.session), so a closing popup does not lose it. */
export interface SendDraft {
  asset: string;
  to: string;
  amount: string;
}

export interface Insights {
  month: string;
  months: { month: string; byAsset: { asset: string; symbol: string; decimals: number; total: string }[]; bySite: { site: string; totals: { asset: string; total: string }[] }[] }[];
  budgets: { asset: string; symbol: string; decimals: number; spent: string; budget: string | null; over: boolean }[];
}

export interface Balances {
  chainId: number;
  networkName: string;
  nativeSymbol: string;
  nativeDecimals: number;
  address: string;
  native: string | null; // null: the RPC did not answer
  tokens: { address: string; symbol: string; decimals: number; balance: string | null; isDefault: boolean }[];
  /** the block the numbers are from (decimal); null when the RPC did not say */
  block: string | null;
  /** true: the last answer kept by the background, not read just now */
  cached: boolean;
}

/** Native balances of several accounts (the account menu), read in one round trip. */
export interface AccountBalances {
  chainId: number;
  nativeSymbol: string;
  nativeDecimals: number;
  block: string | null;
  cached: boolean;
  accounts: { index: number; native: string | null }[];
}

/** Accounts one balances_accounts call may ask for: a screenful of the menu, not the whole wallet. */
export const MAX_BALANCE_ACCOUNTS = 50;

export interface ActivityItem {
  hash: string;
  chainId: number;
  from: string;
  to: string | null;
  value: string;
  token?: { address: string; symbol: string; decimals: number; amount: string; to: string };
  status: 'pending' | 'confirmed' | 'failed' | 'replaced';
  createdAt: number;
  origin: string | null;
  kind: 'send' | 'dapp' | 'speed_up' | 'cancel';
  fees: TxFees;
}

export interface Settings {
  language: Language;
  autoLockMinutes: number;
  btcNetwork: BtcNetworkId;
  /** the optional price source; off by default */
  prices: PriceSource;
}

/** An ERC-20 as its contract reports it (never as a page claims it). */
export interface TokenView {
  address: string; // checksummed
  symbol: string;
  name: string | null;
  decimals: number;
  /** the selected account's balance in base units; null when balanceOf did not answer */
  balance: string | null;
}

/** An incoming ERC-20 transfer of a known token, from its Transfer log. */
export interface IncomingTransferView {
  hash: string;
  blockNumber: number;
  logIndex: number;
  token: { address: string; symbol: string; decimals: number };
  from: string;
  amount: string;
}

/** A nonce that holds up later transactions (see src/core/ethereum/nonce-gap.ts). */
export type NonceProblemView =
  | { kind: 'gap'; nonce: number; waiting: number[] }
  | { kind: 'stuck'; nonce: number; hash: string; minutes: number; waiting: number[] };

const password = v.pipe(v.string(), v.maxLength(1024));
const newPassword = v.pipe(v.string(), v.minLength(MIN_PASSWORD_LENGTH, `Password must have at least ${MIN_PASSWORD_LENGTH} characters`), v.maxLength(1024));
// Long enough for 24 Chinese words with any whitespace; bounded so a huge paste cannot stall the worker.
const mnemonic = v.pipe(v.string(), v.maxLength(4096));
const accountIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const empty = v.strictObject({});
const tokenAddress = v.pipe(v.string(), v.trim(), v.maxLength(128));
// 'cache': the kept answer if any, else a read; 'network': a read; 'block': a read because a new block came (not user activity).
const balanceSource = v.optional(v.picklist(['cache', 'network', 'block']));
const sendAsset = v.union([v.literal('eth'), v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/))]);
const quoteId = v.pipe(v.string(), v.maxLength(64));
const gweiText = v.pipe(v.string(), v.trim(), v.maxLength(32));
const txHash = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/));
const btcTxid = v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/));
// sat/vB; the core refuses rates below the relay floor or absurdly high with a clear message.
const feeRate = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1_000_000));

export const internalSchemas = {
  wallet_getState: empty,
  popup_open: empty,
  wallet_generateMnemonic: v.strictObject({ words: v.picklist([12, 24]) }),
  wallet_create: v.strictObject({ mnemonic, password: newPassword, backedUp: v.boolean() }),
  wallet_import: v.strictObject({ mnemonic, passphrase: v.optional(v.pipe(v.string(), v.maxLength(1024))), password: newPassword }),
  wallet_unlock: v.strictObject({ password }),
  wallet_lock: empty,
  wallet_revealSeed: v.strictObject({ password }),
  accounts_list: empty,
  accounts_add: v.strictObject({ name: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  accounts_select: v.strictObject({ index: accountIndex }),
  accounts_rename: v.strictObject({ index: accountIndex, name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)) }),
  settings_get: empty,
  settings_set: v.strictObject({
    language: v.optional(v.picklist(LANGUAGES)),
    autoLockMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60))),
    btcNetwork: v.optional(v.picklist(BTC_NETWORKS)),
    prices: v.optional(v.strictObject({ enabled: v.boolean(), url: v.pipe(v.string(), v.trim(), v.maxLength(2048)), currency: v.picklist(PRICE_CURRENCIES) })),
  }),
  approvals_list: empty,
  approvals_resolve: v.strictObject({
    id: v.pipe(v.string(), v.maxLength(64)),
    approve: v.boolean(),
    accounts: v.optional(v.pipe(v.array(accountIndex), v.maxLength(1000))),
    fees: v.optional(
      v.strictObject({
        gas: v.pipe(v.string(), v.regex(/^\d{1,78}$/)),
        nonce: v.pipe(v.number(), v.integer(), v.minValue(0)),
        maxFeePerGas: v.optional(v.pipe(v.string(), v.regex(/^\d{1,78}$/))),
        maxPriorityFeePerGas: v.optional(v.pipe(v.string(), v.regex(/^\d{1,78}$/))),
        gasPrice: v.optional(v.pipe(v.string(), v.regex(/^\d{1,78}$/))),
      }),
    ),
  }),
  sites_list: empty,
  sites_disconnect: v.strictObject({ origin: v.pipe(v.string(), v.maxLength(2048)) }),
  networks_list: empty,
  networks_select: v.strictObject({ chainId: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  wallet_changePassword: v.strictObject({ oldPassword: password, newPassword }),
  wallet_exportPrivateKey: v.strictObject({ password, index: accountIndex }),
  wallet_reset: v.strictObject({ confirm: v.literal(RESET_CONFIRMATION) }),
  networks_add: v.strictObject({
    chainId: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
    rpcUrl: v.pipe(v.string(), v.trim(), v.maxLength(2048)),
    explorerUrl: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2048))),
    nativeSymbol: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(12)),
  }),
  networks_update: v.strictObject({
    chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
    rpcUrl: v.pipe(v.string(), v.trim(), v.maxLength(2048)),
    explorerUrl: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2048))),
  }),
  networks_remove: v.strictObject({ chainId: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  tips_get: empty,
  tips_dismiss: v.strictObject({ id: v.picklist(TIP_IDS) }),
  insights_get: empty,
  insights_setBudget: v.strictObject({
    asset: v.pipe(v.string(), v.regex(/^(eth:\d+|erc20:\d+:0x[0-9a-f]{40})$/)),
    amount: v.nullable(v.pipe(v.string(), v.maxLength(100))),
    decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
  }),
  balances_get: v.strictObject({ source: balanceSource }),
  balances_accounts: v.strictObject({ indexes: v.pipe(v.array(accountIndex), v.minLength(1), v.maxLength(MAX_BALANCE_ACCOUNTS)), source: balanceSource }),
  balances_block: empty,
  send_quote: v.strictObject({ asset: sendAsset, to: v.pipe(v.string(), v.maxLength(128)), amount: v.pipe(v.string(), v.maxLength(100)) }),
  send_confirm: v.strictObject({
    quoteId,
    speed: v.picklist(['slow', 'normal', 'fast', 'custom']),
    /** gwei as decimal text; checked against the reviewed market (src/core/ethereum/send-fees.ts) */
    custom: v.optional(v.strictObject({ maxFeeGwei: gweiText, tipGwei: v.optional(gweiText) })),
  }),
  send_draftGet: empty,
  send_draftSet: v.strictObject({
    draft: v.nullable(v.strictObject({ asset: v.union([sendAsset, v.literal('btc')]), to: v.pipe(v.string(), v.maxLength(128)), amount: v.pipe(v.string(), v.maxLength(100)) })),
  }),
  activity_list: empty,
  activity_replaceQuote: v.strictObject({ hash: txHash, mode: v.picklist(['speed_up', 'cancel']) }),
  activity_replaceConfirm: v.strictObject({ quoteId }),
  activity_fillNonce: v.strictObject({ nonce: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)) }),
  tokens_lookup: v.strictObject({ address: tokenAddress }),
  tokens_add: v.strictObject({ address: tokenAddress }),
  tokens_remove: v.strictObject({ address: tokenAddress }),
  prices_get: empty,
  btc_overview: empty,
  btc_feeRates: empty,
  btc_sendQuote: v.strictObject({
    to: v.pipe(v.string(), v.trim(), v.maxLength(128)),
    /** whole BTC as decimal text ("0.001"), or "max" */
    amount: v.pipe(v.string(), v.trim(), v.maxLength(32)),
    feeRate: feeRate,
    from: v.picklist(['p2wpkh', 'p2tr']),
  }),
  btc_replaceQuote: v.strictObject({ txid: btcTxid, mode: v.picklist(['speed_up', 'cancel']), feeRate: v.optional(feeRate) }),
  btc_sendConfirm: v.strictObject({ quoteId: v.pipe(v.string(), v.maxLength(64)) }),
  btc_activity: empty,
  btc_coins: empty,
  btc_setFrozen: v.strictObject({ outpoint: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}:\d{1,6}$/)), frozen: v.boolean() }),
  btc_networks: empty,
  btc_setEsploraUrl: v.strictObject({ network: v.picklist(BTC_NETWORKS), url: v.pipe(v.string(), v.trim(), v.maxLength(2048)) }),
} as const;

export interface InternalResults {
  wallet_getState: WalletState;
  popup_open: PopupOpen;
  wallet_generateMnemonic: { mnemonic: string };
  wallet_create: WalletState;
  wallet_import: WalletState;
  wallet_unlock: WalletState;
  wallet_lock: WalletState;
  wallet_revealSeed: { mnemonic: string };
  accounts_list: { accounts: AccountView[]; selected: number };
  accounts_add: { account: AccountView };
  accounts_select: { selected: number };
  accounts_rename: { account: AccountView };
  settings_get: Settings;
  settings_set: Settings;
  approvals_list: { approvals: Approval[] };
  approvals_resolve: { resolved: boolean };
  sites_list: { sites: ConnectedSite[] };
  sites_disconnect: { disconnected: boolean };
  networks_list: { networks: EthNetwork[]; current: number };
  networks_select: { current: number };
  wallet_changePassword: WalletState;
  wallet_exportPrivateKey: { privateKey: string; address: string };
  wallet_reset: WalletState;
  networks_add: { network: EthNetwork };
  networks_update: { network: EthNetwork };
  networks_remove: { removed: boolean };
  tips_get: { dismissed: TipId[] };
  tips_dismiss: { dismissed: TipId[] };
  insights_get: Insights;
  insights_setBudget: { ok: true };
  balances_get: Balances;
  balances_accounts: AccountBalances;
  /** the current network's latest block (decimal) */
  balances_block: { chainId: number; block: string };
  send_quote: SendQuote;
  send_confirm: { hash: string };
  send_draftGet: { draft: SendDraft | null };
  send_draftSet: { draft: SendDraft | null };
  /** incoming: null when the network could not say; nonce: a gap or a stuck head, if any */
  activity_list: { items: ActivityItem[]; incoming: IncomingTransferView[] | null; nonce: NonceProblemView | null; nativeSymbol: string };
  activity_replaceQuote: ReplaceQuote;
  activity_replaceConfirm: { hash: string };
  activity_fillNonce: { hash: string };
  tokens_lookup: { token: TokenView };
  tokens_add: { token: TokenView };
  tokens_remove: { removed: boolean };
  prices_get: PriceAnswer;
  btc_overview: BtcOverview;
  btc_feeRates: BtcFeeRates;
  btc_sendQuote: BtcSendReview;
  btc_replaceQuote: BtcSendReview;
  btc_sendConfirm: { txid: string };
  btc_activity: { items: BtcActivityItem[] };
  btc_coins: { coins: BtcCoinView[] };
  btc_setFrozen: { frozen: string[] };
  btc_networks: { networks: BtcNetworkEntry[]; current: BtcNetworkId };
  btc_setEsploraUrl: { network: BtcNetworkEntry };
}

export type InternalMethod = keyof typeof internalSchemas;
export type InternalParams<M extends InternalMethod> = v.InferOutput<(typeof internalSchemas)[M]>;
export type InternalResult<M extends InternalMethod> = InternalResults[M];

/** The envelope the popup sends with runtime.sendMessage. */
export interface InternalRequest<M extends InternalMethod = InternalMethod> {
  channel: typeof INTERNAL_CHANNEL;
  method: M;
  params: InternalParams<M>;
}

export const INTERNAL_CHANNEL = 'duowallet:internal';

export type Reply<T> = { ok: true; result: T } | { ok: false; error: SerializedError };

const envelopeSchema = v.object({
  channel: v.literal(INTERNAL_CHANNEL),
  method: v.string(),
  params: v.unknown(),
});

export function isInternalMethod(method: string): method is InternalMethod {
  return Object.prototype.hasOwnProperty.call(internalSchemas, method);
}

export type EnvelopeCheck = { ok: true; method: string; params: unknown } | { ok: false; message: string; field?: string };

/** Shape check only (naming the wrong field); per-method params are validated by the router. */
export function parseEnvelope(msg: unknown): EnvelopeCheck {
  const r = v.safeParse(envelopeSchema, msg);
  if (r.success) return { ok: true, method: r.output.method, params: r.output.params };
  const field = r.issues[0].path?.map((p) => String(p.key)).join('.');
  return field ? { ok: false, message: `Malformed message: ${field}: ${r.issues[0].message}`, field } : { ok: false, message: 'Malformed message: not an object' };
}

/** Validates params, returning a message that names the wrong field. */
export function validateParams<M extends InternalMethod>(
  method: M,
  params: unknown,
): { ok: true; value: InternalParams<M> } | { ok: false; message: string; field?: string } {
  const r = v.safeParse(internalSchemas[method], params ?? {});
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path
    ? { ok: false, message: `Invalid params: ${path}: ${issue.message}`, field: path }
    : { ok: false, message: `Invalid params: ${issue.message}` };
}
