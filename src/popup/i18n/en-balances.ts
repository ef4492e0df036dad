/** English strings of balances: the account menu, "unavailable", default tokens (spread into en). */
export const enBalances = {
  'balances.accountUnavailable': 'Balance unavailable',
  'balances.unavailableHint': 'No number is shown rather than a wrong one. If this lasts, check this network’s RPC address under Settings › Networks.',
  'tokens.hide': 'Hide',
  'tokens.hideLabel': 'Hide {symbol}',
  'tokens.defaultBadge': 'listed by default',
  'tokens.hiddenNote': 'A hidden token comes back when you add its contract address again.',
} as const;
