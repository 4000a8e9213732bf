// /api/v1/console/views: saved queue views. Staff only (customers 404); sharing with the team is for
// supervisors and admins (agents 403), and nobody sees another person's personal views.
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import { SavedView, SavedViewIdParams, SavedViewList, SaveViewRequest } from "../../../contracts/queue";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentSavedView } from "./presenter";
import { changeView, listSavedViews, removeView, saveView } from "./service";

export function savedViewRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    // Authorized before the contract validates: a customer's bad body gets the same 404 as a good one.
    app.addHook("preValidation", async (request) => {
      authorize(policies.console.use(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/console/views",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: the team's shared queue views and my own",
          response: { 200: SavedViewList, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const { rows, canShare } = await listSavedViews(ctx, actor);
        return { items: rows.map((row) => presentSavedView(row, actor)), canShare };
      },
    );

    app.post(
      "/api/v1/console/views",
      {
        schema: {
          tags: ["console"],
          summary:
            "Staff: save the queue's filters under a name (shared with the team: supervisors and admins)",
          body: SaveViewRequest,
          response: { 201: SavedView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const row = await saveView(ctx, commandMeta(request, ctx.config.publicUrl), actor, request.body);
        return reply.status(201).send(presentSavedView(row, actor));
      },
    );

    app.put(
      "/api/v1/console/views/:viewId",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: rename, refilter or (un)share a saved view",
          params: SavedViewIdParams,
          body: SaveViewRequest,
          response: { 200: SavedView, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        const row = await changeView(ctx, meta, actor, request.params.viewId, request.body);
        return presentSavedView(row, actor);
      },
    );

    app.delete(
      "/api/v1/console/views/:viewId",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: delete a saved view",
          params: SavedViewIdParams,
          response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        await removeView(ctx, commandMeta(request, ctx.config.publicUrl), actor, request.params.viewId);
        return reply.status(204).send(null);
      },
    );
  };
}
