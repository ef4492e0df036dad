// Error type shared by all vault operations. Messages are fixed strings (plus a
// version number) so nothing secret can ever end up in a log or the UI.

export type VaultErrorCode = 'wrong_password' | 'corrupt' | 'unsupported_version';

export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string) {
    super(message);
    this.name = 'VaultError';
    this.code = code;
  }

  static wrongPassword(): VaultError {
    return new VaultError('wrong_password', 'Wrong password');
  }

  static wrongSessionKey(): VaultError {
    return new VaultError('wrong_password', 'Session key does not match the vault');
  }

  static corrupt(): VaultError {
    return new VaultError('corrupt', 'The vault record is damaged and cannot be read');
  }

  static unsupportedVersion(version: number): VaultError {
    return new VaultError(
      'unsupported_version',
      version > 0
        ? `This vault was written by a newer version (v${version}) of the wallet; update the wallet to open it`
        : `This vault has an unknown format version (v${version}) and cannot be read`,
    );
  }
}
