// Typed errors with stable codes. Services throw them; one handler renders them localized.
import type { core } from "zod";
import type { Locale } from "../contracts/common";
import type { MessageKey, MessageParams } from "../i18n";
import { formatFileSize } from "../i18n/file-size";

/** Parameters written the reader's way (sizes, numbers): chosen once the reader's language is known. */
export type LocalizedParams = (locale: Locale) => MessageParams;

/**
 * An answer to give the client. A 4xx is the client's mistake, said by its code and message: it has
 * no stack, which nobody reads and which walking made a refused request cost half as much again (an
 * unauthenticated `GET /api/v1/me`: 44–48 µs of CPU with it, 31–37 without). A 5xx keeps its stack
 * for the log.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    /** Stable code, also the i18n key under `error.`. */
    readonly code: string,
    readonly statusCode: number,
    readonly messageKey: MessageKey,
    readonly params?: MessageParams | LocalizedParams,
    readonly headers?: Record<string, string>,
    /** Extra members of the error body (a stale ticket's current version and changes). */
    readonly details?: Record<string, unknown>,
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    if (statusCode < 500) Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The error's message parameters for a reader of `locale`. */
export function paramsFor(error: AppError, locale: Locale): MessageParams | undefined {
  return typeof error.params === "function" ? error.params(locale) : error.params;
}

/** A 409 that belongs to one field of the form (a CNPJ or an e-mail already in use). */
export class FieldConflictError extends AppError {
  override name = "FieldConflictError";
  constructor(
    code: string,
    /** The contract's field path the message is shown under. */
    readonly field: string,
    statusCode = 409,
  ) {
    super(code, statusCode, `error.${code}` as MessageKey);
  }
}

/** Validation failures carry Zod issues, localized by the handler against the request's input. */
export class ValidationError extends AppError {
  override name = "ValidationError";
  constructor(
    readonly issues: readonly core.$ZodIssue[],
    readonly input: unknown,
  ) {
    super("validation", 400, "error.validation");
  }
}

function appError(
  code: string,
  statusCode: number,
  params?: MessageParams,
  headers?: Record<string, string>,
) {
  return new AppError(code, statusCode, `error.${code}` as MessageKey, params, headers);
}

export const errors = {
  /** The actor may not know whether the record exists: same answer as a missing one. */
  notFound: (
    code:
      | "not_found"
      | "company.not_found"
      | "user.not_found"
      | "category.not_found"
      | "article.not_found"
      | "ticket.not_found"
      | "ticket.link_not_found"
      | "attachment.not_found"
      | "calendar.not_found"
      | "plan.not_found"
      | "screen.not_found"
      | "canned_response.not_found"
      | "outbox.not_found"
      | "api_token.not_found"
      | "erp_installation.not_found" = "not_found",
  ) => appError(code, 404),
  routeNotFound: () => appError("route_not_found", 404),
  forbidden: () => appError("forbidden", 403),
  unauthenticated: () => appError("unauthenticated", 401),
  csrf: () => appError("csrf", 403),
  rateLimited: (retryAfterSeconds: number) =>
    appError(
      "rate_limited",
      429,
      { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
      {
        "retry-after": String(retryAfterSeconds),
      },
    ),
  invalidCredentials: () => appError("auth.invalid_credentials", 401),
  /** A bearer token that is unknown, revoked, expired, or whose account was disabled. */
  invalidApiToken: () => appError("api_token.invalid", 401),
  /** A valid token on a route its scopes do not reach. */
  apiTokenScopeMissing: (scope: string) => appError("api_token.scope_missing", 403, { scope }),
  /** A route no token may call (signing in, passwords, the tokens themselves…). */
  apiTokenNotAccepted: () => appError("api_token.session_only", 403),
  /** Creating a token with a scope beyond what the token's holder may do. */
  apiTokenScopeNotAllowed: (scope: string) => appError("api_token.scope_not_allowed", 403, { scope }),
  apiTokenRateLimited: (retryAfterSeconds: number) =>
    appError(
      "api_token.rate_limited",
      429,
      { seconds: retryAfterSeconds },
      { "retry-after": String(retryAfterSeconds) },
    ),
  /**
   * A one-time link needs an origin users really reach: EXTRANET_PUBLIC_URL, or a loopback host.
   * A server fault (its configuration), not the caller's: 500, logged, with a message that says
   * what to configure.
   */
  publicUrlRequired: () => appError("link.public_url_required", 500),
  /** Too many live-event streams open for one session or user. */
  tooManyStreams: (retryAfterSeconds: number) =>
    appError("live.too_many_streams", 429, undefined, { "retry-after": String(retryAfterSeconds) }),
  invalidLink: () => appError("auth.invalid_link", 400),
  wrongPassword: () => appError("auth.wrong_password", 400),
  conflict: (
    code:
      | "company.cnpj_taken"
      | "user.email_taken"
      | "ticket.reopen_closed"
      | "ticket.cancelled"
      | "ticket.stale_version"
      | "ticket.already_linked"
      | "attachment.attached"
      | "calendar.in_use"
      | "plan.in_use"
      | "plan.name_taken"
      | "outbox.not_resendable"
      | "article.stale"
      | "category.stale"
      | "privacy.last_admin"
      | "privacy.already_anonymized"
      | "erp_installation.revoked",
  ) => appError(code, 409),
  /** A value already in use, named on its field: `{code, message, fields: {cnpj: message}}`. */
  conflictOn: (code: "company.cnpj_taken" | "user.email_taken", field: string) =>
    new FieldConflictError(code, field),
  /** A value the contract accepts but the service refuses, named on its field (422). */
  invalidOn: (
    code: "erp_installation.invalid_public_key" | "erp_installation.company_inactive",
    field: string,
  ) => new FieldConflictError(code, field, 422),
  /** The last active admin may be neither demoted nor deactivated. */
  lastAdmin: () => appError("user.last_admin", 409),
  /** An attachment whose file the retention setting removed: the row stays, the file is gone. */
  attachmentPurged: () => appError("attachment.purged", 410),
  rule: (
    code:
      | "user.company_required"
      | "user.company_not_allowed"
      | "user.company_inactive"
      | "user.self_disable"
      | "user.role_side"
      | "ticket.invalid_transition"
      | "ticket.merge_other_company"
      | "ticket.link_other_company"
      | "attachment.too_many_pending",
  ) => appError(code, 422),
  /** A screen CSV with bad lines: nothing imported, every problem listed in the body. */
  screenImportRefused: (problems: { line: number; message: string }[]) =>
    new AppError(
      "screen.import_refused",
      422,
      "error.screen.import_refused",
      { count: problems.length },
      undefined,
      { problems },
    ),
  /** Archiving a plan companies have (or a calendar plans count in): refused, naming them. */
  inUse: (code: "plan.archive_in_use" | "calendar.archive_in_use", names: string[]) =>
    new AppError(code, 409, `error.${code}`, { names: names.join(", ") }, undefined, { usedBy: names }),
  /** A merged ticket takes no replies or changes: the conversation continues in `number`. */
  merged: (number: number) => appError("ticket.merged", 409, { number }),
  /** Merging into a ticket that was itself merged into `into`. */
  mergeTargetMerged: (number: number, into: number) =>
    appError("ticket.merge_target_merged", 422, { number, into }),
  /** 409 to a stale ticket update, with what changed since the version the caller saw. */
  staleTicket: (details: { version: number; changes: unknown[] }) =>
    new AppError("ticket.stale_version", 409, "error.ticket.stale_version", undefined, undefined, details),
  tooLarge: () => appError("body_too_large", 413),
  /** The same Idempotency-Key sent again with another request. */
  idempotencyKeyReused: () => appError("idempotency.key_reused", 422),
  malformedJson: () => appError("malformed_json", 400),
  unsupportedMediaType: () => appError("unsupported_media_type", 415),
  /** A multipart body cut short or without its boundaries. */
  malformedMultipart: () => appError("malformed_multipart", 400),
  /** A percent-encoding in the path that decodes to no valid UTF-8. */
  badUrl: () => appError("bad_url", 400),
  urlTooLong: () => appError("url_too_long", 414),
  headersTooLarge: () => appError("headers_too_large", 431),
  requestTimeout: () => appError("request_timeout", 408),
  /** A client error the framework found and nothing more specific names. */
  badRequest: (statusCode = 400) => appError("bad_request", statusCode),
  /** A value the database refused as data (PostgreSQL's class 22) that no contract caught. */
  invalidInput: () => appError("invalid_input", 400),
  /** A uniqueness race no service translated into its own 409. */
  concurrentWrite: () => appError("conflict", 409),
  /** Busy, deadlocked or reconnecting: worth trying again at once. */
  unavailable: () => appError("unavailable", 503, undefined, { "retry-after": "1" }),
  /** The process is draining before it exits: another one (or this one restarted) answers soon. */
  shuttingDown: (retryAfterSeconds: number) =>
    appError("shutting_down", 503, undefined, { "retry-after": String(retryAfterSeconds) }),
  internal: () => appError("internal", 500),
  /** The company's attachment storage cannot take this upload; the body carries both figures. */
  storageQuotaExceeded: (usage: { usedBytes: number; quotaBytes: number }) =>
    new AppError(
      "attachment.quota_exceeded",
      413,
      "error.attachment.quota_exceeded",
      (locale) => ({
        used: formatFileSize(usage.usedBytes, locale),
        quota: formatFileSize(usage.quotaBytes, locale),
      }),
      undefined,
      usage,
    ),
  /** Too many files or bytes uploaded by this user within the window. */
  uploadRateLimited: (retryAfterSeconds: number) =>
    appError(
      "upload.rate_limited",
      429,
      { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
      { "retry-after": String(retryAfterSeconds) },
    ),
  /** A field-level failure found by a service rather than by the contract. */
  field: (path: string, messageKey: MessageKey, input: unknown) =>
    new ValidationError([{ code: "custom", path: path.split("."), message: messageKey, input }], input),
};
