import type { TxFees } from '../../../shared/approvals';
import type { NetworkService } from '../../services/network-service';

export type Speed = 'slow' | 'normal' | 'fast';
export type FeePresets = Record<Speed, Omit<TxFees, 'gas' | 'nonce'>>;

const big = (x: unknown) => (typeof x === 'string' && /^0x[0-9a-fA-F]+$/.test(x) ? BigInt(x) : 0n);

function median(xs: bigint[]): bigint {
  const s = [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return s[Math.floor(s.length / 2)] ?? 0n;
}

/**
 * Slow / normal / fast from eth_feeHistory (10th/50th/90th percentile tips of recent
 * blocks); max fee = 2 × next base fee + tip. Chains without a base fee get gas prices.
 */
export async function feePresets(net: NetworkService, chainId: number): Promise<FeePresets> {
  const hist = (await net.rpc('eth_feeHistory', ['0x5', 'latest', [10, 50, 90]], chainId).catch(() => null)) as {
    baseFeePerGas?: string[];
    reward?: string[][];
  } | null;
  const base = hist?.baseFeePerGas?.length ? big(hist.baseFeePerGas[hist.baseFeePerGas.length - 1]) : 0n;
  if (hist && base > 0n) {
    const tips = [0, 1, 2].map((i) => median((hist.reward ?? []).map((r) => big(r[i]))));
    // A floor of 0.01 gwei keeps a tip even when recent blocks were empty (anvil, quiet L2s).
    const floor = 10_000_000n;
    const preset = (tip: bigint) => {
      const t = tip < floor ? floor : tip;
      return { maxPriorityFeePerGas: t.toString(), maxFeePerGas: (base * 2n + t).toString() };
    };
    return { slow: preset(tips[0]!), normal: preset(tips[1]!), fast: preset(tips[2]! + tips[2]! / 5n) };
  }
  const price = big(await net.rpc('eth_gasPrice', [], chainId));
  return {
    slow: { gasPrice: ((price * 9n) / 10n).toString() },
    normal: { gasPrice: price.toString() },
    fast: { gasPrice: ((price * 12n) / 10n).toString() },
  };
}
