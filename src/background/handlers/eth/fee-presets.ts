import { FEE_PERCENTILES, presetsFromFeeHistory, presetsFromGasPrice, type FeePresets, type Speed } from '../../../core/ethereum/fee-history';
import type { NetworkService } from '../../services/network-service';

export type { FeePresets, Speed };

/** The fee market of a chain: the presets and the next block's base fee (null on a legacy chain). */
export interface FeeMarket {
  presets: FeePresets;
  baseFee: bigint | null;
}

const quantity = (x: unknown) => (typeof x === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(x) ? BigInt(x) : 0n);

/** Slow / normal / fast from eth_feeHistory of the last 5 blocks; chains without a base fee get gas prices. */
export async function feeMarket(net: NetworkService, chainId: number): Promise<FeeMarket> {
  const hist = await net.rpc('eth_feeHistory', ['0x5', 'latest', [...FEE_PERCENTILES]], chainId).catch(() => null);
  const fromHistory = presetsFromFeeHistory(hist);
  if (fromHistory) return fromHistory;
  return { presets: presetsFromGasPrice(quantity(await net.rpc('eth_gasPrice', [], chainId))), baseFee: null };
}

export async function feePresets(net: NetworkService, chainId: number): Promise<FeePresets> {
  return (await feeMarket(net, chainId)).presets;
}
