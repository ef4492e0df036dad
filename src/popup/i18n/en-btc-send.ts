/** English strings of Bitcoin send safety: replacements that drop later sends, servers that lie (spread into en). */
export const enBtcSend = {
  'btc.dropped.intro': 'Later transactions that spend this one are removed with it. They will not happen unless you send them again, and this fee also pays for removing them:',
  'btc.dropped.mine': 'Your payment of {amount} to {to}',
  'btc.dropped.self': 'Your transaction {txid} (to your own addresses)',
  'btc.dropped.other': 'A transaction by someone else ({txid}) that spends coins you sent',
  'btc.dropped.hint': 'To keep them instead, speed up the latest of them: its higher fee also pays for this one.',
  'error.btc_server_mismatch': 'The Bitcoin server gave coin amounts or addresses that do not match the transactions they come from. Nothing was signed or sent. Check the server in Settings → Networks.',
  'error.btc_replacement_changed': 'A new transaction spends the one you are replacing since you reviewed it. Nothing was sent; review again.',
  'error.btc_too_many_descendants': 'Too many later transactions depend on this one: the network would refuse to replace it.',
} as const;
