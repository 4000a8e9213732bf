// GET /api/v1/screens: the screen catalog, for the ticket form's autocomplete.
import { ErrorResponse } from "../../../contracts/common";
import { ScreenList, ScreenQuery } from "../../../contracts/screens";
import type { AppContext } from "../../context";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { screensMatching } from "./service";

export function screenRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/screens",
      {
        schema: {
          tags: ["screens"],
          summary: "ERP screens by code prefix or name words (accent-insensitive)",
          querystring: ScreenQuery,
          response: { 200: ScreenList, 401: ErrorResponse },
        },
      },
      async (request) => {
        requireAuth(request);
        const rows = await screensMatching(ctx, request.query.q, request.query.limit);
        return { items: rows.map((r) => ({ code: r.code, name: r.name, module: r.module })) };
      },
    );
  };
}
