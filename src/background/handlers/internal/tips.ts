import type { InternalHandler } from './types';

export const tipsGet: InternalHandler<'tips_get'> = async (ctx) => ({ dismissed: await ctx.services.settings.dismissedTips() });
export const tipsDismiss: InternalHandler<'tips_dismiss'> = async (ctx, { id }) => ({ dismissed: await ctx.services.settings.dismissTip(id) });
