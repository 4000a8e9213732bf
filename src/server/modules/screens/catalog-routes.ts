// The console's screen catalog: the page's list, the browser's CSV import, edits, and
// "Telas com mais ocorrências". Staff read; supervisors and admins change; customers never learn of it.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { ErrorResponse } from "../../../contracts/common";
import {
  CatalogScreen,
  ScreenCatalogPage,
  ScreenCatalogQuery,
  ScreenCodeParams,
  ScreenImportRefused,
  ScreenImportResult,
  TopScreensQuery,
  TopScreensReport,
  UpdateScreenRequest,
} from "../../../contracts/screens";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { toIso } from "../../db/time";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { localeOf } from "../../plugins/locale";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import type { ScreenRow } from "./repository";
import { catalogPage, decodeCsv, describeProblem, importScreens, topScreens, updateScreen } from "./service";

const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Authorization before the input is read: a customer learns nothing from a bad query. */
const mayRead = async (request: FastifyRequest) => {
  authorize(policies.screen.readCatalog(requireAuth(request).actor));
};
const mayManage = async (request: FastifyRequest) => {
  authorize(policies.screen.manage(requireAuth(request).actor));
};

const presentScreen = (row: ScreenRow): CatalogScreen => ({
  code: row.code,
  name: row.name,
  module: row.module,
  active: row.active === 1,
  updatedAt: toIso(row.updated_at),
  categoryId: row.category_id,
});

/** The CSV's bytes: the body itself (text/csv, text/plain) or the multipart field `file`. */
async function csvBytes(request: FastifyRequest): Promise<Uint8Array> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) throw errors.field("file", "validation.csv_missing", {});
    return part.toBuffer();
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw errors.field("file", "validation.csv_missing", {});
  return request.body;
}

export function screenCatalogRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 100 },
    });
    app.addContentTypeParser(
      ["text/csv", "text/plain"],
      { parseAs: "buffer", bodyLimit: MAX_CSV_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/api/v1/console/screens",
      {
        schema: {
          tags: ["screens", "console"],
          summary: "Staff: the whole screen catalog by code, active or not, searched and in keyset pages",
          querystring: ScreenCatalogQuery,
          response: { 200: ScreenCatalogPage, 400: ErrorResponse, 404: ErrorResponse },
        },
        preValidation: mayRead,
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await catalogPage(ctx, request.query);
        return {
          items: page.rows.map(presentScreen),
          nextCursor: page.nextCursor,
          abilities: { manage: policies.screen.manage(actor) === "allow" },
        };
      },
    );

    app.post(
      "/api/v1/screens/import",
      {
        schema: {
          tags: ["screens"],
          summary:
            "Supervisors and admins: import `code;name;module` lines (text/csv body or multipart field `file`); one bad line and nothing is imported (422 naming every line)",
          consumes: ["text/csv", "text/plain", "multipart/form-data"],
          response: {
            200: ScreenImportResult,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            413: ErrorResponse,
            422: ScreenImportRefused,
          },
        },
        preValidation: mayManage,
      },
      async (request) => {
        const csv = decodeCsv(await csvBytes(request));
        const result = await importScreens(ctx, commandMeta(request, ctx.config.publicUrl), csv);
        const locale = localeOf(request);
        if (result.problems.length > 0)
          throw errors.screenImportRefused(
            result.problems.map((p) => ({ line: p.line, message: describeProblem(p, locale) })),
          );
        return { imported: result.imported, created: result.created, updated: result.updated };
      },
    );

    app.patch(
      "/api/v1/screens/:code",
      {
        schema: {
          tags: ["screens"],
          summary:
            "Supervisors and admins: rename, move to another module, deactivate (no longer offered for new tickets; kept on old ones) or reactivate",
          params: ScreenCodeParams,
          body: UpdateScreenRequest,
          response: { 200: CatalogScreen, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
        preValidation: mayManage,
      },
      async (request) => {
        const meta = commandMeta(request, ctx.config.publicUrl);
        return presentScreen(await updateScreen(ctx, meta, request.params.code, request.body));
      },
    );

    app.get(
      "/api/v1/reports/top-screens",
      {
        schema: {
          tags: ["screens", "reports"],
          summary:
            "Staff: screens ranked by tickets opened from `from` to `to` (dates in Brasília time, inclusive)",
          querystring: TopScreensQuery,
          response: { 200: TopScreensReport, 400: ErrorResponse, 404: ErrorResponse },
        },
        preValidation: mayRead,
      },
      async (request) => {
        return topScreens(ctx, request.query);
      },
    );
  };
}
