// Public surface of the vault module.
export { VaultError, type VaultErrorCode } from './errors';
export { CURRENT_KDF, type KdfParams } from './kdf';
export { LATEST_VERSION, parseRecord, type VaultRecord, type VaultRecordV1, type VaultRecordV2, type VaultRecordV3 } from './record';
export {
  changePassword,
  createVault,
  openVault,
  openVaultWithKey,
  rewriteVault,
  VaultWriteError,
  type UnlockedVault,
} from './vault';
export { NO_FAILURES, recordFailure, retryAfterMs, unlockDelayMs, type FailureState } from './backoff';
export { base64ToBytes, bytesToBase64 } from './base64';
