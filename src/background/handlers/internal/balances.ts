import { walletError } from '../../../shared/errors';
import type { InternalHandler } from './types';

/**
 * Native and token balances of the selected account: the kept answer when the popup asks for it
 * (it shows at once), else one round trip (Multicall3 or a batch). Asked only while a wallet page
 * shows balances: no background polling.
 */
export const balancesGet: InternalHandler<'balances_get'> = async (ctx, { source }) => {
  const { network, tokens, keyring, settings, balances } = ctx.services;
  const net = await network.current();
  const index = await settings.getSelectedAccount();
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index);
  if (!address) throw walletError('unknown_account', 'No account selected');
  const list = await tokens.list(net.chainId);
  const r = await balances.read(net, { owners: [address], tokens: list.map((t) => t.address) }, source ?? 'network');
  return {
    chainId: net.chainId,
    networkName: net.name,
    nativeSymbol: net.nativeSymbol,
    nativeDecimals: net.nativeDecimals,
    address,
    native: r.balances.native[0] ?? null,
    tokens: list.map((t, i) => ({ address: t.address, symbol: t.symbol, decimals: t.decimals, isDefault: t.isDefault, balance: r.balances.tokens[0]?.[i] ?? null })),
    block: r.balances.block,
    cached: r.cached,
  };
};

/** Native balances of the accounts the account menu shows, in one round trip. */
export const balancesAccounts: InternalHandler<'balances_accounts'> = async (ctx, { indexes, source }) => {
  const { network, keyring, settings, balances } = ctx.services;
  const net = await network.current();
  const wanted = [...new Set(indexes)];
  const addresses = await keyring.ethAddresses(wanted, (await settings.get()).btcNetwork);
  const known = wanted.filter((i) => addresses.has(i));
  if (known.length === 0) throw walletError('unknown_account', 'No such account');
  const r = await balances.read(net, { owners: known.map((i) => addresses.get(i)!), tokens: [] }, source ?? 'network');
  return {
    chainId: net.chainId,
    nativeSymbol: net.nativeSymbol,
    nativeDecimals: net.nativeDecimals,
    block: r.balances.block,
    cached: r.cached,
    accounts: known.map((index, i) => ({ index, native: r.balances.native[i] ?? null })),
  };
};

/** The current network's latest block number: the popup's cheap "anything new?" question. */
export const balancesBlock: InternalHandler<'balances_block'> = async (ctx) => {
  const net = await ctx.services.network.current();
  return { chainId: net.chainId, block: await ctx.services.balances.head(net.rpcUrl) };
};
