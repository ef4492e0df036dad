import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import type { ProviderContext } from '../../context';
import { defineMethod, noParams, parseParams } from '../provider-method';
import { addressInfos, connectedInfos } from './accounts';

const requestSchema = v.optional(
  v.union([
    v.strictObject({ purposes: v.optional(v.pipe(v.array(v.picklist(['payment', 'ordinals'])), v.maxLength(4))), message: v.optional(v.pipe(v.string(), v.maxLength(1000))) }),
    v.null(),
  ]),
);

/** Asks the user which account this site may see for Bitcoin; grants both of its addresses. */
async function connect(ctx: ProviderContext): Promise<unknown> {
  const existing = await connectedInfos(ctx, ctx.origin);
  if (existing.length) return existing;
  const { approvals, keyring, settings, btc, events } = ctx.services;
  const network = await btc.networks.currentId();
  const [selected, accounts] = await Promise.all([settings.getSelectedAccount(), keyring.list(network)]);
  const decision = await approvals.request(ctx.key, ctx.origin, {
    kind: 'connect',
    chain: 'btc',
    accounts: accounts.map((a) => ({ index: a.index, name: a.name, address: a.btc.p2wpkh, taproot: a.btc.p2tr })),
    preselected: accounts.some((a) => a.index === selected) ? [selected] : [accounts[0]?.index ?? 0],
  });
  if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
  const chosen = (decision.accounts ?? []).find((i) => keyring.hasAccount(i));
  if (chosen === undefined) throw new WalletError(RPC.userRejected, 'No account was chosen.');
  await btc.permissions.grant(ctx.origin, [chosen]);
  const infos = addressInfos(await btc.book.ensureGap(network, chosen), network, chosen);
  await events.emit('btc', 'accountsChanged', () => infos, new Set([ctx.origin]));
  return infos;
}

export const requestAccounts = defineMethod({
  access: 'public',
  unlock: true,
  parse: (params) => {
    parseParams(requestSchema, params, 'requestAccounts');
  },
  handle: (ctx) => connect(ctx),
});

export const getAccounts = defineMethod({ access: 'public', unlock: false, parse: noParams, handle: (ctx) => connectedInfos(ctx, ctx.origin) });
