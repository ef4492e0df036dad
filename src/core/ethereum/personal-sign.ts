// personal_sign (EIP-191 version 0x45) parameter handling, matching what
// MetaMask does so dapps behave the same: param 0 is usually 0x-hex of UTF-8
// bytes; a string that is not hex is signed as its UTF-8 bytes; and the
// legacy [address, message] order is recovered when it is unambiguous.
import { getAddress, getBytes, hexlify } from 'ethers';
import { InvalidParamsError } from './errors';

const HEX = /^0x[0-9a-fA-F]*$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// C0/C1 controls except \t \n \r, plus bidi embedding/override/isolate marks,
// which can make displayed text read differently from the bytes signed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export interface PersonalMessage {
  /** The message as text, or null when it is not safely displayable UTF-8. */
  text: string | null;
  /** 0x-hex of exactly the bytes that get signed. */
  hex: string;
  /** The bytes to sign (hash with ethers hashMessage). */
  bytes: Uint8Array;
}

/** Text for display, or null for invalid UTF-8 / control characters. */
function displayableText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    // ignoreBOM keeps a leading U+FEFF in the text instead of silently eating it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  return UNSAFE_CHARS.test(text) ? null : text;
}

export function decodePersonalMessage(data: string): PersonalMessage {
  if (typeof data !== 'string') throw new InvalidParamsError('personal_sign message must be a string');
  let bytes: Uint8Array;
  if (HEX.test(data)) {
    // MetaMask (ethereumjs toBuffer) left-pads an odd digit count with one 0.
    bytes = getBytes(data.length % 2 === 0 ? data : `0x0${data.slice(2)}`);
  } else {
    // Lone surrogates become U+FFFD here (as Buffer.from does in MetaMask);
    // text below is decoded from the bytes, so it shows what is really signed.
    bytes = new TextEncoder().encode(data);
  }
  return { text: displayableText(bytes), hex: hexlify(bytes), bytes };
}

/**
 * [message, address] → { message, address }. The legacy swapped order
 * [address, message] is accepted when param 0 is an address and param 1 is
 * not. Extra params (MetaMask's optional third) are ignored. The address is
 * returned checksummed; any letter case is accepted since it only selects
 * one of the user's own accounts.
 */
export function personalSignParams(params: unknown): { message: string; address: string } {
  if (!Array.isArray(params) || params.length < 2) {
    throw new InvalidParamsError('personal_sign expects [message, address]');
  }
  const [first, second] = params as unknown[];
  if (typeof first !== 'string' || typeof second !== 'string') {
    throw new InvalidParamsError('personal_sign expects [message, address] as strings');
  }
  const swapped = ADDRESS.test(first) && !ADDRESS.test(second);
  const [message, address] = swapped ? [second, first] : [first, second];
  if (!ADDRESS.test(address)) {
    throw new InvalidParamsError('personal_sign expects [message, address]: no valid address given');
  }
  return { message, address: getAddress(address.toLowerCase()) };
}
