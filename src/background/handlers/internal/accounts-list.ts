import type { BtcNetworkId, InternalResult } from '../../../shared/messages';
import type { HandlerContext } from '../../context';
import type { InternalHandler } from './types';

export const accountsList: InternalHandler<'accounts_list'> = async (ctx) => listAccounts(ctx, (await ctx.services.settings.get()).btcNetwork);

/** The accounts with their addresses on this Bitcoin network, and the selected one (an index that exists). */
export async function listAccounts(ctx: HandlerContext, btcNetwork: BtcNetworkId): Promise<InternalResult<'accounts_list'>> {
  const { keyring, settings } = ctx.services;
  const [accounts, selected] = await Promise.all([keyring.list(btcNetwork), settings.getSelectedAccount()]);
  return { accounts, selected: accounts.some((a) => a.index === selected) ? selected : (accounts[0]?.index ?? 0) };
}
