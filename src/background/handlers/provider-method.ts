import * as v from 'valibot';
import { RPC, WalletError } from '../../shared/errors';
import type { HandlerContext, ProviderContext } from '../context';

/** The handler of one request, bound to its parsed params. */
export type BoundHandler = (ctx: ProviderContext) => Promise<unknown>;

/**
 * One dApp method (Ethereum or Bitcoin). `access`: 'public' answers anyone; 'connected' needs
 * the origin's permission (4100 otherwise). `unlock`: waits for the user to unlock first.
 * `prepare` is the pipeline's first step (DESIGN §1: validate params first): malformed params
 * are -32602 before any permission check, unlock window or approval, and the handler it
 * returns is bound to the parsed value, so nothing is parsed twice.
 */
export interface ProviderMethod {
  readonly access: 'public' | 'connected';
  readonly unlock: boolean;
  prepare(params: unknown, ctx: HandlerContext): Promise<BoundHandler>;
}

export interface MethodSpec<P> {
  access: 'public' | 'connected';
  unlock: boolean;
  /** params → P, or -32602 naming the field. May read state (the current chain), never writes it. */
  parse(params: unknown, ctx: HandlerContext): P | Promise<P>;
  handle(ctx: ProviderContext, params: P): Promise<unknown>;
}

export function defineMethod<P>(spec: MethodSpec<P>): ProviderMethod {
  return {
    access: spec.access,
    unlock: spec.unlock,
    prepare: async (raw, ctx) => {
      const parsed = await spec.parse(raw, ctx);
      return (c) => spec.handle(c, parsed);
    },
  };
}

/** For methods that take no params: whatever a page sends is ignored, as MetaMask does. */
export const noParams = (): undefined => undefined;

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
