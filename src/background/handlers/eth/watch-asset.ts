import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import { readTokenMetadata } from '../../services/token-metadata';
import { defineMethod, parseParams } from '../provider-method';
import { address } from './types';

const ZERO = '0x0000000000000000000000000000000000000000';

/** The contract must agree with the page: a token that reverts or lies about its decimals is refused before any window opens. */
async function checkAgainstContract(rpcUrl: string, o: { address: string; symbol: string; decimals: number }): Promise<void> {
  const { meta } = await readTokenMetadata(rpcUrl, o.address, ZERO);
  const refuse = (msg: string) => new WalletError(RPC.invalidParams, `wallet_watchAsset: ${msg}`);
  if (!meta.ok && meta.problem === 'no_code') throw refuse(`there is no contract at ${o.address} on this network`);
  if (!meta.ok && meta.problem === 'bad_decimals') throw refuse(`the contract reports ${String(meta.decimals)} decimals, more than a wallet can show`);
  if (!meta.ok) throw refuse(`the contract at ${o.address} does not answer symbol() and decimals(): it is not an ERC-20 token`);
  if (meta.decimals !== o.decimals) throw refuse(`the contract reports ${meta.decimals} decimals, not ${o.decimals}`);
  if (meta.symbol.toLowerCase() !== o.symbol.toLowerCase()) throw refuse(`the contract's symbol is ${JSON.stringify(meta.symbol)}, not ${JSON.stringify(o.symbol)}`);
}

const params = v.object({
  type: v.literal('ERC20'),
  options: v.object({
    address,
    symbol: v.pipe(v.string(), v.minLength(1), v.maxLength(11)),
    decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
    image: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }),
});

/** wallet_watchAsset (ERC-20): asks, then adds the token to this chain's list. */
export const walletWatchAsset = defineMethod({
  access: 'public',
  unlock: true,
  parse: (raw) => {
    // MetaMask accepts the object itself or a one-element array.
    const input = Array.isArray(raw) && raw.length === 1 ? (raw[0] as unknown) : raw;
    return parseParams(params, input, 'wallet_watchAsset').options;
  },
  handle: async (ctx, options) => {
    const net = await ctx.services.network.current();
    const chainId = net.chainId;
    await checkAgainstContract(net.rpcUrl, options);
    const image = options.image && /^(https:|data:image\/)/.test(options.image) ? options.image : null;
    const decision = await ctx.services.approvals.request(ctx.key, ctx.origin, {
      kind: 'watch_asset',
      address: options.address,
      symbol: options.symbol,
      decimals: options.decimals,
      image,
      chainId,
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    await ctx.services.tokens.add(chainId, { address: options.address, symbol: options.symbol, decimals: options.decimals, image });
    return true;
  },
});
