import { walletError } from '../../../shared/errors';
import type { ApprovalDecision } from '../../../shared/approvals';
import type { InternalHandler } from './types';

export const approvalsList: InternalHandler<'approvals_list'> = async (ctx) => ({ approvals: await ctx.services.approvals.pending() });

export const approvalsResolve: InternalHandler<'approvals_resolve'> = async (ctx, p) => {
  // Rejecting works while locked (closing a request); approving needs the keys.
  if (p.approve && !ctx.services.keyring.unlocked) throw walletError('locked', 'The wallet is locked.');
  const decision: ApprovalDecision = p.approve ? { approve: true, ...(p.accounts ? { accounts: p.accounts } : {}), ...(p.fees ? { fees: p.fees } : {}) } : { approve: false };
  return { resolved: await ctx.services.approvals.resolve(p.id, decision) };
};
