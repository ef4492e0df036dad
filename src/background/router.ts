import { RPC, WalletError, toSerializedError, walletError } from '../shared/errors';
import { isInternalMethod, parseEnvelope, validateParams, type InternalMethod, type Reply } from '../shared/messages';
import type { HandlerContext } from './context';
import { LOCKED_OK, internalHandlers } from './handlers/internal';
import { isPassive } from './handlers/internal/passive';
import type { InternalHandler } from './handlers/internal/types';
import { forPopup } from './popup-errors';

/**
 * Internal requests from the extension's own pages: envelope → method → params →
 * unlocked → handler. Every failure comes back as a serialized error, never a throw.
 */
export async function routeInternal(ctx: HandlerContext, message: unknown): Promise<Reply<unknown>> {
  try {
    const env = parseEnvelope(message);
    if (!env.ok) throw new WalletError(RPC.invalidParams, env.message, { reason: 'invalid_params', ...(env.field ? { field: env.field } : {}) });
    if (!isInternalMethod(env.method)) throw new WalletError(RPC.methodNotFound, `Unknown method: ${env.method.slice(0, 64)}`, { reason: 'unknown_method' });
    const method: InternalMethod = env.method;
    const checked = validateParams(method, env.params);
    if (!checked.ok) throw new WalletError(RPC.invalidParams, checked.message, { reason: 'invalid_params', ...(checked.field ? { field: checked.field } : {}) });

    await ctx.services.wallet.ready();
    const unlocked = ctx.services.keyring.unlocked;
    if (!unlocked && !LOCKED_OK.has(method)) throw walletError('locked', 'The wallet is locked.');
    if (unlocked && !isPassive(method, checked.value)) await ctx.services.autoLock.touch((await ctx.services.settings.get()).autoLockMinutes);

    const handler = internalHandlers[method] as InternalHandler<InternalMethod>;
    return { ok: true, result: await handler(ctx, checked.value) };
  } catch (err) {
    return { ok: false, error: toSerializedError(forPopup(err)) };
  }
}
