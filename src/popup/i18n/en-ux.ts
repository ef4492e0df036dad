/** English strings of errors from the network and of waiting on it (spread into en). */
export const enUx = {
  'error.rpc_timeout': 'The network did not answer within {count} s. Check the RPC URL in settings or try again.',
  'error.nonce_used': 'Another transaction from this account already used this nonce. Check Activity and try again. Nothing was sent.',
  'error.fee_too_low': 'The network wants a higher fee for this transaction (a replacement must pay clearly more than the one it replaces). Nothing was sent.',
  'error.node_refused': 'The network refused the request: “{detail}”.',
  'common.stopWaiting': 'Stop waiting',
  'waiting.quote': 'Checking the transaction with the network…',
  'waiting.token': 'Reading the token contract on the network…',
  'waiting.network': 'Asking the RPC which chain it serves…',
} as const;
