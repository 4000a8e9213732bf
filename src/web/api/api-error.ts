// The one error type the web client throws: the API's stable code, its localized message and field messages.
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The API's stable code (`auth.invalid_credentials`), or `network` / `bad_response` from the client. */
    readonly code: string,
    message: string,
    /** Per-field messages keyed by the contract's field path. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** The whole `error` object as the API sent it (a stale ticket's 409 carries what changed). */
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message the API gave for one field, if the error came from the API and named that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields[field] : undefined;
}

/** True when the server says the session is gone (expired, ended elsewhere, never started). */
export function isSignedOutError(error: unknown): boolean {
  return isApiError(error) && error.code === "unauthenticated";
}
