import type { HandlerContext } from '../../context';
import type { InternalMethod, InternalParams, InternalResult } from '../../../shared/messages';

export type InternalHandler<M extends InternalMethod> = (ctx: HandlerContext, params: InternalParams<M>) => Promise<InternalResult<M>>;
