// Error classes with machine-readable fields, so the UI and the dApp
// providers can map them to their own messages and codes.

/** Not enough spendable coins; `missing` is how many more sats would be needed. */
export class InsufficientFundsError extends Error {
  override readonly name = 'InsufficientFundsError';
  constructor(
    readonly needed: bigint,
    readonly available: bigint,
    /** Value of coins left out because they are frozen or unconfirmed (not counted in `available`). */
    readonly excluded: { frozen: bigint; unconfirmed: bigint } = { frozen: 0n, unconfirmed: 0n },
  ) {
    const missing = needed > available ? needed - available : 0n;
    const notes: string[] = [];
    if (excluded.frozen > 0n) notes.push(`${excluded.frozen} sats frozen`);
    if (excluded.unconfirmed > 0n) notes.push(`${excluded.unconfirmed} sats unconfirmed`);
    super(
      `Insufficient funds: need ${needed} sats (amount + fee), have ${available} sats spendable, ` +
        `missing ${missing} sats${notes.length ? ` (not counted: ${notes.join(', ')})` : ''}`,
    );
  }

  get missing(): bigint {
    return this.needed > this.available ? this.needed - this.available : 0n;
  }
}

/** A send the wallet refuses before any coin selection (dust amount, bad fee rate, bad address, …). */
export class InvalidSendError extends Error {
  override readonly name = 'InvalidSendError';
  constructor(
    readonly code: 'no_recipients' | 'bad_amount' | 'dust' | 'bad_fee_rate' | 'bad_address' | 'mismatch',
    message: string,
  ) {
    super(message);
  }
}

/** A dApp PSBT request the wallet refuses to sign (malformed, or asking to sign what is not ours). */
export class PsbtRequestError extends Error {
  override readonly name = 'PsbtRequestError';
  constructor(message: string) {
    super(message);
  }
}
