import * as v from 'valibot';
import { RPC, WalletError } from '../../../shared/errors';
import type { ProviderContext } from '../../context';

/**
 * One entry per dApp method. `access`: 'public' answers anyone; 'connected' needs the
 * origin's permission (4100 otherwise). `unlock`: waits for the user to unlock first.
 */
export interface EthMethod {
  access: 'public' | 'connected';
  unlock: boolean;
  handle(ctx: ProviderContext, params: unknown): Promise<unknown>;
}

export function invalidParams(message: string): WalletError {
  return new WalletError(RPC.invalidParams, message);
}

/** valibot parse with an EIP-1474 -32602 naming the wrong field. */
export function parseParams<T extends v.GenericSchema>(schema: T, params: unknown, what: string): v.InferOutput<T> {
  const r = v.safeParse(schema, params);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw invalidParams(`Invalid params for ${what}${path ? ` at ${path}` : ''}: ${issue.message}`);
}

export const address = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/, 'Expected a 0x-prefixed 20-byte address'));
