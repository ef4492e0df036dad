import type { ProviderContext } from '../../context';
import { RPC, WalletError } from '../../../shared/errors';

/**
 * The accounts this origin may see, lowercase (dApps compare with ===, as with MetaMask),
 * the wallet's selected account first when the site has it. [] when locked or unconnected.
 */
export async function permittedAccounts(ctx: ProviderContext): Promise<string[]> {
  return accountsForOrigin(ctx, ctx.origin);
}

export async function accountsForOrigin(ctx: Pick<ProviderContext, 'services'>, origin: string): Promise<string[]> {
  const { permissions, keyring, settings } = ctx.services;
  if (!keyring.unlocked) return [];
  const perm = await permissions.get(origin);
  if (!perm) return [];
  const indexes = perm.accounts.filter((i) => keyring.hasAccount(i));
  const selected = await settings.getSelectedAccount();
  const ordered = indexes.includes(selected) ? [selected, ...indexes.filter((i) => i !== selected)] : indexes;
  const map = await keyring.ethAddresses(ordered, (await settings.get()).btcNetwork);
  return ordered.map((i) => map.get(i)?.toLowerCase()).filter((a): a is string => !!a);
}

/**
 * Lock and unlock change what every connected site sees (eth_accounts is [] while locked):
 * each is told with accountsChanged, as MetaMask does. Unconnected sites hear nothing.
 */
export async function notifyConnectedAccounts(ctx: Pick<ProviderContext, 'services'>): Promise<void> {
  const origins = new Set(Object.keys(await ctx.services.permissions.all()));
  if (origins.size) await ctx.services.events.emit('eth', 'accountsChanged', (origin) => accountsForOrigin(ctx, origin), origins);
}

/** The HD index behind an address this origin was given; 4100 for any other address. */
export async function permittedAccountIndex(ctx: ProviderContext, addr: string): Promise<number> {
  const { permissions, keyring, settings } = ctx.services;
  const perm = await permissions.get(ctx.origin);
  if (perm) {
    const map = await keyring.ethAddresses(perm.accounts, (await settings.get()).btcNetwork);
    for (const [index, a] of map) if (a.toLowerCase() === addr.toLowerCase()) return index;
  }
  throw new WalletError(RPC.unauthorized, 'The requested account has not been authorized by the user');
}
