import { describe, expect, it } from 'vitest';
import type { ErrorReason } from '../shared/errors';
import { ApiError } from './api-error';
import { errorText } from './error-text';
import { dictionaries, translator } from './i18n';

// Written out so that the compiler, not this list, decides which reasons exist: a reason added
// to ErrorReason without an entry here fails typecheck, and one without a translation fails below.
const REASONS = {
  wrong_password: true, too_many_attempts: true, vault_corrupt: true, vault_unsupported_version: true, vault_exists: true, no_vault: true, locked: true,
  mnemonic_empty: true, mnemonic_bad_length: true, mnemonic_unknown_word: true, mnemonic_mixed_wordlists: true, mnemonic_bad_checksum: true, password_too_short: true,
  invalid_params: true, unknown_method: true, unknown_account: true, invalid_address: true, invalid_amount: true, insufficient_funds: true, not_pending: true,
  rpc_unavailable: true, rpc_url_not_allowed: true, rpc_wrong_chain: true, network_exists: true, invalid_fee_rate: true, btc_dust: true, btc_broadcast_refused: true,
  btc_server_unavailable: true, psbt_refused: true, quote_expired: true, token_no_code: true, token_unreadable: true, token_bad_decimals: true, unknown_token: true,
  insufficient_token: true, tx_would_fail: true, nonce_not_missing: true, price_url_not_allowed: true, price_unavailable: true, rpc_timeout: true, nonce_used: true,
  fee_too_low: true, node_refused: true, btc_server_mismatch: true, btc_replacement_changed: true, btc_too_many_descendants: true,
  fee_invalid: true, fee_tip_above_max: true, fee_below_base: true, fee_absurd: true, send_nonce_used: true, send_balance_changed: true, send_would_fail: true, send_fee_too_low: true,
  internal: true,
} satisfies Record<ErrorReason, true>;

describe('errorText', () => {
  it('every error reason has a sentence in en and zh_CN', () => {
    for (const reason of Object.keys(REASONS)) {
      expect(dictionaries.en, reason).toHaveProperty([`error.${reason}`]);
      expect(dictionaries.zh_CN, reason).toHaveProperty([`error.${reason}`]);
    }
  });

  it('words a timeout and a node refusal in the user language, quoting the node', () => {
    const zh = translator('zh_CN');
    expect(errorText(zh, new ApiError({ code: -32603, message: 'RPC x timed out after 15 s', data: { reason: 'rpc_timeout', count: 15 } }))).toBe(
      '网络在 15 秒内没有响应。请在设置中检查 RPC 地址，或稍后重试。',
    );
    expect(errorText(zh, new ApiError({ code: -32000, message: 'intrinsic gas too low', data: { reason: 'node_refused', detail: 'intrinsic gas too low' } }))).toBe(
      '网络拒绝了该请求：“intrinsic gas too low”。',
    );
  });

  it('falls back to the message without a reason, and to "internal" for anything that is not an API error', () => {
    const en = translator('en');
    expect(errorText(en, new ApiError({ code: -32002, message: 'Please wait.' }))).toBe('Please wait.');
    expect(errorText(en, new Error('boom'))).toBe(dictionaries.en['error.internal']);
  });
});
