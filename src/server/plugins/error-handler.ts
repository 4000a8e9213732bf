// One place renders every error: stable code, localized message, per-field messages; 5xx hide details.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ErrorResponse } from "../../contracts/common";
import type { MessageKey } from "../../i18n";
import { fieldMessages } from "../../i18n/zod-issues";
import { AppError, paramsFor, ValidationError } from "../errors";
import { localeOf, translatorFor } from "./locale";

/** Fastify's own client errors, by code: what we call them and what we say. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; status: number; key: MessageKey }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "malformed_json", status: 400, key: "error.malformed_json" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "malformed_json", status: 400, key: "error.malformed_json" },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "body_too_large", status: 413, key: "error.body_too_large" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    status: 415,
    key: "error.unsupported_media_type",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "malformed_json", status: 400, key: "error.malformed_json" },
  FST_REQ_FILE_TOO_LARGE: { code: "body_too_large", status: 413, key: "error.body_too_large" },
  FST_FILES_LIMIT: { code: "validation", status: 400, key: "error.validation" },
  FST_PARTS_LIMIT: { code: "validation", status: 400, key: "error.validation" },
  FST_FIELDS_LIMIT: { code: "validation", status: 400, key: "error.validation" },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: "unsupported_media_type",
    status: 415,
    key: "error.unsupported_media_type",
  },
};

function send(reply: FastifyReply, status: number, body: ErrorResponse): FastifyReply {
  return reply.status(status).type("application/json; charset=utf-8").send(body);
}

function renderError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const t = translatorFor(request);
  if (error instanceof ValidationError) {
    return send(reply, 400, {
      error: {
        code: error.code,
        message: t("error.validation"),
        fields: fieldMessages(error.issues, t, error.input),
      },
    });
  }
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return send(reply, error.statusCode, {
      error: {
        code: error.code,
        message: t(error.messageKey, paramsFor(error, localeOf(request))),
        ...error.details,
      },
    });
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
  if (known) return send(reply, known.status, { error: { code: known.code, message: t(known.key) } });
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return send(reply, 400, { error: { code: "malformed_json", message: t("error.malformed_json") } });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, "client error");
    return send(reply, status, { error: { code: "bad_request", message: t("error.validation") } });
  }
  request.log.error({ err: error }, "request failed");
  return send(reply, 500, { error: { code: "internal", message: t("error.internal") } });
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(renderError);
  },
  { name: "error-handler" },
);
