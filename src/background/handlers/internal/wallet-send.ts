import { Interface, getAddress } from 'ethers';
import { transactionRisks } from '../../../core/risk';
import { balanceOfData, decodeUint } from '../../../core/ethereum/erc20-metadata';
import { NodeRpcError, WalletError, walletError } from '../../../shared/errors';
import type { TxFees, WarningView } from '../../../shared/approvals';
import type { SendQuote } from '../../../shared/messages';
import { parseUnits } from '../../../shared/units';
import type { HandlerContext } from '../../context';
import { signAndBroadcast } from '../eth/broadcast';
import { feePresets, type Speed } from '../eth/fee-presets';
import type { InternalHandler } from './types';
import { budgetWarning, wouldExceed } from '../../../core/insights/spending';
import { warningView } from '../../../shared/warnings';
import { assetKey } from '../../services/spend-records';
import { spendRecords } from './insights';

const erc20 = new Interface(['function transfer(address to, uint256 value)']);

/** A node's QUANTITY; garbage is the network's fault and says so. */
function quantity(x: unknown): bigint {
  if (typeof x === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(x)) return BigInt(x);
  throw walletError('rpc_unavailable', 'The network answered garbage.');
}

interface SendInput {
  asset: string;
  to: string;
  amount: string;
}

/** Everything a send needs, checked: recipient (EIP-55), amount, balance, gas, fees, risks. */
async function plan(ctx: HandlerContext, input: SendInput) {
  const { keyring, settings, network, tokens, activity } = ctx.services;
  let to: string;
  try {
    to = getAddress(input.to.trim());
  } catch {
    throw walletError('invalid_address', 'That is not a valid Ethereum address (or its checksum is wrong).');
  }
  const net = await network.current();
  const index = await settings.getSelectedAccount();
  const from = (await keyring.ethAddresses([index], (await settings.get()).btcNetwork)).get(index);
  if (!from) throw walletError('unknown_account', 'No account selected');
  const token = input.asset === 'eth' ? null : (await tokens.list(net.chainId)).find((t) => t.address.toLowerCase() === input.asset.toLowerCase());
  if (input.asset !== 'eth' && !token) throw walletError('unknown_token', 'Unknown token');
  const decimals = token ? token.decimals : net.nativeDecimals;
  const amount = parseUnits(input.amount, decimals);
  if (amount === null || amount <= 0n) throw walletError('invalid_amount', 'Enter an amount greater than zero, with at most the token’s decimals.');
  const txTo = token ? token.address : to;
  const value = token ? 0n : amount;
  const data = token ? erc20.encodeFunctionData('transfer', [to, amount]) : null;
  const call = { from, to: txTo, value: `0x${value.toString(16)}`, ...(data ? { data } : {}) };
  // A revert of the estimate is an answer (the transfer would fail), not a broken network.
  const REVERTED = Symbol('reverted');
  const [nonceHex, gasHex, balanceHex, tokenBal, presets] = await Promise.all([
    network.rpc('eth_getTransactionCount', [from, 'pending']),
    network.rpc('eth_estimateGas', [call]).catch((e: unknown) => {
      if (e instanceof NodeRpcError) return REVERTED;
      throw e;
    }),
    network.rpc('eth_getBalance', [from, 'latest']),
    token ? network.rpc('eth_call', [{ to: token.address, data: balanceOfData(from) }, 'latest']).catch(() => null) : Promise.resolve(null),
    feePresets(network, net.chainId),
  ]).catch((e: unknown) => {
    throw e instanceof WalletError && e.data?.reason ? e : walletError('rpc_unavailable', (e as Error).message);
  });
  const balance = quantity(balanceHex);
  const tokenBalance = token ? decodeUint(tokenBal) : null;
  if (token && tokenBalance !== null && tokenBalance < amount) {
    throw walletError('insufficient_token', `The amount is more than your ${token.symbol} balance.`, { word: token.symbol });
  }
  // More ETH than the balance still gets a review (with a danger warning) when the node estimates it; confirm refuses it.
  if (gasHex === REVERTED && !token && value > balance) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  if (gasHex === REVERTED) throw walletError('tx_would_fail', 'The network says this transaction would fail (the contract refused it). Nothing was sent.');
  const gas = quantity(gasHex);
  const own = [...(await keyring.ethAddresses(keyring.accountIndexes(), (await settings.get()).btcNetwork)).values()];
  const known = [...own, ...(await activity.recentRecipients())].filter((a) => a.toLowerCase() !== to.toLowerCase());
  const warnings: WarningView[] = transactionRisks({ to: txTo, value, ...(data ? { data } : {}), balance, knownAddresses: known, nativeSymbol: net.nativeSymbol }).map(warningView);
  const assetId = assetKey(net.chainId, token?.address);
  const budget = (await ctx.services.budgets.all())[assetId];
  if (wouldExceed(await spendRecords(ctx), assetId, amount, budget, Date.now())) {
    warnings.push(warningView(budgetWarning(token ? token.symbol : net.nativeSymbol)));
  }
  return { index, from, to, txTo, value, data, token, amount, net, gas, nonce: Number(quantity(nonceHex)), balance, presets, warnings };
}

function feesFor(p: Awaited<ReturnType<typeof plan>>, speed: Speed): TxFees {
  return { gas: p.gas.toString(), nonce: p.nonce, ...p.presets[speed] };
}

export const sendQuote: InternalHandler<'send_quote'> = async (ctx, input) => {
  const p = await plan(ctx, input);
  const quote: SendQuote = {
    from: p.from,
    to: p.to,
    amount: p.amount.toString(),
    decimals: p.token ? p.token.decimals : p.net.nativeDecimals,
    symbol: p.token ? p.token.symbol : p.net.nativeSymbol,
    nativeSymbol: p.net.nativeSymbol,
    networkName: p.net.name,
    balance: p.balance.toString(),
    fees: { slow: feesFor(p, 'slow'), normal: feesFor(p, 'normal'), fast: feesFor(p, 'fast') },
    warnings: p.warnings,
  };
  return quote;
};

export const sendConfirm: InternalHandler<'send_confirm'> = async (ctx, input) => {
  const p = await plan(ctx, input);
  const fees = feesFor(p, input.speed);
  const cost = p.value + p.gas * BigInt(fees.maxFeePerGas ?? fees.gasPrice ?? '0');
  if (cost > p.balance) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  const hash = await signAndBroadcast(
    ctx,
    p.index,
    { from: p.from, to: p.txTo, value: p.value, data: p.data, fees, chainId: p.net.chainId },
    {
      kind: 'send',
      origin: null,
      ...(p.token ? { token: { address: p.token.address, symbol: p.token.symbol, decimals: p.token.decimals, amount: p.amount.toString(), to: p.to } } : {}),
    },
  );
  return { hash };
};
