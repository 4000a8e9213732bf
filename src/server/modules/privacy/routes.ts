// /api/v1/users/:userId/privacy, /export, /anonymize: a person's data under the LGPD. Admins only:
// the rest of the team 403, customers 404, before the input is read.
import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { ErrorResponse } from "../../../contracts/common";
import { PersonParams, PersonPrivacy } from "../../../contracts/privacy";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { exportPerson } from "./export";
import { anonymizePerson, personPrivacy } from "./service";

const errorResponses = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

function sendZip(reply: FastifyReply, fileName: string, stream: Readable): FastifyReply {
  return reply
    .header("content-type", "application/zip")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(stream);
}

export function privacyRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.addHook("preValidation", async (request) => {
      authorize(policies.privacy.manage(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/users/:userId/privacy",
      {
        schema: {
          tags: ["privacy"],
          summary: "Admins: a person and how much data they have, before exporting or anonymizing (LGPD)",
          params: PersonParams,
          response: { 200: PersonPrivacy, ...errorResponses },
        },
      },
      async (request) => personPrivacy(ctx, request.params.userId),
    );

    app.get(
      "/api/v1/users/:userId/export",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Admins: the person's data as a zip — profile, tickets opened, messages, sign-ins and attachments (JSON and files); audited",
          params: PersonParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const meta = commandMeta(request, ctx.config.publicUrl);
        const { fileName, stream } = await exportPerson(ctx, meta, request.params.userId);
        return sendZip(reply, fileName, stream);
      },
    );

    app.post(
      "/api/v1/users/:userId/anonymize",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Admins: remove the person's name, e-mail and sign-ins everywhere (tickets stay, as “Titular anonimizado”); sessions end; 409 for the last admin",
          params: PersonParams,
          response: { 200: PersonPrivacy, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (request) =>
        anonymizePerson(ctx, commandMeta(request, ctx.config.publicUrl), request.params.userId),
    );
  };
}
