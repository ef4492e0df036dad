import type { InternalMethod } from '../../../shared/messages';

/**
 * Requests the popup sends on its own timer while balances are on screen ("a new block?", and
 * the read a new block causes), not because the user did something: they do not postpone the
 * auto-lock, so an open popup still locks after the idle time.
 */
export function isPassive(method: InternalMethod, params: unknown): boolean {
  if (method === 'balances_block') return true;
  return (method === 'balances_get' || method === 'balances_accounts') && typeof params === 'object' && params !== null && (params as { source?: unknown }).source === 'block';
}
