import { walletError } from '../../../shared/errors';
import { rpcBatch } from '../../services/rpc-client';
import type { InternalHandler } from './types';

const BALANCE_OF = '0x70a08231';

/**
 * Native and token balances of the selected account in ONE round trip (a JSON-RPC batch),
 * asked only while the popup shows them: no background polling.
 */
export const balancesGet: InternalHandler<'balances_get'> = async (ctx) => {
  const { network, tokens, keyring, settings } = ctx.services;
  const net = await network.current();
  const index = await settings.getSelectedAccount();
  const address = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index);
  if (!address) throw walletError('unknown_account', 'No account selected');
  const list = await tokens.list(net.chainId);
  const padded = address.slice(2).toLowerCase().padStart(64, '0');
  let results;
  try {
    results = await rpcBatch(net.rpcUrl, [
      { method: 'eth_getBalance', params: [address, 'latest'] },
      ...list.map((t) => ({ method: 'eth_call', params: [{ to: t.address, data: BALANCE_OF + padded }, 'latest'] })),
    ]);
  } catch (err) {
    throw walletError('rpc_unavailable', (err as Error).message);
  }
  const asBig = (r: (typeof results)[number] | undefined) => (r?.ok && typeof r.result === 'string' && /^0x[0-9a-fA-F]*$/.test(r.result) && r.result.length > 2 ? BigInt(r.result).toString() : null);
  return {
    chainId: net.chainId,
    networkName: net.name,
    nativeSymbol: net.nativeSymbol,
    nativeDecimals: net.nativeDecimals,
    address,
    native: asBig(results[0]),
    tokens: list.map((t, i) => ({ address: t.address, symbol: t.symbol, decimals: t.decimals, balance: asBig(results[i + 1]) })),
  };
};
