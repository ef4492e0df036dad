import { describe, expect, it } from 'vitest';
import { parseTypedData } from '../ethereum/typed-data';
import {
  DAI,
  MAIL,
  MAX_UINT160,
  MAX_UINT256,
  MAX_UINT48,
  PERMIT2_ADDRESS,
  SPENDER,
  USDC,
  WETH,
  daiPermit,
  eip2612Permit,
  permitBatch,
  permitSingle,
  permitTransferFrom,
} from '../ethereum/test-vectors';
import { typedDataRisks } from './typed-data-risk';

const NOW = 1_700_000_000; // 2023-11-14
const risks = (data: unknown) => typedDataRisks(parseTypedData(data, 1n), NOW);

describe('typedDataRisks — EIP-2612 permit', () => {
  it('flags an unlimited permit as a danger naming spender, token and deadline', () => {
    expect(risks(eip2612Permit())).toEqual([
      {
        kind: 'permit',
        text: 'amount',
        severity: 'danger',
        message: `Signing this permit lets ${SPENDER} spend an unlimited amount of USD Coin (${USDC}) from your wallet without another confirmation; the signature is valid until 2030-01-01 (far in the future).`,
        params: { spender: SPENDER, token: USDC, tokenName: 'USD Coin', amount: 'unlimited', expires: '2030-01-01T00:00:00.000Z', expiry: 'far' },
      },
    ]);
  });

  it('gives a bounded permit as a warning with the amount', () => {
    const [r] = risks(eip2612Permit('1000000', String(NOW + 600)));
    expect(r?.severity).toBe('warning');
    expect(r?.message).toContain('1000000 raw units of USD Coin');
    expect(r?.message).toContain('until 2023-11-14');
    expect(r?.message).not.toContain('far in the future');
  });

  it('ignores a zero-value permit', () => {
    expect(risks(eip2612Permit('0'))).toEqual([]);
  });

  it('flags 2^255 as unlimited', () => {
    expect(risks(eip2612Permit((2n ** 255n).toString()))[0]?.severity).toBe('danger');
  });
});

describe('typedDataRisks — DAI permit', () => {
  it('flags allowed=true as unlimited, with no expiry for expiry 0', () => {
    expect(risks(daiPermit(true, 0))).toEqual([
      {
        kind: 'permit',
        text: 'unlimited',
        severity: 'danger',
        message: `Signing this permit lets ${SPENDER} spend an unlimited amount of Dai Stablecoin (${DAI}) from your wallet without another confirmation, with no expiry.`,
        params: { spender: SPENDER, token: DAI, tokenName: 'Dai Stablecoin', amount: 'unlimited', expires: 'never', expiry: 'never' },
      },
    ]);
  });

  it('ignores allowed=false (a revocation)', () => {
    expect(risks(daiPermit(false, 1893456000))).toEqual([]);
  });
});

describe('typedDataRisks — EIP-4494 NFT permit', () => {
  it('names the spender and token id', () => {
    const data = {
      types: {
        Permit: [
          { name: 'spender', type: 'address' },
          { name: 'tokenId', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      domain: { name: 'Bored Ape Yacht Club', chainId: 1, verifyingContract: '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D' },
      message: { spender: SPENDER, tokenId: 42, nonce: 0, deadline: NOW + 60 },
    };
    const [r] = risks(data);
    expect(r).toMatchObject({ kind: 'permit', severity: 'warning', params: { spender: SPENDER, tokenId: '42' } });
    expect(r?.message).toContain('NFT #42 of Bored Ape Yacht Club');
  });
});

describe('typedDataRisks — Permit2', () => {
  it('PermitSingle with max uint160 is an unlimited danger', () => {
    expect(risks(permitSingle())).toEqual([
      {
        kind: 'permit2',
        text: 'allowance',
        severity: 'danger',
        message: `Signing this lets ${SPENDER} spend an unlimited amount of token ${USDC} from your wallet through Permit2 (${PERMIT2_ADDRESS}), until 2030-01-01 (far in the future).`,
        params: { spender: SPENDER, token: USDC, amount: 'unlimited', permit2: PERMIT2_ADDRESS, expires: '2030-01-01T00:00:00.000Z', expiry: 'far' },
      },
    ]);
  });

  it('PermitSingle with a bounded amount is a warning; max uint48 expiration never expires', () => {
    const [r] = risks(permitSingle('5000000', MAX_UINT48));
    expect(r?.severity).toBe('warning');
    expect(r?.message).toContain('5000000 raw units');
    expect(r?.message).toContain('with no expiry');
    expect(r?.params?.expires).toBe('never');
  });

  it('PermitSingle with expiration 0 is valid for the current block only', () => {
    expect(risks(permitSingle('5', '0'))[0]?.message).toContain('for this block only');
  });

  it('PermitBatch gives one warning per token', () => {
    const rs = risks(
      permitBatch([
        { token: USDC, amount: '100', expiration: String(NOW + 60) },
        { token: WETH, amount: MAX_UINT160, expiration: '1893456000' },
        { token: DAI, amount: '0', expiration: '1893456000' },
      ]),
    );
    expect(rs.map((r) => [r.severity, r.params?.token, r.params?.amount])).toEqual([
      ['danger', WETH, 'unlimited'],
      ['warning', USDC, '100'],
    ]);
  });

  it('PermitTransferFrom names the one-off transfer and signature deadline', () => {
    const [r] = risks(permitTransferFrom({ token: USDC, amount: '100' }, { deadline: String(NOW + 1800) }));
    expect(r).toMatchObject({ kind: 'permit2', severity: 'warning', params: { spender: SPENDER, token: USDC, amount: '100' } });
    expect(r?.message).toBe(
      `Signing this lets ${SPENDER} transfer 100 raw units of token ${USDC} out of your wallet through Permit2 (${PERMIT2_ADDRESS}), once; the signature is valid until 2023-11-14.`,
    );
  });

  it('PermitTransferFrom uses the uint256 threshold', () => {
    expect(risks(permitTransferFrom({ token: USDC, amount: MAX_UINT160 }))[0]?.severity).toBe('warning');
    expect(risks(permitTransferFrom({ token: USDC, amount: MAX_UINT256 }))[0]?.severity).toBe('danger');
  });

  it('PermitBatchTransferFrom and witness variants are covered', () => {
    const witness = { typeName: 'Order', fields: [{ name: 'id', type: 'uint256' }], value: { id: 1 } };
    expect(risks(permitTransferFrom([{ token: USDC, amount: '1' }, { token: DAI, amount: MAX_UINT256 }])).map((r) => r.params?.token)).toEqual([DAI, USDC]);
    expect(risks(permitTransferFrom({ token: USDC, amount: '1' }, { witness }))[0]?.kind).toBe('permit2');
    expect(risks(permitTransferFrom([{ token: WETH, amount: '1' }], { witness }))[0]?.params?.token).toBe(WETH);
  });
});

describe('typedDataRisks — everything else', () => {
  it('has nothing to say about a plain message', () => {
    expect(risks(MAIL)).toEqual([]);
  });

  it('ignores a Permit without a spender address', () => {
    const data = {
      types: { Permit: [{ name: 'value', type: 'uint256' }] },
      primaryType: 'Permit',
      domain: { name: 'X', chainId: 1 },
      message: { value: MAX_UINT256 },
    };
    expect(risks(data)).toEqual([]);
  });

  it('defaults the clock to now', () => {
    expect(typedDataRisks(parseTypedData(eip2612Permit(), 1n))[0]?.kind).toBe('permit');
  });
});
