import * as v from 'valibot';
import { bip322MessageHash, bitcoinMessageHash, signMessageBip322Simple, signMessageEcdsa } from '../../../core/bitcoin';
import { bytesToHex } from '../../../core/bitcoin/encoding';
import { btcNetworkInfo } from '../../../shared/btc-networks';
import { RPC, WalletError } from '../../../shared/errors';
import { defineMethod, invalidParams, parseParams } from '../provider-method';
import { ownAddress, requireBtcAccount } from './accounts';

const schema = v.strictObject({
  address: v.optional(v.pipe(v.string(), v.maxLength(128))),
  message: v.pipe(v.string(), v.maxLength(65_536)),
  protocol: v.optional(v.picklist(['ecdsa', 'bip322'])),
});

/**
 * "Bitcoin Signed Message" (ECDSA, BIP137 header for P2WPKH) or BIP322 simple, by one of the
 * connected addresses, after the user read the message in the approval window.
 */
export const signMessage = defineMethod({
  access: 'connected',
  unlock: true,
  parse: (params) => parseParams(schema, params, 'signMessage'),
  handle: async (ctx, p) => {
    const account = await requireBtcAccount(ctx);
    const addr = await ownAddress(ctx, account, p.address);
    const protocol = p.protocol ?? (addr.type === 'p2tr' ? 'bip322' : 'ecdsa');
    if (protocol === 'ecdsa' && addr.type === 'p2tr') throw invalidParams('ECDSA message signatures exist for native SegWit (p2wpkh) addresses; use BIP322 for a Taproot address.');
    const network = await ctx.services.btc.networks.currentId();
    const decision = await ctx.services.approvals.request(ctx.key, ctx.origin, {
      kind: 'btc_sign_message',
      address: addr.address,
      message: p.message,
      protocol,
      networkName: btcNetworkInfo(network).name,
    });
    if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
    const key = await ctx.services.keyring.btcKey(account, addr.type === 'p2wpkh' ? 84 : 86, network, 0, 0);
    try {
      const signature =
        protocol === 'ecdsa'
          ? signMessageEcdsa(key.privateKey, p.message, { segwitType: 'p2wpkh' })
          : signMessageBip322Simple(key.privateKey, key.publicKey, addr.address, p.message, network);
      const messageHash = bytesToHex(protocol === 'ecdsa' ? bitcoinMessageHash(p.message) : bip322MessageHash(p.message));
      return { signature, address: addr.address, protocol, messageHash };
    } finally {
      key.privateKey.fill(0);
    }
  },
});
