// /api/v1/console/queue: the support console's queue, its counts per view and the filter bar's
// choices. Staff only; customers are answered 404, as if the routes did not exist.
import { ErrorResponse } from "../../../contracts/common";
import { QueueCounts, QueueCountsQuery, QueueOptions, QueuePage, QueueQuery } from "../../../contracts/queue";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentQueueItem } from "./presenter";
import { pageQueue, queueCounts, queueOptions } from "./service";

export function queueRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    // Authorized before the contract validates: a customer's bad query gets the same 404 as a good one.
    app.addHook("preValidation", async (request) => {
      authorize(policies.console.use(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/console/queue",
      {
        schema: {
          tags: ["console"],
          summary:
            "Staff: a queue view (não atribuídas, minhas, abertas, aguardando cliente, vence em breve/violado, finalizadas), filtered, sorted and keyset-paginated",
          querystring: QueueQuery,
          response: { 200: QueuePage, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await pageQueue(ctx, actor, request.query);
        const now = ctx.clock.now();
        return {
          items: page.rows.map((row) => presentQueueItem(row, now)),
          nextCursor: page.nextCursor,
          sort: page.sort,
        };
      },
    );

    app.get(
      "/api/v1/console/queue/counts",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: how many tickets each queue view holds under the same filters",
          querystring: QueueCountsQuery,
          response: { 200: QueueCounts, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => queueCounts(ctx, requireAuth(request).actor, request.query),
    );

    app.get(
      "/api/v1/console/queue/options",
      {
        schema: {
          tags: ["console"],
          summary: "Staff: the queue filter bar's choices (staff, categories, tags in use)",
          response: { 200: QueueOptions, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async () => queueOptions(ctx),
    );
  };
}
