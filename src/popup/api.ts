import browser from 'webextension-polyfill';
import { INTERNAL_CHANNEL, type InternalMethod, type InternalParams, type InternalResult, type Reply } from '../shared/messages';
import { ApiError } from './api-error';

export { ApiError };

/** The popup's only door to the background. Keys never come through here, only results. */
export async function call<M extends InternalMethod>(method: M, params: InternalParams<M>): Promise<InternalResult<M>> {
  const reply: Reply<InternalResult<M>> | undefined = await browser.runtime.sendMessage({ channel: INTERNAL_CHANNEL, method, params });
  if (!reply) throw new ApiError({ code: -32603, message: 'No answer from the wallet background', data: { reason: 'internal' } });
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.result;
}
