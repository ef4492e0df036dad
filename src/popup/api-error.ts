import type { ErrorData, SerializedError } from '../shared/errors';

/** A failed call to the background (apart from api.ts so that it is testable without the extension APIs). */
export class ApiError extends Error {
  readonly code: number;
  readonly data: ErrorData | undefined;
  constructor(e: SerializedError) {
    super(e.message);
    this.code = e.code;
    // Internal replies carry ErrorData (reason, retryAfterMs...); node data never reaches the popup.
    this.data = e.data as ErrorData | undefined;
  }
}
