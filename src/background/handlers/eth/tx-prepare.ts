import type { TxFees } from '../../../shared/approvals';
import type { NetworkService } from '../../services/network-service';
import type { TxRequest } from './tx-params';

const hex = (n: bigint) => `0x${n.toString(16)}`;
const big = (x: unknown) => (typeof x === 'string' && /^0x[0-9a-fA-F]+$/.test(x) ? BigInt(x) : 0n);

/**
 * Fills what the dApp left out: nonce (pending), gas (estimate), and fees — EIP-1559 where
 * the chain has a base fee, legacy gasPrice where it does not.
 */
export async function prepareFees(net: NetworkService, tx: TxRequest): Promise<TxFees> {
  const call = { from: tx.from, ...(tx.to ? { to: tx.to } : {}), value: hex(tx.value), ...(tx.data ? { data: tx.data } : {}) };
  const [nonce, gas, block] = await Promise.all([
    tx.nonce !== undefined ? Promise.resolve(BigInt(tx.nonce)) : net.rpc('eth_getTransactionCount', [tx.from, 'pending']).then(big),
    tx.gas !== undefined ? Promise.resolve(tx.gas) : net.rpc('eth_estimateGas', [call]).then(big),
    net.rpc('eth_getBlockByNumber', ['latest', false]),
  ]);
  const baseFee = (block as { baseFeePerGas?: string } | null)?.baseFeePerGas;
  const fees: TxFees = { gas: gas.toString(), nonce: Number(nonce) };
  if (baseFee && tx.gasPrice === undefined) {
    const prio: bigint = tx.maxPriorityFeePerGas ?? (await net.rpc('eth_maxPriorityFeePerGas').then(big, () => 1_000_000_000n));
    // 2× base fee covers six full blocks of base-fee growth before the tx would get stuck.
    const maxFee = tx.maxFeePerGas ?? big(baseFee) * 2n + prio;
    fees.maxPriorityFeePerGas = (prio > maxFee ? maxFee : prio).toString();
    fees.maxFeePerGas = maxFee.toString();
  } else {
    const price: bigint = tx.gasPrice ?? big(await net.rpc('eth_gasPrice'));
    fees.gasPrice = price.toString();
  }
  return fees;
}

/** Worst-case cost the user may pay: value + gas × max fee. */
export function maxCost(value: bigint, fees: TxFees): bigint {
  return value + BigInt(fees.gas) * BigInt(fees.maxFeePerGas ?? fees.gasPrice ?? '0');
}
