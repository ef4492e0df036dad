import * as v from 'valibot';
import { MAX_METHOD_LENGTH } from '../../shared/provider-protocol';

/** Shape of a PortRequest from a content script; anything else is dropped. */
export const portRequestSchema = v.object({
  type: v.literal('req'),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  chain: v.picklist(['eth', 'btc']),
  method: v.pipe(v.string(), v.maxLength(MAX_METHOD_LENGTH)),
  params: v.optional(v.unknown()),
});

export type ValidPortRequest = v.InferOutput<typeof portRequestSchema>;
