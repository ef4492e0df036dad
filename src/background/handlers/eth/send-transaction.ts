import { transactionRisks } from '../../../core/risk';
import { decodeCall } from '../../../core/ethereum';
import { RPC, WalletError } from '../../../shared/errors';
import { warningView } from '../../../shared/warnings';
import type { ProviderContext } from '../../context';
import { defineMethod } from '../provider-method';
import { permittedAccountIndex } from './accounts';
import { signAndBroadcast } from './broadcast';
import { decodedCallView } from './token-amount-view';
import { requireChain } from './current-chain';
import { editedFees } from './edited-fees';
import { parseTxRequest, type TxRequest } from './tx-params';
import { prepareFees } from './tx-prepare';

/** Shows the transaction with its risks and fees, then signs and broadcasts what the user approved. */
export async function sendTransaction(ctx: ProviderContext, tx: TxRequest): Promise<string> {
  const index = await permittedAccountIndex(ctx, tx.from);
  const { network, keyring, settings, approvals } = ctx.services;
  const net = await network.current();
  if (tx.chainId !== undefined) await requireChain(ctx, tx.chainId);
  const [fees, balanceHex, code, decoded] = await Promise.all([
    prepareFees(network, tx),
    network.rpc('eth_getBalance', [tx.from, 'latest']),
    tx.to && tx.data ? network.rpc('eth_getCode', [tx.to, 'latest']) : Promise.resolve(null),
    decodedCallView(ctx, net, tx.to, tx.from, decodeCall(tx.data ?? undefined)),
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
    ...(decoded?.amount?.token ? { token: decoded.amount.token } : {}),
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
      decoded,
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
}

export const ethSendTransaction = defineMethod({
  access: 'connected',
  unlock: true,
  parse: async (params, ctx) => {
    const tx = parseTxRequest(params);
    if (tx.chainId !== undefined) await requireChain(ctx, tx.chainId);
    return tx;
  },
  handle: sendTransaction,
});
