import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import { isAllowedRpcUrl } from '../../../shared/networks';
import { rpcCall } from '../../services/rpc-client';
import { defineMethod, invalidParams, parseParams } from '../provider-method';
import { emitChainChanged, hexChainId, switchTo } from './switch-chain';

const params = v.tuple([
  v.object({
    chainId: v.string(),
    chainName: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    rpcUrls: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.minLength(1)),
    nativeCurrency: v.optional(v.object({ name: v.optional(v.string()), symbol: v.pipe(v.string(), v.minLength(1), v.maxLength(12)), decimals: v.literal(18) })),
    blockExplorerUrls: v.optional(v.nullable(v.array(v.pipe(v.string(), v.maxLength(2048))))),
    iconUrls: v.optional(v.unknown()),
  }),
]);

/**
 * wallet_addEthereumChain: https (or this machine) only, and the RPC must itself say it
 * serves the chain id asked for — a site cannot point "Ethereum" at its own node.
 */
export const walletAddEthereumChain = defineMethod({
  access: 'public',
  unlock: true,
  parse: (raw) => {
    const [p] = parseParams(params, raw, 'wallet_addEthereumChain');
    const chainId = hexChainId(p.chainId);
    const rpcUrl = p.rpcUrls.find(isAllowedRpcUrl);
    if (!rpcUrl) throw invalidParams('rpcUrls must include an https URL (http only for localhost)');
    const explorer = p.blockExplorerUrls?.find((u) => u.startsWith('https://')) ?? null;
    return { chainId, chainIdHex: p.chainId, name: p.chainName, rpcUrl, explorer, symbol: p.nativeCurrency?.symbol ?? 'ETH' };
  },
  handle: async (ctx, p) => {
    const { chainId, rpcUrl, explorer, symbol } = p;
    const { network, approvals } = ctx.services;
    if (await network.get(chainId)) {
      await switchTo(ctx, chainId);
      return null;
    }
    let answered: unknown;
    try {
      answered = await rpcCall(rpcUrl, 'eth_chainId');
    } catch {
      throw invalidParams(`The RPC ${new URL(rpcUrl).host} did not answer eth_chainId`);
    }
    if (typeof answered !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answered) || BigInt(answered) !== BigInt(chainId)) {
      throw invalidParams(`The RPC answers chain ${String(answered)}, not the requested ${p.chainIdHex}`);
    }
    const decision = await approvals.request(ctx.key, ctx.origin, { kind: 'add_chain', chainId, name: p.name, rpcUrl, explorerUrl: explorer, nativeSymbol: symbol });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    await network.addCustom({ chainId, name: p.name, rpcUrl, ...(explorer ? { explorerUrl: explorer } : {}), nativeSymbol: symbol, nativeDecimals: 18 });
    // MetaMask switches to a chain right after adding it; dApps rely on that.
    await network.select(chainId);
    await emitChainChanged(ctx, chainId);
    return null;
  },
});
