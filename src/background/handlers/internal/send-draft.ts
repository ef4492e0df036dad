import * as v from 'valibot';
import type { SendDraft } from '../../../shared/messages';
import type { HandlerContext } from '../../context';
import type { InternalHandler } from './types';

const KEY = 'sendDraft';
const draftSchema = v.object({ asset: v.string(), to: v.string(), amount: v.string() });

/**
 * The send form as the user left it, in storage.session (gone with the browser session, never
 * on disk): a toolbar popup closes when it loses focus, and reopening it must not lose the
 * recipient being pasted. Only what the user typed; no keys, no quotes.
 */
export const sendDraftGet: InternalHandler<'send_draftGet'> = async (ctx) => {
  const r = v.safeParse(draftSchema, await ctx.services.session.get<unknown>(KEY));
  return { draft: r.success ? r.output : null };
};

export const sendDraftSet: InternalHandler<'send_draftSet'> = async (ctx, { draft }) => {
  if (draft) await ctx.services.session.set({ [KEY]: draft satisfies SendDraft });
  else await clearSendDraft(ctx);
  return { draft };
};

/** After a send went out (or the user cancelled the form), the next send starts empty. */
export async function clearSendDraft(ctx: HandlerContext): Promise<void> {
  await ctx.services.session.remove([KEY]);
}
