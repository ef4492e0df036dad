import { hashMessage } from 'ethers';
import { decodePersonalMessage, personalSignParams } from '../../../core/ethereum';
import { RPC, WalletError } from '../../../shared/errors';
import { permittedAccountIndex } from './accounts';
import { signDigest } from './signing-key';
import type { EthMethod } from './types';

/** personal_sign: the user sees the text (or the hex when it is not text) before signing. */
export const personalSign: EthMethod = {
  access: 'connected',
  unlock: true,
  handle: async (ctx, params) => {
    const { message, address } = personalSignParams(params);
    const index = await permittedAccountIndex(ctx, address);
    const decoded = decodePersonalMessage(message);
    const decision = await ctx.services.approvals.request(ctx.key, ctx.origin, {
      kind: 'personal_sign',
      address,
      text: decoded.text,
      hex: decoded.hex,
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    return signDigest(ctx, index, hashMessage(decoded.bytes));
  },
};
