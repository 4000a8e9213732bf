// One error family: whatever reaches the error handler becomes an AppError with a stable code, a
// status and a catalog message. Ours pass through; Fastify's and the multipart parser's, the SLA
// engine's and the database drivers' are translated here. Anything else is a bug: a logged 500.
import type { FastifyError } from "fastify";
import { SlaError, type SlaErrorCode } from "../domain/sla/errors";
import type { MessageKey } from "../i18n";
import { databaseErrorKind } from "./db/errors";
import { AppError, errors } from "./errors";

const oneFileOnly = () => errors.field("file", "validation.one_file", {});

/** Fastify's and @fastify/multipart's errors, by code. */
const FRAMEWORK_ERRORS: Record<string, () => AppError> = {
  FST_ERR_BAD_URL: errors.badUrl,
  FST_ERR_MAX_PARAM_LENGTH: errors.urlTooLong,
  FST_ERR_CTP_INVALID_JSON_BODY: errors.malformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: errors.malformedJson,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: errors.malformedJson,
  FST_ERR_CTP_BODY_TOO_LARGE: errors.tooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: errors.unsupportedMediaType,
  FST_INVALID_MULTIPART_CONTENT_TYPE: errors.unsupportedMediaType,
  FST_REQ_FILE_TOO_LARGE: errors.tooLarge,
  FST_FILES_LIMIT: oneFileOnly,
  FST_PARTS_LIMIT: oneFileOnly,
  FST_FIELDS_LIMIT: oneFileOnly,
  FST_PROTO_VIOLATION: errors.malformedMultipart,
  FST_INVALID_JSON_FIELD_ERROR: errors.malformedMultipart,
  FST_MP_PREMATURE_CLOSE: errors.malformedMultipart,
};

/**
 * The multipart parser (@fastify/busboy) rejects a body cut short or without boundaries with plain
 * Errors that carry no code, so they are known by their (fixed) messages; attachments.test.ts
 * holds each case to its answer.
 */
const MULTIPART_PARSE_ERROR = /unexpected end of multipart data$|^Multipart: Boundary not found$/i;

/** The engine refuses what it cannot compute with: bad instants are the caller's, the rest the plan's. */
const SLA_STATUS: Record<SlaErrorCode, number> = {
  "sla.invalid_instant": 400,
  "sla.invalid_pause": 400,
  "sla.invalid_calendar": 422,
  "sla.negative_target": 422,
  "sla.invalid_warning_share": 422,
  "sla.beyond_horizon": 422,
};

function fromSla(error: SlaError): AppError {
  const key: MessageKey = `error.${error.code}`;
  return new AppError(error.code, SLA_STATUS[error.code], key);
}

function fromDatabase(error: unknown): AppError | undefined {
  switch (databaseErrorKind(error)) {
    case "unique":
      return errors.concurrentWrite();
    case "invalid_data":
      return errors.invalidInput();
    case "transient":
      return errors.unavailable();
    case undefined:
      return undefined;
  }
}

function fromFramework(error: object): AppError | undefined {
  const { code, statusCode: status } = error as Partial<FastifyError>;
  const known = code === undefined ? undefined : FRAMEWORK_ERRORS[code];
  if (known) return known();
  // Fastify's JSON parser rethrows the syntax error of a body it could not read.
  if (error instanceof SyntaxError && status === 400) return errors.malformedJson();
  if (error instanceof Error && code === undefined && MULTIPART_PARSE_ERROR.test(error.message)) {
    return errors.malformedMultipart();
  }
  // Another client error of Fastify or one of its plugins: its status, a generic code.
  if (code?.startsWith("FST_") && status !== undefined && status >= 400 && status < 500) {
    return errors.badRequest(status);
  }
  return undefined;
}

/** The error as the API answers it. A Zod error here comes from our own code, not input: a 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof SlaError) return fromSla(error);
  return (
    fromDatabase(error) ??
    (typeof error === "object" && error !== null ? fromFramework(error) : undefined) ??
    errors.internal()
  );
}
