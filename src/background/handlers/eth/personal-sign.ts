import { hashMessage } from 'ethers';
import { decodePersonalMessage, personalSignParams } from '../../../core/ethereum';
import { RPC, WalletError } from '../../../shared/errors';
import { defineMethod } from '../provider-method';
import { permittedAccountIndex } from './accounts';
import { signDigest } from './signing-key';

/** personal_sign: the user sees the text (or the hex when it is not text) before signing. */
export const personalSign = defineMethod({
  access: 'connected',
  unlock: true,
  parse: (params) => {
    const { message, address } = personalSignParams(params);
    return { address, message: decodePersonalMessage(message) };
  },
  handle: async (ctx, { address, message }) => {
    const index = await permittedAccountIndex(ctx, address);
    const decision = await ctx.services.approvals.request(ctx.key, ctx.origin, {
      kind: 'personal_sign',
      address,
      text: message.text,
      hex: message.hex,
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    return signDigest(ctx, index, hashMessage(message.bytes));
  },
});
