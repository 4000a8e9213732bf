// One place renders every error: stable code, localized message, per-field messages; 5xx hide details.
// Route errors come through Fastify's error handler, errors found before routing (a bad URL) through
// `frameworkErrors`, and errors Node finds before Fastify sees a request through `client-errors.ts`.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ErrorResponse, Locale } from "../../contracts/common";
import { translator } from "../../i18n";
import { fieldMessages } from "../../i18n/zod-issues";
import { toAppError } from "../error-family";
import { type AppError, FieldConflictError, paramsFor, ValidationError } from "../errors";
import { localeOf } from "./locale";
import { securityHeadersFor } from "./security-headers";

/** The contract's error body for an error, in `locale`. */
export function errorBody(error: AppError, locale: Locale): ErrorResponse {
  const t = translator(locale);
  if (error instanceof ValidationError) {
    return {
      error: {
        code: error.code,
        message: t("error.validation"),
        fields: fieldMessages(error.issues, t, error.input),
      },
    };
  }
  const message = t(error.messageKey, paramsFor(error, locale));
  if (error instanceof FieldConflictError) {
    return { error: { code: error.code, message, fields: { [error.field]: message } } };
  }
  return { error: { code: error.code, message, ...error.details } };
}

function renderError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const appError = toAppError(error);
  if (appError.statusCode >= 500) request.log.error({ err: error, code: appError.code }, "request failed");
  else if (appError !== error) request.log.info({ err: error }, "client error");
  if (appError.headers) reply.headers(appError.headers);
  return reply
    .status(appError.statusCode)
    .type("application/json; charset=utf-8")
    .send(errorBody(appError, localeOf(request)));
}

/** Fastify's errors found before any route or hook runs (a bad percent-encoding, an overlong parameter). */
export function renderFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.headers(securityHeadersFor(request));
  renderError(error, request, reply);
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(renderError);
  },
  { name: "error-handler" },
);
