import { tokenAmountArg, type DecodedCall } from '../../../core/ethereum';
import { isUnlimited } from '../../../core/risk';
import type { DecodedCallView } from '../../../shared/approvals';
import type { ProviderContext } from '../../context';
import { readTokenMetadata } from '../../services/token-metadata';

/**
 * The decoded call with its token amount readable ("12.5 USDC", "unlimited") instead of raw units.
 * Symbol and decimals come from the user's token list, else from the contract (one batch); an
 * RPC that fails or a contract that is no token leaves the raw number, never a guess.
 */
export async function decodedCallView(
  ctx: ProviderContext,
  chain: { chainId: number; rpcUrl: string },
  to: string | null,
  from: string,
  call: DecodedCall | null,
): Promise<DecodedCallView | null> {
  if (!call) return null;
  const arg = to ? tokenAmountArg(call) : null;
  const raw = arg ? call.args.find((a) => a.name === arg) : undefined;
  if (!to || !arg || !raw) return call;
  const listed = await ctx.services.tokens.find(chain.chainId, to);
  let token: { symbol: string; decimals: number } | null = listed ? { symbol: listed.symbol, decimals: listed.decimals } : null;
  if (!token) {
    const read = await readTokenMetadata(chain.rpcUrl, to, from).catch(() => null);
    if (read?.meta.ok) token = { symbol: read.meta.symbol, decimals: read.meta.decimals };
  }
  return { ...call, amount: { arg, unlimited: isUnlimited(BigInt(raw.value), raw.type), token } };
}
