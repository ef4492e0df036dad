import { SigningKey, hexlify } from 'ethers';
import type { HandlerContext } from '../../context';

/** Signs a 32-byte digest with the account's key; the raw key bytes are wiped right after. */
export async function signDigest(ctx: HandlerContext, index: number, digest: string): Promise<string> {
  const raw = await ctx.services.keyring.ethPrivateKey(index);
  try {
    return new SigningKey(hexlify(raw)).sign(digest).serialized;
  } finally {
    raw.fill(0);
  }
}
