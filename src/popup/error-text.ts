import { MIN_PASSWORD_LENGTH } from '../shared/errors';
import { ApiError } from './api-error';
import type { MessageKey, Translate } from './i18n';
import { en } from './i18n/en';

/** A translated, user-facing sentence for anything a call may throw. */
export function errorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.data?.reason) {
    const key = `error.${err.data.reason}` as MessageKey;
    if (key in en) {
      return t(key, {
        seconds: Math.ceil((err.data.retryAfterMs ?? 0) / 1000),
        word: err.data.word ?? '',
        position: err.data.position ?? '',
        count: err.data.count ?? '',
        detail: err.data.detail ?? '',
        min: MIN_PASSWORD_LENGTH,
      });
    }
  }
  if (err instanceof ApiError) return err.message;
  return t('error.internal');
}
