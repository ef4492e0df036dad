// Incoming ERC-20 transfers from Transfer(address,address,uint256) logs: one eth_getLogs for
// every known token of the chain, to one account, over a bounded block range.
import { getAddress } from 'ethers';

/** keccak256("Transfer(address,address,uint256)") */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** Blocks looked back: small enough for public RPCs' getLogs limits, a few hours on L1. */
export const INCOMING_WINDOW_BLOCKS = 2000;
export const MAX_INCOMING = 50;

export interface KnownToken {
  address: string;
  symbol: string;
  decimals: number;
}

export interface IncomingTransfer {
  hash: string;
  blockNumber: number;
  logIndex: number;
  token: KnownToken;
  from: string; // checksummed
  amount: string; // base units
}

const topicOf = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;
const WORD = /^0x[0-9a-fA-F]{64}$/;
const HASH = WORD;

/** The eth_getLogs filter; null when there is no token to ask about. */
export function incomingFilter(tokens: KnownToken[], account: string, head: number, window = INCOMING_WINDOW_BLOCKS) {
  if (tokens.length === 0) return null;
  const from = Math.max(0, head - window + 1);
  return {
    address: tokens.map((t) => t.address.toLowerCase()),
    topics: [TRANSFER_TOPIC, null, topicOf(account)],
    fromBlock: `0x${from.toString(16)}`,
    toBlock: `0x${head.toString(16)}`,
  };
}

function quantity(x: unknown): number | null {
  return typeof x === 'string' && /^0x[0-9a-fA-F]{1,12}$/.test(x) ? Number.parseInt(x.slice(2), 16) : null;
}

/**
 * Keeps the logs that really are Transfers of a known token to the account (a node may send
 * anything), newest first, at most MAX_INCOMING; removed (re-orged) logs are dropped.
 */
export function parseIncoming(logs: unknown, tokens: KnownToken[], account: string): IncomingTransfer[] {
  if (!Array.isArray(logs)) return [];
  const byAddress = new Map(tokens.map((t) => [t.address.toLowerCase(), t]));
  const me = topicOf(account);
  const out: IncomingTransfer[] = [];
  for (const raw of logs as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const l = raw as { address?: unknown; topics?: unknown; data?: unknown; transactionHash?: unknown; blockNumber?: unknown; logIndex?: unknown; removed?: unknown };
    const token = typeof l.address === 'string' ? byAddress.get(l.address.toLowerCase()) : undefined;
    const topics = Array.isArray(l.topics) ? (l.topics as unknown[]) : [];
    const block = quantity(l.blockNumber);
    const index = quantity(l.logIndex);
    if (!token || l.removed === true || topics.length !== 3 || block === null || index === null) continue;
    if (String(topics[0]).toLowerCase() !== TRANSFER_TOPIC || String(topics[2]).toLowerCase() !== me) continue;
    if (typeof topics[1] !== 'string' || !WORD.test(topics[1]) || typeof l.data !== 'string' || !WORD.test(l.data)) continue;
    if (typeof l.transactionHash !== 'string' || !HASH.test(l.transactionHash)) continue;
    const amount = BigInt(l.data);
    if (amount === 0n) continue; // zero-value transfers are a known address-poisoning trick
    out.push({ hash: l.transactionHash, blockNumber: block, logIndex: index, token, from: getAddress(`0x${topics[1].slice(26)}`), amount: amount.toString() });
  }
  out.sort((a, b) => b.blockNumber - a.blockNumber || b.logIndex - a.logIndex);
  return out.slice(0, MAX_INCOMING);
}
