import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import type { ProviderContext } from '../../context';
import { permittedAccounts } from './accounts';
import { defineMethod, noParams, parseParams } from '../provider-method';

/** Asks the user which accounts this origin may see; stores the permission. */
async function connect(ctx: ProviderContext): Promise<string[]> {
  const { approvals, keyring, settings, permissions, events } = ctx.services;
  const existing = await permittedAccounts(ctx);
  if (existing.length) return existing;
  if (await approvals.hasPending(ctx.origin, 'connect', ctx.key)) {
    throw new WalletError(-32002, `Request of type 'eth_requestAccounts' already pending for origin ${ctx.origin}. Please wait.`);
  }
  const [{ btcNetwork }, selected] = await Promise.all([settings.get(), settings.getSelectedAccount()]);
  const accounts = await keyring.list(btcNetwork);
  const decision = await approvals.request(ctx.key, ctx.origin, {
    kind: 'connect',
    accounts: accounts.map((a) => ({ index: a.index, name: a.name, address: a.eth })),
    preselected: accounts.some((a) => a.index === selected) ? [selected] : [accounts[0]?.index ?? 0],
  });
  if (!decision.approve) throw new WalletError(RPC.userRejected, 'User rejected the request.');
  const chosen = (decision.accounts ?? []).filter((i) => keyring.hasAccount(i));
  if (chosen.length === 0) throw new WalletError(RPC.userRejected, 'No account was chosen.');
  await permissions.grant(ctx.origin, chosen);
  const granted = await permittedAccounts(ctx);
  await events.emit('eth', 'accountsChanged', () => granted, new Set([ctx.origin]));
  return granted;
}

export const ethRequestAccounts = defineMethod({ access: 'public', unlock: true, parse: noParams, handle: (ctx) => connect(ctx) });

export const ethAccounts = defineMethod({ access: 'public', unlock: false, parse: noParams, handle: (ctx) => permittedAccounts(ctx) });

const permissionRequest = v.tuple([v.object({ eth_accounts: v.object({}) })]);
const parsePermissionRequest = (what: string) => (params: unknown) => {
  parseParams(permissionRequest, params, what);
};

function describePermissions(origin: string, accounts: string[], date: number) {
  return accounts.length
    ? [{ invoker: origin, parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: accounts }], date }]
    : [];
}

export const walletRequestPermissions = defineMethod({
  access: 'public',
  unlock: true,
  parse: parsePermissionRequest('wallet_requestPermissions'),
  handle: async (ctx) => {
    const accounts = await connect(ctx);
    const perm = await ctx.services.permissions.get(ctx.origin);
    return describePermissions(ctx.origin, accounts, perm?.grantedAt ?? Date.now());
  },
});

export const walletGetPermissions = defineMethod({
  access: 'public',
  unlock: false,
  parse: noParams,
  handle: async (ctx) => {
    const perm = await ctx.services.permissions.get(ctx.origin);
    return perm ? describePermissions(ctx.origin, await permittedAccounts(ctx), perm.grantedAt) : [];
  },
});

export const walletRevokePermissions = defineMethod({
  access: 'public',
  unlock: false,
  parse: parsePermissionRequest('wallet_revokePermissions'),
  handle: async (ctx) => {
    if (await ctx.services.permissions.revoke(ctx.origin)) {
      await ctx.services.events.emit('eth', 'accountsChanged', () => [], new Set([ctx.origin]));
    }
    return null;
  },
});
