// Local checks on an eth_sendTransaction before the user approves it: token
// approvals (ERC-20, NFT operator, Permit2), recipient look-alikes, value
// above balance, and call data sent to an address without code.
import { formatUnits } from '../../shared/units';
import { callArg, decodeCall, tokenAmountArg, type DecodedCall } from '../ethereum/calldata';
import { amountParam, amountText, expiry, expiryParams, isUnlimited, LARGE_AMOUNT, THIS_BLOCK } from './amounts';
import { findLookalike, lookalikeWarning } from './lookalike';
import { sortRisks, type RiskWarning } from './types';

export interface TransactionRiskInput {
  /** Recipient / called contract; absent for contract creation. */
  to?: string;
  value: bigint;
  data?: string;
  /** Sender's native balance, when known. */
  balance?: bigint;
  /** Result of eth_getCode on `to` (false = no code), when known. */
  toHasCode?: boolean;
  /** The caller knows `to` must be a contract (e.g. a token send from our own UI). */
  expectsContract?: boolean;
  /** The user's own addresses and recent recipients. */
  knownAddresses: string[];
  /** Native currency symbol for messages (default ETH). */
  nativeSymbol?: string;
  /** What `to` is as a token (token list or the contract's own answer), when known: names approvals. */
  token?: { symbol: string; decimals: number };
  /** Clock for expiry wording (unix seconds); defaults to now. */
  nowSeconds?: number;
}

const SEL = {
  transfer: '0xa9059cbb',
  approve: '0x095ea7b3',
  transferFrom: '0x23b872dd',
  increaseAllowance: '0x39509351',
  setApprovalForAll: '0xa22cb465',
  safeTransferFrom: '0x42842e0e',
  permit2Approve: '0x87517c45',
} as const;

function hasData(data: string | undefined): data is string {
  return typeof data === 'string' && data !== '' && data !== '0x';
}

function approvalRisks(call: DecodedCall, token: string, meta: TransactionRiskInput['token']): RiskWarning[] {
  const spender = callArg(call, 'spender') ?? '';
  const raw = callArg(call, tokenAmountArg(call) ?? '') ?? '0';
  const amount = BigInt(raw);
  const params = { spender, token, amount: amountParam(amount), ...(meta ? { symbol: meta.symbol, decimals: String(meta.decimals) } : {}) };
  const named = meta ? `${meta.symbol} (${token})` : token;
  const raises = call.selector === SEL.increaseAllowance;
  const text = raises ? 'increase' : 'approve';
  const what = raises ? `This raises the amount ${spender} may spend` : `This approves ${spender} to spend`;
  if (isUnlimited(amount)) {
    return [
      {
        kind: 'unlimited_approval',
        text,
        severity: 'danger',
        message: `${what} ${raises ? 'to ' : ''}an unlimited amount of token ${named} from your wallet, now and later, without asking again.`,
        params,
      },
    ];
  }
  if (amount >= LARGE_AMOUNT) {
    const size = meta ? formatUnits(amount, meta.decimals) : `${amount} raw units`;
    return [
      {
        kind: 'large_approval',
        text,
        severity: 'warning',
        message: `${what} ${raises ? 'by ' : ''}${size} of token ${named}, a very large amount.`,
        params,
      },
    ];
  }
  return [];
}

function callRisks(call: DecodedCall, to: string, nowSeconds: number, meta: TransactionRiskInput['token']): RiskWarning[] {
  switch (call.selector) {
    case SEL.approve:
    case SEL.increaseAllowance:
      return approvalRisks(call, to, meta);
    case SEL.setApprovalForAll: {
      if (callArg(call, 'approved') !== 'true') return [];
      const operator = callArg(call, 'operator') ?? '';
      return [
        {
          kind: 'set_approval_for_all',
          text: 'operator',
          severity: 'danger',
          message: `This gives ${operator} control of all your NFTs in collection ${to}: it can transfer any of them without asking again.`,
          params: { operator, collection: to },
        },
      ];
    }
    case SEL.permit2Approve: {
      const token = callArg(call, 'token') ?? '';
      const spender = callArg(call, 'spender') ?? '';
      const amount = BigInt(callArg(call, 'amount') ?? '0');
      const exp = BigInt(callArg(call, 'expiration') ?? '0');
      const until = exp === 0n ? THIS_BLOCK : expiry(exp, nowSeconds);
      return [
        {
          kind: 'permit2',
          text: 'transaction',
          severity: isUnlimited(amount, 'uint160') ? 'danger' : 'warning',
          message: `This lets ${spender} spend ${amountText(amount, 'uint160')} of token ${token} from your wallet through Permit2 (${to}), ${until.text}.`,
          params: { spender, token, amount: amountParam(amount, 'uint160'), permit2: to, ...expiryParams(until) },
        },
      ];
    }
    default:
      return [];
  }
}

/** The address that receives value: `to` of a plain send, or the `to` argument of a token transfer. */
function recipientOf(input: TransactionRiskInput, call: DecodedCall | null): string | undefined {
  if (!hasData(input.data)) return input.to;
  if (call && (call.selector === SEL.transfer || call.selector === SEL.transferFrom || call.selector === SEL.safeTransferFrom)) {
    return callArg(call, 'to');
  }
  return undefined;
}

export function transactionRisks(input: TransactionRiskInput): RiskWarning[] {
  const risks: RiskWarning[] = [];
  const nowSeconds = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  // Without `to` the data is init code, not a call: never decode it as one.
  const call = input.to && hasData(input.data) ? decodeCall(input.data) : null;
  if (call && input.to) risks.push(...callRisks(call, input.to, nowSeconds, input.token));

  const recipient = recipientOf(input, call);
  if (recipient) {
    const known = findLookalike(recipient, input.knownAddresses);
    if (known) risks.push(lookalikeWarning(recipient, known));
  }

  if (input.balance !== undefined && input.value > input.balance) {
    const symbol = input.nativeSymbol ?? 'ETH';
    risks.push({
      kind: 'value_exceeds_balance',
      text: 'balance',
      severity: 'warning',
      message: `This sends ${formatUnits(input.value, 18)} ${symbol} but the account holds only ${formatUnits(input.balance, 18)} ${symbol}, before fees. It will fail.`,
      params: { value: input.value.toString(), balance: input.balance.toString(), decimals: '18', symbol },
    });
  }

  if (input.to && input.toHasCode === false && (hasData(input.data) || input.expectsContract === true)) {
    risks.push({
      kind: 'contract_no_code',
      text: hasData(input.data) ? 'call' : 'expected',
      severity: 'warning',
      message: hasData(input.data)
        ? `${input.to} has no contract code, so the call data sent to it will do nothing. If you expected a token or app contract, the address is wrong.`
        : `${input.to} is not a contract, but a contract was expected here. Check the address.`,
      params: { to: input.to },
    });
  }
  return sortRisks(risks);
}
