// The one error type the Esplora client throws for anything a server does
// (or fails to do). `kind` is machine-readable; the message names the host.

export type EsploraErrorKind =
  /** no complete answer within the time limit */
  | 'timeout'
  /** the server answered with a non-2xx status */
  | 'http'
  /** the server answered 2xx, but not with what the API promises (bad JSON, wrong shape, implausible values) */
  | 'garbage'
  /** no answer at all: connection refused, DNS failure, TLS error, CORS, offline */
  | 'network';

export class EsploraError extends Error {
  override readonly name = 'EsploraError';
  constructor(
    readonly kind: EsploraErrorKind,
    /** host[:port] of the server, so the UI can say which server misbehaved */
    readonly host: string,
    /** e.g. "GET /address/…/utxo" */
    readonly request: string,
    detail: string,
    readonly extra: {
      /** HTTP status for kind 'http' */
      status?: number;
      /** for a refused broadcast: bitcoind's reject reason, e.g. "min relay fee not met, 100 < 141" */
      rejectReason?: string;
      /** for a refused broadcast: bitcoind's RPC error code, e.g. -26 */
      rejectCode?: number;
      cause?: unknown;
    } = {},
  ) {
    super(`Esplora server ${host}: ${detail} (${request})`, extra.cause === undefined ? undefined : { cause: extra.cause });
  }

  get status(): number | undefined {
    return this.extra.status;
  }

  get rejectReason(): string | undefined {
    return this.extra.rejectReason;
  }
}
