import { Interface, getAddress } from 'ethers';
import { transactionRisks } from '../../../core/risk';
import { balanceOfData, decodeUint } from '../../../core/ethereum/erc20-metadata';
import { customFees, maxNativeAmount, staleReason, type CustomFeeProblem } from '../../../core/ethereum/send-fees';
import type { FeeFields } from '../../../core/ethereum/fee-history';
import { NodeRpcError, WalletError, walletError } from '../../../shared/errors';
import type { WarningView } from '../../../shared/approvals';
import type { InternalParams, SendQuote } from '../../../shared/messages';
import { formatUnits, parseUnits } from '../../../shared/units';
import type { HandlerContext } from '../../context';
import type { EthQuote } from '../../services/eth-quote-store';
import type { Unstamped } from '../../services/quote-store';
import { signAndBroadcast } from '../eth/broadcast';
import { feeMarket } from '../eth/fee-presets';
import type { InternalHandler } from './types';
import { budgetWarning, wouldExceed } from '../../../core/insights/spending';
import { warningView } from '../../../shared/warnings';
import { assetKey } from '../../services/spend-records';
import { spendRecords } from './insights';
import { clearSendDraft } from './send-draft';

const erc20 = new Interface(['function transfer(address to, uint256 value)']);
const hex = (n: bigint) => `0x${n.toString(16)}`;

/** A node's QUANTITY; garbage is the network's fault and says so. */
function quantity(x: unknown): bigint {
  if (typeof x === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(x)) return BigInt(x);
  throw walletError('rpc_unavailable', 'The network answered garbage.');
}

const asRpcError = (e: unknown) => (e instanceof WalletError && e.data?.reason ? e : walletError('rpc_unavailable', (e as Error).message));

// A revert of the estimate is an answer (the transfer would fail), not a broken network.
const REVERTED = 'reverted' as const;
const estimate = (ctx: HandlerContext, call: object, chainId: number) =>
  ctx.services.network.rpc('eth_estimateGas', [call], chainId).then(quantity, (e: unknown) => {
    if (e instanceof NodeRpcError) return REVERTED;
    throw e;
  });

/** Everything a send needs, checked: recipient (EIP-55), amount ("max" too), balance, gas, fees, risks. */
async function plan(ctx: HandlerContext, input: InternalParams<'send_quote'>) {
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
  const token = input.asset === 'eth' ? null : await tokens.find(net.chainId, input.asset);
  if (input.asset !== 'eth' && !token) throw walletError('unknown_token', 'Unknown token');
  const [balanceHex, tokenBal] = await Promise.all([
    network.rpc('eth_getBalance', [from, 'latest']),
    token ? network.rpc('eth_call', [{ to: token.address, data: balanceOfData(from) }, 'latest']).catch(() => null) : Promise.resolve(null),
  ]).catch((e: unknown) => {
    throw asRpcError(e);
  });
  const balance = quantity(balanceHex);
  const tokenBalance = token ? decodeUint(tokenBal) : null;
  const max = input.amount.trim().toLowerCase() === 'max';
  // Native "max": estimated with the whole balance; the fee is taken off once the user picks it.
  const amount = max ? (token ? tokenBalance : balance) : parseUnits(input.amount, token ? token.decimals : net.nativeDecimals);
  if (amount === null || amount <= 0n) {
    if (max) throw walletError(token ? 'insufficient_token' : 'insufficient_funds', 'There is nothing to send.', token ? { word: token.symbol } : undefined);
    throw walletError('invalid_amount', 'Enter an amount greater than zero, with at most the token’s decimals.');
  }
  const txTo = token ? token.address : to;
  const value = token ? 0n : amount;
  const data = token ? erc20.encodeFunctionData('transfer', [to, amount]) : null;
  const call = { from, to: txTo, value: hex(value), ...(data ? { data } : {}) };
  const [nonceHex, gas, market] = await Promise.all([network.rpc('eth_getTransactionCount', [from, 'pending']), estimate(ctx, call, net.chainId), feeMarket(network, net.chainId)]).catch((e: unknown) => {
    throw asRpcError(e);
  });
  if (token && tokenBalance !== null && tokenBalance < amount) {
    throw walletError('insufficient_token', `The amount is more than your ${token.symbol} balance.`, { word: token.symbol });
  }
  // More ETH than the balance still gets a review (with a danger warning) when the node estimates it; confirm refuses it.
  if (gas === REVERTED && !token && value > balance) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  if (gas === REVERTED) throw walletError('tx_would_fail', 'The network says this transaction would fail (the contract refused it). Nothing was sent.');
  // What a native max sends at the normal fee: the amount shown first, and the one risks and budgets look at.
  const shownValue = max && !token ? maxNativeAmount(balance, gas, market.presets.normal) : value;
  if (shownValue === null) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  const own = [...(await keyring.ethAddresses(keyring.accountIndexes(), (await settings.get()).btcNetwork)).values()];
  const known = [...own, ...(await activity.recentRecipients())].filter((a) => a.toLowerCase() !== to.toLowerCase());
  const warnings: WarningView[] = transactionRisks({ to: txTo, value: shownValue, ...(data ? { data } : {}), balance, knownAddresses: known, nativeSymbol: net.nativeSymbol }).map(warningView);
  const shownAmount = token ? amount : shownValue;
  const assetId = assetKey(net.chainId, token?.address);
  const budget = (await ctx.services.budgets.all())[assetId];
  if (wouldExceed(await spendRecords(ctx), assetId, shownAmount, budget, Date.now())) {
    warnings.push(warningView(budgetWarning(token ? token.symbol : net.nativeSymbol)));
  }
  const quote: Unstamped<Extract<EthQuote, { kind: 'send' }>> = {
    kind: 'send',
    account: index,
    chainId: net.chainId,
    from,
    txTo,
    value: value.toString(),
    max: max && !token,
    data,
    ...(token ? { token: { address: token.address, symbol: token.symbol, decimals: token.decimals, amount: amount.toString(), to } } : {}),
    gas: gas.toString(),
    nonce: Number(quantity(nonceHex)),
    balance: balance.toString(),
    baseFee: market.baseFee === null ? null : market.baseFee.toString(),
    presets: market.presets,
  };
  return { quote, to, net, token, shownAmount, warnings };
}

/** The review: kept in the background under a fresh id; the popup gets the view of it. */
export const sendQuote: InternalHandler<'send_quote'> = async (ctx, input) => {
  const p = await plan(ctx, input);
  const q = await ctx.services.ethQuotes.put(p.quote);
  if (q.kind !== 'send') throw walletError('internal', 'Unexpected quote');
  const fees = (s: 'slow' | 'normal' | 'fast') => ({ gas: q.gas, nonce: q.nonce, ...q.presets[s] });
  const view: SendQuote = {
    quoteId: q.id,
    expiresAt: ctx.services.ethQuotes.expiresAt(q),
    asset: p.token ? p.token.address : 'eth',
    from: q.from,
    to: p.to,
    amount: p.shownAmount.toString(),
    max: q.max,
    decimals: p.token ? p.token.decimals : p.net.nativeDecimals,
    symbol: p.token ? p.token.symbol : p.net.nativeSymbol,
    nativeSymbol: p.net.nativeSymbol,
    networkName: p.net.name,
    balance: q.balance,
    fees: { slow: fees('slow'), normal: fees('normal'), fast: fees('fast') },
    baseFee: q.baseFee,
    warnings: p.warnings,
  };
  return view;
};

const gwei = (wei: bigint) => formatUnits(wei, 9);

/** A custom fee's problem as the error the popup translates. */
export function customFeeError(p: CustomFeeProblem): WalletError {
  switch (p.reason) {
    case 'fee_invalid':
      return walletError('fee_invalid', 'Enter the max fee and the priority tip in gwei (numbers, at most 9 decimals).');
    case 'fee_tip_above_max':
      return walletError('fee_tip_above_max', 'The priority tip cannot be more than the max fee.');
    case 'fee_below_base':
      return walletError('fee_below_base', `The max fee is below the network's base fee (${gwei(p.baseFee)} gwei): it would never be mined.`, { word: gwei(p.baseFee) });
    case 'fee_absurd':
      return walletError('fee_absurd', `A max fee above ${gwei(p.limit)} gwei is far more than the network asks; check for a typo.`, { word: gwei(p.limit) });
  }
}

/** The fee the user chose on the review: a preset of the quote, or a custom one checked against the quote's market. */
function chosenFees(q: Extract<EthQuote, { kind: 'send' }>, input: InternalParams<'send_confirm'>): FeeFields {
  if (input.speed !== 'custom') return q.presets[input.speed];
  if (!input.custom) throw walletError('fee_invalid', 'Enter a custom fee.');
  const r = customFees(
    { maxFee: parseUnits(input.custom.maxFeeGwei, 9), tip: input.custom.tipGwei === undefined ? null : parseUnits(input.custom.tipGwei, 9) },
    { baseFee: q.baseFee === null ? null : BigInt(q.baseFee), fast: q.presets.fast },
  );
  if (!r.ok) throw customFeeError(r.problem);
  return r.fees;
}

const STALE_MESSAGES = {
  send_nonce_used: 'Another transaction from this account was sent after this review. Nothing was sent; review again.',
  send_balance_changed: 'Your balance changed after this review and no longer covers it. Nothing was sent; review again.',
  send_would_fail: 'The network now says this transaction would fail or need more gas than reviewed. Nothing was sent; review again.',
  send_fee_too_low: 'The network fee rose above the max fee you reviewed. Nothing was sent; review again.',
} as const;

/** Whether the chain still allows the reviewed transaction exactly as shown; throws a translated reason if not. */
async function checkStillSendable(ctx: HandlerContext, q: EthQuote, value: bigint, fees: FeeFields): Promise<void> {
  const { network } = ctx.services;
  const call = { from: q.from, to: q.txTo, value: hex(value), ...(q.data ? { data: q.data } : {}) };
  const [nonceHex, balanceHex, block, gasEstimate, tokenBal] = await Promise.all([
    network.rpc('eth_getTransactionCount', [q.from, 'pending'], q.chainId),
    network.rpc('eth_getBalance', [q.from, 'latest'], q.chainId),
    network.rpc('eth_getBlockByNumber', ['latest', false], q.chainId),
    estimate(ctx, call, q.chainId),
    q.token ? network.rpc('eth_call', [{ to: q.token.address, data: balanceOfData(q.from) }, 'latest'], q.chainId).catch(() => null) : Promise.resolve(null),
  ]).catch((e: unknown) => {
    throw asRpcError(e);
  });
  const baseFee = (block as { baseFeePerGas?: unknown } | null)?.baseFeePerGas;
  const reason = staleReason(
    { nonce: q.nonce, gas: BigInt(q.gas), value, fees, tokenAmount: q.token ? BigInt(q.token.amount) : null },
    {
      pendingNonce: Number(quantity(nonceHex)),
      balance: quantity(balanceHex),
      baseFee: baseFee === undefined ? null : quantity(baseFee),
      gasEstimate,
      tokenBalance: q.token ? decodeUint(tokenBal) : null,
    },
  );
  if (reason) throw walletError(reason, STALE_MESSAGES[reason], { count: q.nonce });
}

/**
 * Signs exactly the reviewed quote (same nonce, gas, recipient, value and data; the fee the user
 * picked on that review), once. A chain that moved so it cannot go out as shown is refused
 * with the reason; nothing is re-planned behind the user's back.
 */
export const sendConfirm: InternalHandler<'send_confirm'> = async (ctx, input) => {
  // A custom fee the user mistyped leaves the review usable; anything past this point uses it up.
  const reviewed = await ctx.services.ethQuotes.peek(input.quoteId);
  if (reviewed.kind !== 'send') throw walletError('invalid_params', 'Not a send review');
  const fees = chosenFees(reviewed, input);
  const q = await ctx.services.ethQuotes.take(input.quoteId);
  if (q.kind !== 'send') throw walletError('invalid_params', 'Not a send review');
  const value = q.max ? maxNativeAmount(BigInt(q.balance), BigInt(q.gas), fees) : BigInt(q.value);
  if (value === null) throw walletError('insufficient_funds', 'Not enough balance for the amount plus the network fee.');
  await checkStillSendable(ctx, q, value, fees);
  const hash = await signAndBroadcast(
    ctx,
    q.account,
    { from: q.from, to: q.txTo, value, data: q.data, fees: { gas: q.gas, nonce: q.nonce, ...fees }, chainId: q.chainId },
    { kind: 'send', origin: null, ...(q.token ? { token: q.token } : {}) },
  );
  await clearSendDraft(ctx);
  return { hash };
};
