import type { HandlerContext } from '../../context';
import { invalidParams } from '../provider-method';

/**
 * A request parsed against one chain is answered on that chain only: the wallet may have
 * switched while the request waited for the unlock window.
 */
export async function requireChain(ctx: HandlerContext, chainId: number | bigint): Promise<void> {
  const current = await ctx.services.network.currentChainId();
  if (BigInt(chainId) !== BigInt(current)) throw invalidParams(`chainId ${chainId} does not match the current chain ${current}`);
}
