import * as v from 'valibot';
import { transactionRisks } from '../../../core/risk';
import { decodeCall } from '../../../core/ethereum';
import { RPC, WalletError } from '../../../shared/errors';
import { warningView } from '../../../shared/warnings';
import type { TxFees } from '../../../shared/approvals';
import { permittedAccountIndex } from './accounts';
import { signAndBroadcast } from './broadcast';
import { parseTxRequest } from './tx-params';
import { prepareFees } from './tx-prepare';
import { invalidParams, type EthMethod } from './types';

const decimal = v.pipe(v.string(), v.regex(/^\d{1,78}$/));
const feesSchema = v.object({
  gas: decimal,
  nonce: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  maxFeePerGas: v.optional(decimal),
  maxPriorityFeePerGas: v.optional(decimal),
  gasPrice: v.optional(decimal),
});

/** The user may edit gas, fees and nonce on the approval screen; what comes back is checked again. */
function editedFees(proposed: TxFees, edited: TxFees | undefined): TxFees {
  if (!edited) return proposed;
  const r = v.safeParse(feesSchema, edited);
  if (!r.success) throw invalidParams('Edited fees are invalid');
  const f = r.output;
  if (proposed.maxFeePerGas !== undefined && (f.maxFeePerGas === undefined || f.maxPriorityFeePerGas === undefined)) throw invalidParams('EIP-1559 fees missing');
  if (f.maxFeePerGas !== undefined && f.maxPriorityFeePerGas !== undefined && BigInt(f.maxPriorityFeePerGas) > BigInt(f.maxFeePerGas)) {
    throw invalidParams('Priority fee above max fee');
  }
  return f;
}

export const ethSendTransaction: EthMethod = {
  access: 'connected',
  unlock: true,
  handle: async (ctx, params) => {
    const tx = parseTxRequest(params);
    const index = await permittedAccountIndex(ctx, tx.from);
    const { network, keyring, settings, approvals } = ctx.services;
    const net = await network.current();
    if (tx.chainId !== undefined && tx.chainId !== BigInt(net.chainId)) {
      throw invalidParams(`chainId ${tx.chainId} does not match the current chain ${net.chainId}`);
    }
    const [fees, balanceHex, code] = await Promise.all([
      prepareFees(network, tx),
      network.rpc('eth_getBalance', [tx.from, 'latest']),
      tx.to && tx.data ? network.rpc('eth_getCode', [tx.to, 'latest']) : Promise.resolve(null),
    ]);
    const balance = typeof balanceHex === 'string' ? BigInt(balanceHex) : 0n;
    const own = [...(await keyring.ethAddresses(keyring.accountIndexes(), (await settings.get()).btcNetwork)).values()];
    const warnings = transactionRisks({
      ...(tx.to ? { to: tx.to } : {}),
      value: tx.value,
      ...(tx.data ? { data: tx.data } : {}),
      balance,
      ...(code !== null ? { toHasCode: typeof code === 'string' && code !== '0x' } : {}),
      knownAddresses: [...own, ...(await ctx.services.activity.recentRecipients())].filter((a) => a.toLowerCase() !== tx.to?.toLowerCase()),
      nativeSymbol: net.nativeSymbol,
    });
    const decision = await approvals.request(
      ctx.key,
      ctx.origin,
      {
        kind: 'transaction',
        from: tx.from,
        to: tx.to,
        value: tx.value.toString(),
        data: tx.data,
        decoded: decodeCall(tx.data ?? undefined),
        chainId: net.chainId,
        networkName: net.name,
        nativeSymbol: net.nativeSymbol,
        balance: balance.toString(),
        fees,
      },
      warnings.map(warningView),
    );
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    const f = editedFees(fees, decision.fees);
    return signAndBroadcast(ctx, index, { from: tx.from, to: tx.to, value: tx.value, data: tx.data, fees: f, chainId: net.chainId }, { kind: 'dapp', origin: ctx.origin });
  },
};
