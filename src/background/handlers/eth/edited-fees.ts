import * as v from 'valibot';
import type { TxFees } from '../../../shared/approvals';
import { invalidParams } from '../provider-method';

const decimal = v.pipe(v.string(), v.regex(/^\d{1,78}$/));
/** The intrinsic gas of the simplest transfer: less can never be mined. */
export const MIN_GAS = 21_000n;
const feesSchema = v.object({
  gas: decimal,
  nonce: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  maxFeePerGas: v.optional(decimal),
  maxPriorityFeePerGas: v.optional(decimal),
  gasPrice: v.optional(decimal),
});

/**
 * The user may edit gas, fees and nonce on the approval screen; what comes back from the
 * window is checked again, and keeps the fee model (EIP-1559 or legacy) the chain was given.
 */
export function editedFees(proposed: TxFees, edited: TxFees | undefined): TxFees {
  if (!edited) return proposed;
  const r = v.safeParse(feesSchema, edited);
  if (!r.success) throw invalidParams('Edited fees are invalid');
  const f = r.output;
  if (BigInt(f.gas) < MIN_GAS) throw invalidParams(`Gas limit below ${MIN_GAS}`);
  if (proposed.maxFeePerGas !== undefined) {
    // EIP-1559 chain: both fees, no gas price (a type-0 fee would be a different transaction from the one shown).
    if (f.maxFeePerGas === undefined || f.maxPriorityFeePerGas === undefined) throw invalidParams('EIP-1559 fees missing');
    if (f.gasPrice !== undefined) throw invalidParams('A gas price on an EIP-1559 transaction');
    if (BigInt(f.maxPriorityFeePerGas) > BigInt(f.maxFeePerGas)) throw invalidParams('Priority fee above max fee');
    return { gas: f.gas, nonce: f.nonce, maxFeePerGas: f.maxFeePerGas, maxPriorityFeePerGas: f.maxPriorityFeePerGas };
  }
  // Legacy chain (no base fee): a gas price only; EIP-1559 fields would make a type-2 transaction the chain refuses.
  if (f.gasPrice === undefined) throw invalidParams('Gas price missing');
  if (f.maxFeePerGas !== undefined || f.maxPriorityFeePerGas !== undefined) throw invalidParams('EIP-1559 fees on a legacy transaction');
  return { gas: f.gas, nonce: f.nonce, gasPrice: f.gasPrice };
}
