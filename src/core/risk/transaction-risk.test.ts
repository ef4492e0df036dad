import { parseEther } from 'ethers';
import { describe, expect, it } from 'vitest';
import { transactionRisks, type TransactionRiskInput } from './transaction-risk';

const word = (hex: string) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
const MAX = 'f'.repeat(64);
const NOW = 1_700_000_000;
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ROUTER = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const BAYC = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
const ME = '0x1E227979f0b5BC691a70DEAed2e0F39a6F538FD5';
// May 2024 WBTC address-poisoning pair (SlowMist write-up).
const TARGET = '0xd9A1b0B1e1aE382DbDc898Ea68012FfcB2853a91';
const POISON = '0xd9A1C3788D81257612E2581A6ea0aDa244853a91';

const risks = (input: Partial<TransactionRiskInput>) =>
  transactionRisks({ value: 0n, knownAddresses: [ME, TARGET], nowSeconds: NOW, ...input });
const kinds = (input: Partial<TransactionRiskInput>) => risks(input).map((r) => `${r.kind}:${r.severity}`);

describe('transactionRisks — ERC-20 approvals', () => {
  it('flags MaxUint256 approve as unlimited, naming the spender', () => {
    const [r, ...rest] = risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${MAX}` });
    expect(rest).toEqual([]);
    expect(r).toEqual({
      kind: 'unlimited_approval',
      text: 'approve',
      severity: 'danger',
      message: `This approves ${ROUTER} to spend an unlimited amount of token ${USDC} from your wallet, now and later, without asking again.`,
      params: { spender: ROUTER, token: USDC, amount: 'unlimited' },
    });
  });

  it('treats anything from 2^255 as unlimited', () => {
    expect(kinds({ to: USDC, data: `0x095ea7b3${word(ROUTER)}8${'0'.repeat(63)}` })).toEqual(['unlimited_approval:danger']);
    expect(kinds({ to: USDC, data: `0x095ea7b3${word(ROUTER)}7${'f'.repeat(63)}` })).toEqual(['large_approval:warning']);
  });

  it('flags approvals of at least 10^30 raw units as large, naming spender and amount', () => {
    const [r] = risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${word((10n ** 30n).toString(16))}` });
    expect(r?.kind).toBe('large_approval');
    expect(r?.message).toContain(ROUTER);
    expect(r?.message).toContain('1000000000000000000000000000000 raw units');
    expect(r?.params).toEqual({ spender: ROUTER, token: USDC, amount: (10n ** 30n).toString() });
  });

  it('names the token and gives the amount in its units when the token is known', () => {
    const usdc = { symbol: 'USDC', decimals: 6 };
    const [u] = risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${MAX}`, token: usdc });
    expect(u?.message).toBe(`This approves ${ROUTER} to spend an unlimited amount of token USDC (${USDC}) from your wallet, now and later, without asking again.`);
    expect(u?.params).toEqual({ spender: ROUTER, token: USDC, amount: 'unlimited', symbol: 'USDC', decimals: '6' });
    const [l] = risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${word((10n ** 30n).toString(16))}`, token: usdc });
    expect(l?.message).toBe(`This approves ${ROUTER} to spend 1000000000000000000000000 of token USDC (${USDC}), a very large amount.`);
  });

  it('says nothing about a normal or zero (revoking) approve', () => {
    expect(risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${word('0xf4240')}` })).toEqual([]);
    expect(risks({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${word('0x0')}` })).toEqual([]);
  });

  it('treats increaseAllowance like approve', () => {
    const [r] = risks({ to: USDC, data: `0x39509351${word(ROUTER)}${MAX}` });
    expect(r?.kind).toBe('unlimited_approval');
    expect(r?.message).toBe(`This raises the amount ${ROUTER} may spend to an unlimited amount of token ${USDC} from your wallet, now and later, without asking again.`);
    expect(kinds({ to: USDC, data: `0x39509351${word(ROUTER)}${word((10n ** 31n).toString(16))}` })).toEqual(['large_approval:warning']);
  });

  it('is not fooled by dirty high bits in the spender word', () => {
    const dirty = `ffffffffffffffffffffffff${ROUTER.slice(2).toLowerCase()}`;
    expect(risks({ to: USDC, data: `0x095ea7b3${dirty}${MAX}` })[0]?.params?.spender).toBe(ROUTER);
  });
});

describe('transactionRisks — NFT and Permit2 approvals', () => {
  it('flags setApprovalForAll(operator, true), naming the operator', () => {
    const [r] = risks({ to: BAYC, data: `0xa22cb465${word(ROUTER)}${word('0x1')}` });
    expect(r).toMatchObject({ kind: 'set_approval_for_all', severity: 'danger', params: { operator: ROUTER, collection: BAYC } });
    expect(r?.message).toContain(ROUTER);
  });

  it('ignores setApprovalForAll(operator, false)', () => {
    expect(risks({ to: BAYC, data: `0xa22cb465${word(ROUTER)}${word('0x0')}` })).toEqual([]);
  });

  it('flags Permit2 approve; unlimited uint160 is a danger', () => {
    const [r] = risks({ to: PERMIT2, data: `0x87517c45${word(USDC)}${word(ROUTER)}${word('f'.repeat(40))}${word('f'.repeat(12))}` });
    expect(r).toEqual({
      kind: 'permit2',
      text: 'transaction',
      severity: 'danger',
      message: `This lets ${ROUTER} spend an unlimited amount of token ${USDC} from your wallet through Permit2 (${PERMIT2}), with no expiry.`,
      params: { spender: ROUTER, token: USDC, amount: 'unlimited', permit2: PERMIT2, expires: 'never', expiry: 'never' },
    });
  });

  it('words a bounded Permit2 approve as a warning with its expiry', () => {
    const [r] = risks({ to: PERMIT2, data: `0x87517c45${word(USDC)}${word(ROUTER)}${word('0x3e8')}${word((NOW + 3600).toString(16))}` });
    expect(r?.severity).toBe('warning');
    expect(r?.message).toContain('1000 raw units');
    expect(r?.message).toContain('until 2023-11-14');
    const [zero] = risks({ to: PERMIT2, data: `0x87517c45${word(USDC)}${word(ROUTER)}${word('0x3e8')}${word('0x0')}` });
    expect(zero?.message).toContain('for this block only');
  });
});

describe('transactionRisks — recipients', () => {
  it('flags a plain send to a look-alike of a known address', () => {
    const [r] = risks({ to: POISON, value: parseEther('1') });
    expect(r).toMatchObject({ kind: 'lookalike_address', severity: 'danger', params: { recipient: POISON, lookalikeOf: TARGET } });
    expect(r?.message).toContain(POISON);
    expect(r?.message).toContain(TARGET);
  });

  it('flags the to argument of an ERC-20 transfer (the WBTC case)', () => {
    const WBTC = '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599';
    expect(kinds({ to: WBTC, data: `0xa9059cbb${word(POISON)}${word('0x1ae42b4e00')}` })).toEqual(['lookalike_address:danger']);
  });

  it('also checks transferFrom / safeTransferFrom recipients', () => {
    expect(kinds({ to: BAYC, data: `0x42842e0e${word(ME)}${word(POISON)}${word('0x1')}` })).toEqual(['lookalike_address:danger']);
    expect(kinds({ to: USDC, data: `0x23b872dd${word(ME)}${word(POISON)}${word('0x1')}` })).toEqual(['lookalike_address:danger']);
  });

  it('does not check the token contract of a transfer, nor known recipients', () => {
    expect(risks({ to: POISON, data: `0xa9059cbb${word(TARGET)}${word('0x1')}` })).toEqual([]);
    expect(risks({ to: TARGET, value: 1n })).toEqual([]);
  });

  it('does not check the called contract of an unknown call', () => {
    expect(risks({ to: POISON, data: '0xdeadbeef' })).toEqual([]);
  });
});

describe('transactionRisks — balance and code', () => {
  it('flags value above balance', () => {
    const [r] = risks({ to: TARGET, value: parseEther('1.5'), balance: parseEther('0.2') });
    expect(r).toEqual({
      kind: 'value_exceeds_balance',
      text: 'balance',
      severity: 'warning',
      message: 'This sends 1.5 ETH but the account holds only 0.2 ETH, before fees. It will fail.',
      params: { value: parseEther('1.5').toString(), balance: parseEther('0.2').toString(), decimals: '18', symbol: 'ETH' },
    });
    expect(risks({ to: TARGET, value: 5n, balance: 5n, nativeSymbol: 'POL' })).toEqual([]);
    expect(risks({ to: TARGET, value: 6n, balance: 5n, nativeSymbol: 'POL' })[0]?.message).toContain('POL');
  });

  it('skips the balance check when the balance is unknown', () => {
    expect(risks({ to: TARGET, value: parseEther('1000') })).toEqual([]);
  });

  it('flags call data sent to an address without code', () => {
    expect(risks({ to: TARGET, data: '0xdeadbeef', toHasCode: false })).toEqual([
      {
        kind: 'contract_no_code',
        text: 'call',
        severity: 'warning',
        message: `${TARGET} has no contract code, so the call data sent to it will do nothing. If you expected a token or app contract, the address is wrong.`,
        params: { to: TARGET },
      },
    ]);
  });

  it('flags a plain send only when a contract was expected', () => {
    expect(risks({ to: TARGET, value: 1n, toHasCode: false })).toEqual([]);
    expect(kinds({ to: TARGET, value: 1n, toHasCode: false, expectsContract: true })).toEqual(['contract_no_code:warning']);
  });

  it('does not flag when code exists or is unknown, or for "0x" data', () => {
    expect(risks({ to: TARGET, data: '0xdeadbeef', toHasCode: true })).toEqual([]);
    expect(risks({ to: TARGET, data: '0xdeadbeef' })).toEqual([]);
    expect(risks({ to: TARGET, data: '0x', toHasCode: false })).toEqual([]);
  });
});

describe('transactionRisks — combined and edge cases', () => {
  it('reports several findings, dangers first', () => {
    expect(kinds({ to: USDC, data: `0x095ea7b3${word(ROUTER)}${MAX}`, toHasCode: false, value: 2n, balance: 1n })).toEqual([
      'unlimited_approval:danger',
      'value_exceeds_balance:warning',
      'contract_no_code:warning',
    ]);
  });

  it('never decodes contract-creation init code as a call', () => {
    expect(risks({ data: `0x095ea7b3${word(ROUTER)}${MAX}` })).toEqual([]);
  });

  it('tolerates garbage call data', () => {
    expect(risks({ to: USDC, data: '0x095ea7b3zz' })).toEqual([]);
    expect(risks({ to: USDC, data: '0x095ea7b3' })).toEqual([]);
  });
});
