// Typed-data fixtures shared by the ethereum and risk tests (not used at
// runtime). Provenance is noted on each; hashes are asserted in the tests.

const MAIL_DOMAIN_TYPE = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

/** EIP-712 spec example, ethereum/EIPs assets/eip-712/Example.js (current version). */
export const MAIL = {
  types: {
    EIP712Domain: MAIL_DOMAIN_TYPE,
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};
export const MAIL_HASH = '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2';
/** Example.js: signature of MAIL_HASH with keccak256("cow"). */
export const MAIL_SIGNATURE = {
  v: 28,
  r: '0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d',
  s: '0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562',
};

/**
 * MetaMask eth-sig-util test "signedTypeData_v4": arrays of structs and of
 * addresses, plus an unused type (Group) that a wallet must ignore.
 */
export const MAIL_ARRAYS = {
  types: {
    EIP712Domain: MAIL_DOMAIN_TYPE,
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallets', type: 'address[]' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
    ],
    Group: [
      { name: 'name', type: 'string' },
      { name: 'members', type: 'Person[]' },
    ],
  },
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  primaryType: 'Mail',
  message: {
    from: {
      name: 'Cow',
      wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', '0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF'],
    },
    to: [
      {
        name: 'Bob',
        wallets: [
          '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB',
          '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57',
          '0xB0B0b0b0b0b0B000000000000000000000000000',
        ],
      },
    ],
    contents: 'Hello, Bob!',
  },
};
export const MAIL_ARRAYS_HASH = '0xa85c2e2b118698e88db68a8105b794a8cc7cec074e89ef991cb4f5f533819cc2';
export const MAIL_ARRAYS_SIGNATURE =
  '0x65cbd956f2fae28a601bebc9b906cea0191744bd4c4247bcd27cd08f8eb6b71c78efdf7a31dc9abee78f492292721f362d296cf86b4538e07b51303b67f749061b';

export const MAX_UINT256 = (2n ** 256n - 1n).toString();
export const MAX_UINT160 = (2n ** 160n - 1n).toString();
export const MAX_UINT48 = (2n ** 48n - 1n).toString();

export const PERMIT2_ADDRESS = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
export const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
export const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
export const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
export const OWNER = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826';
export const SPENDER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD'; // Uniswap Universal Router

const EIP2612_DOMAIN_TYPE = MAIL_DOMAIN_TYPE;

/** EIP-2612 permit as USDC (FiatTokenV2) asks for it: unlimited value. */
export function eip2612Permit(value: string = MAX_UINT256, deadline = '1893456000') {
  return {
    types: {
      EIP712Domain: EIP2612_DOMAIN_TYPE,
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: USDC },
    message: { owner: OWNER, spender: SPENDER, value, nonce: 0, deadline },
  };
}

/** DAI's pre-2612 permit (holder/spender/nonce/expiry/allowed). */
export function daiPermit(allowed = true, expiry = 0) {
  return {
    types: {
      EIP712Domain: EIP2612_DOMAIN_TYPE,
      Permit: [
        { name: 'holder', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'nonce', type: 'uint256' },
        { name: 'expiry', type: 'uint256' },
        { name: 'allowed', type: 'bool' },
      ],
    },
    primaryType: 'Permit',
    domain: { name: 'Dai Stablecoin', version: '1', chainId: 1, verifyingContract: DAI },
    message: { holder: OWNER, spender: SPENDER, nonce: 0, expiry, allowed },
  };
}

const PERMIT2_DOMAIN_TYPE = [
  { name: 'name', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];
const PERMIT_DETAILS = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint160' },
  { name: 'expiration', type: 'uint48' },
  { name: 'nonce', type: 'uint48' },
];
const TOKEN_PERMISSIONS = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint256' },
];
const permit2Domain = (verifyingContract = PERMIT2_ADDRESS) => ({ name: 'Permit2', chainId: 1, verifyingContract });

/** Uniswap Permit2 AllowanceTransfer PermitSingle (types as in Uniswap/permit2-sdk). */
export function permitSingle(amount: string = MAX_UINT160, expiration = '1893456000', verifyingContract?: string) {
  return {
    types: {
      EIP712Domain: PERMIT2_DOMAIN_TYPE,
      PermitSingle: [
        { name: 'details', type: 'PermitDetails' },
        { name: 'spender', type: 'address' },
        { name: 'sigDeadline', type: 'uint256' },
      ],
      PermitDetails: PERMIT_DETAILS,
    },
    primaryType: 'PermitSingle',
    domain: permit2Domain(verifyingContract),
    message: { details: { token: USDC, amount, expiration, nonce: 0 }, spender: SPENDER, sigDeadline: '1700000000' },
  };
}

export function permitBatch(details: { token: string; amount: string; expiration: string }[], verifyingContract?: string) {
  return {
    types: {
      EIP712Domain: PERMIT2_DOMAIN_TYPE,
      PermitBatch: [
        { name: 'details', type: 'PermitDetails[]' },
        { name: 'spender', type: 'address' },
        { name: 'sigDeadline', type: 'uint256' },
      ],
      PermitDetails: PERMIT_DETAILS,
    },
    primaryType: 'PermitBatch',
    domain: permit2Domain(verifyingContract),
    message: { details: details.map((d) => ({ ...d, nonce: 0 })), spender: SPENDER, sigDeadline: '1700000000' },
  };
}

type Witness = { typeName: string; fields: { name: string; type: string }[]; value: Record<string, unknown> };

/** Permit2 SignatureTransfer: single/batch, with or without a witness. */
export function permitTransferFrom(
  permitted: { token: string; amount: string } | { token: string; amount: string }[],
  opts: { witness?: Witness; verifyingContract?: string; deadline?: string } = {},
) {
  const batch = Array.isArray(permitted);
  const primaryType = `Permit${batch ? 'Batch' : ''}${opts.witness ? 'Witness' : ''}TransferFrom`;
  return {
    types: {
      EIP712Domain: PERMIT2_DOMAIN_TYPE,
      [primaryType]: [
        { name: 'permitted', type: batch ? 'TokenPermissions[]' : 'TokenPermissions' },
        { name: 'spender', type: 'address' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
        ...(opts.witness ? [{ name: 'witness', type: opts.witness.typeName }] : []),
      ],
      TokenPermissions: TOKEN_PERMISSIONS,
      ...(opts.witness ? { [opts.witness.typeName]: opts.witness.fields } : {}),
    },
    primaryType,
    domain: permit2Domain(opts.verifyingContract),
    message: {
      permitted,
      spender: SPENDER,
      nonce: '0',
      deadline: opts.deadline ?? '1700000000',
      ...(opts.witness ? { witness: opts.witness.value } : {}),
    },
  };
}
