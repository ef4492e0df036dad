import * as v from 'valibot';
import { WalletError } from '../../../shared/errors';
import type { ProviderContext } from '../../context';
import { defineMethod, invalidParams, parseParams } from '../provider-method';
import { permittedAccounts } from './accounts';
import { requireChain } from './current-chain';
import { sendTransaction } from './send-transaction';
import { chainIdNumber } from './switch-chain';
import { address } from './types';

/**
 * EIP-5792 without atomic batching: we are an EOA wallet, so calls go out as separate
 * transactions, each approved by the user, and we say so in wallet_getCapabilities.
 */
const BATCHES_KEY = 'callBatches';
const hexData = v.pipe(v.string(), v.regex(/^0x([0-9a-fA-F]{2})*$/));
const quantity = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{1,64}$/));

const sendCallsSchema = v.tuple([
  v.object({
    version: v.optional(v.string()),
    id: v.optional(v.pipe(v.string(), v.maxLength(4096))),
    chainId: v.string(),
    from: v.optional(address),
    atomicRequired: v.optional(v.boolean()),
    calls: v.pipe(v.array(v.object({ to: v.optional(address), data: v.optional(hexData), value: v.optional(quantity) })), v.minLength(1), v.maxLength(10)),
    capabilities: v.optional(v.record(v.string(), v.unknown())),
  }),
]);

interface Batch {
  chainId: number;
  hashes: string[];
  origin: string;
}

async function batches(ctx: ProviderContext): Promise<Record<string, Batch>> {
  return (await ctx.services.store.get<Record<string, Batch>>(BATCHES_KEY)) ?? {};
}

export const walletGetCapabilities = defineMethod({
  access: 'connected',
  unlock: false,
  parse: (raw) => parseParams(v.tuple([address, v.optional(v.array(v.string()))]), raw, 'wallet_getCapabilities')[1]?.map((id) => chainIdNumber(id)),
  handle: async (ctx, chainIds) => {
    const ids = chainIds ?? [await ctx.services.network.currentChainId()];
    return Object.fromEntries(ids.map((id) => [`0x${id.toString(16)}`, { atomic: { status: 'unsupported' } }]));
  },
});

export const walletSendCalls = defineMethod({
  access: 'connected',
  unlock: true,
  parse: async (raw, ctx) => {
    const [req] = parseParams(sendCallsSchema, raw, 'wallet_sendCalls');
    const chainId = chainIdNumber(req.chainId);
    await requireChain(ctx, chainId);
    if (req.atomicRequired) throw new WalletError(5760, 'Atomic execution of calls is not supported by this wallet');
    for (const [name, cap] of Object.entries(req.capabilities ?? {})) {
      if (cap && typeof cap === 'object' && (cap as { optional?: unknown }).optional !== true) throw new WalletError(5700, `Unsupported non-optional capability: ${name}`);
    }
    const calls = req.calls.map((c, i) => {
      const data = c.data && c.data !== '0x' ? c.data : null;
      if (!c.to && !data) throw invalidParams(`calls.${i}: a call without a recipient must carry contract creation data`);
      return { to: c.to ?? null, data, value: c.value ? BigInt(c.value) : 0n };
    });
    return { chainId, from: req.from, id: req.id, calls };
  },
  handle: async (ctx, req) => {
    await requireChain(ctx, req.chainId);
    const from = req.from ?? (await permittedAccounts(ctx))[0];
    if (!from) throw new WalletError(4100, 'No authorized account');
    const id = req.id ?? `0x${Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    const hashes: string[] = [];
    for (const [i, call] of req.calls.entries()) {
      hashes.push(await sendTransaction({ ...ctx, key: `${ctx.key}:${i}` }, { from, ...call }));
    }
    await ctx.services.store.set({ [BATCHES_KEY]: { ...(await batches(ctx)), [id]: { chainId: req.chainId, hashes, origin: ctx.origin } } });
    return { id };
  },
});

export const walletGetCallsStatus = defineMethod({
  access: 'connected',
  unlock: false,
  parse: (raw) => parseParams(v.tuple([v.pipe(v.string(), v.maxLength(4096))]), raw, 'wallet_getCallsStatus')[0],
  handle: async (ctx, id) => {
    const all = await batches(ctx);
    const batch = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined;
    if (!batch || batch.origin !== ctx.origin) throw new WalletError(5730, 'Unknown bundle id');
    const receipts = await Promise.all(batch.hashes.map((h) => ctx.services.network.rpc('eth_getTransactionReceipt', [h], batch.chainId)));
    const done = receipts.filter((r): r is { status: string } => !!r && typeof r === 'object');
    const status = done.length < receipts.length ? 100 : done.every((r) => r.status === '0x1') ? 200 : done.some((r) => r.status === '0x1') ? 600 : 500;
    return { version: '2.0.0', id, chainId: `0x${batch.chainId.toString(16)}`, atomic: false, status, receipts: done };
  },
});
