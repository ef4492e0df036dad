// Decodes the few token calls whose meaning the approval screen and the risk
// checks need (transfers and approvals). Unknown or malformed calldata gives
// null, never an exception: it comes straight from the dapp.
import { dataSlice, getAddress, Interface, toBeHex, type FunctionFragment } from 'ethers';

export interface DecodedArg {
  name: string;
  /** Solidity type: address, uint256, bool, ... */
  type: string;
  /** Checksummed address, decimal integer or "true"/"false". */
  value: string;
}

export interface DecodedCall {
  /** Function name, e.g. "approve" (ERC-20 and Permit2 share it: see signature). */
  name: string;
  /** 0x + 8 lower-case hex digits. */
  selector: string;
  /** Canonical signature, e.g. "approve(address,address,uint160,uint48)". */
  signature: string;
  args: DecodedArg[];
}

// Parameter names follow OpenZeppelin 5 (ERC-20/721) and Uniswap Permit2.
// ERC-20 and ERC-721 share transferFrom / approve selectors; calldata alone
// cannot tell them apart, so the ERC-20 reading (the riskier one) is used.
export const KNOWN_CALLS = new Interface([
  'function transfer(address to, uint256 value)',
  'function approve(address spender, uint256 value)',
  'function transferFrom(address from, address to, uint256 value)',
  'function increaseAllowance(address spender, uint256 addedValue)',
  'function setApprovalForAll(address operator, bool approved)',
  'function safeTransferFrom(address from, address to, uint256 tokenId)',
  'function approve(address token, address spender, uint160 amount, uint48 expiration)',
]);

const CALLDATA = /^0x([0-9a-fA-F]{2})*$/;
const ADDRESS_MASK = (1n << 160n) - 1n;

function fragmentFor(selector: string): FunctionFragment | null {
  try {
    return KNOWN_CALLS.getFunction(selector);
  } catch {
    return null;
  }
}

/**
 * Addresses are decoded as uint256 and masked to 160 bits: ethers refuses
 * dirty high bits, but pre-0.8 token contracts (USDT and many others)
 * silently drop them, so a refusal here would let such an approval through
 * without a warning. Modern contracts revert on it, so masking is never
 * less safe than what executes. ethers already masks uintN and reads any
 * non-zero bool as true, matching the same legacy behaviour.
 */
function decodeArgs(fragment: FunctionFragment, data: string): DecodedArg[] | null {
  const types = fragment.inputs.map((p) => (p.type === 'address' ? 'uint256' : p.type));
  let values: unknown[];
  try {
    values = Array.from(KNOWN_CALLS.getAbiCoder().decode(types, dataSlice(data, 4)));
  } catch {
    return null;
  }
  return fragment.inputs.map((p, i) => {
    const v = values[i];
    let value: string;
    if (p.type === 'address') value = getAddress(toBeHex((v as bigint) & ADDRESS_MASK, 20));
    else if (p.type === 'bool') value = v ? 'true' : 'false';
    else value = (v as bigint).toString(10);
    return { name: p.name, type: p.type, value };
  });
}

export function decodeCall(data: string | undefined): DecodedCall | null {
  if (typeof data !== 'string' || data.length < 10 || !CALLDATA.test(data)) return null;
  const selector = data.slice(0, 10).toLowerCase();
  const fragment = fragmentFor(selector);
  if (!fragment) return null;
  const args = decodeArgs(fragment, data);
  if (!args) return null;
  return { name: fragment.name, selector, signature: fragment.format('sighash'), args };
}

/** The decoded value of the named argument, if present. */
export function callArg(call: DecodedCall, name: string): string | undefined {
  return call.args.find((a) => a.name === name)?.value;
}

/** Calls on an ERC-20 contract (the transaction's `to`) whose argument is an amount of that token. */
const TOKEN_AMOUNT_ARG: Record<string, string> = {
  'transfer(address,uint256)': 'value',
  'approve(address,uint256)': 'value',
  'transferFrom(address,address,uint256)': 'value',
  'increaseAllowance(address,uint256)': 'addedValue',
};

/** The name of the argument that is an amount of the called token, if the call has one. */
export function tokenAmountArg(call: DecodedCall): string | null {
  return TOKEN_AMOUNT_ARG[call.signature] ?? null;
}
