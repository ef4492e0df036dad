import { describe, expect, it } from 'vitest';
import { incomingFilter, parseIncoming, TRANSFER_TOPIC, MAX_INCOMING } from './transfer-logs';

const ME = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const TOKEN = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'TST', decimals: 6 };
const word = (hex: string) => `0x${hex.replace(/^0x/, '').toLowerCase().padStart(64, '0')}`;
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

function log(over: Record<string, unknown> = {}) {
  return {
    address: TOKEN.address.toLowerCase(),
    topics: [TRANSFER_TOPIC, word(OTHER), word(ME)],
    data: word('0x3b9aca00'), // 1000 × 10^6
    transactionHash: hash(1),
    blockNumber: '0x10',
    logIndex: '0x0',
    ...over,
  };
}

describe('incoming ERC-20 transfers from Transfer logs', () => {
  it('asks for all tokens at once, to the account, over a bounded range', () => {
    expect(incomingFilter([TOKEN], ME, 5000)).toEqual({
      address: [TOKEN.address.toLowerCase()],
      topics: [TRANSFER_TOPIC, null, word(ME)],
      fromBlock: `0x${(5000 - 2000 + 1).toString(16)}`,
      toBlock: `0x${(5000).toString(16)}`,
    });
    expect(incomingFilter([TOKEN], ME, 10)?.fromBlock).toBe('0x0');
    expect(incomingFilter([], ME, 10)).toBeNull();
  });

  it('parses a transfer', () => {
    expect(parseIncoming([log()], [TOKEN], ME)).toEqual([{ hash: hash(1), blockNumber: 16, logIndex: 0, token: TOKEN, from: OTHER, amount: '1000000000' }]);
  });

  it('drops what is not a transfer of a known token to me, and garbage', () => {
    const bad = [
      log({ address: OTHER }), // unknown token
      log({ topics: [TRANSFER_TOPIC, word(ME), word(OTHER)] }), // outgoing
      log({ topics: [word('0x1234'), word(OTHER), word(ME)] }), // another event
      log({ topics: [TRANSFER_TOPIC, word(OTHER), word(ME), word('0x01')] }), // ERC-721 Transfer (tokenId indexed)
      log({ data: '0x' }),
      log({ data: word('0x0') }), // zero-value poisoning
      log({ removed: true }),
      log({ blockNumber: 'soon' }),
      log({ transactionHash: '0x12' }),
      null,
      'x',
      42,
    ];
    expect(parseIncoming(bad, [TOKEN], ME)).toEqual([]);
    expect(parseIncoming({ not: 'an array' }, [TOKEN], ME)).toEqual([]);
  });

  it('newest first, bounded', () => {
    const many = Array.from({ length: MAX_INCOMING + 5 }, (_, i) => log({ transactionHash: hash(i + 1), blockNumber: `0x${(i + 1).toString(16)}` }));
    const out = parseIncoming(many, [TOKEN], ME);
    expect(out).toHaveLength(MAX_INCOMING);
    expect(out[0]!.blockNumber).toBe(MAX_INCOMING + 5);
  });
});
