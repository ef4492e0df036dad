import type { InternalHandler } from './types';

export const settingsGet: InternalHandler<'settings_get'> = (ctx) => ctx.services.settings.get();
