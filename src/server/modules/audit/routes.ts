// /api/v1/audit: the trail of staff and admin changes ("Auditoria"), a page at a time or as CSV.
// Admins only: the rest of the team 403, customers 404, before the input is read.
import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { AuditActors, AuditPage, AuditQuery } from "../../../contracts/audit";
import { ErrorResponse } from "../../../contracts/common";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize } from "../../http";
import { localeOf } from "../../plugins/locale";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { auditActors, auditCsv, auditPage } from "./service";

function sendCsv(reply: FastifyReply, csv: Readable): FastifyReply {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", 'attachment; filename="auditoria.csv"')
    .header("cache-control", "private, no-store")
    .send(csv);
}

const errorResponses = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function auditRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.addHook("preValidation", async (request) => {
      authorize(policies.audit.read(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Admins: staff and admin changes, newest first, by person, kind and period (keyset pages)",
          querystring: AuditQuery,
          response: { 200: AuditPage, ...errorResponses },
        },
      },
      async (request) => auditPage(ctx, request.query),
    );

    app.get(
      "/api/v1/audit.csv",
      {
        schema: {
          tags: ["audit"],
          summary: "Admins: the same trail as a CSV file (one line per changed field), streamed",
          querystring: AuditQuery,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const { cursor: _cursor, limit: _limit, ...filters } = request.query;
        return sendCsv(reply, auditCsv(ctx, filters, localeOf(request)));
      },
    );

    app.get(
      "/api/v1/audit/actors",
      {
        schema: {
          tags: ["audit"],
          summary: "Admins: the people who appear in the trail (the person filter's choices)",
          response: { 200: AuditActors, ...errorResponses },
        },
      },
      async () => auditActors(ctx),
    );
  };
}
