// /api/v1/console/canned-responses: the team's "respostas prontas", personal and shared, and their
// text filled in for a ticket. Customers are answered 404, as if the routes did not exist.
import { z } from "zod";
import {
  CannedResponse,
  CannedResponseIdParams,
  CannedResponseListQuery,
  CannedResponsePage,
  CreateCannedResponseRequest,
  RenderCannedResponseRequest,
  RenderedCannedResponse,
  UpdateCannedResponseRequest,
} from "../../../contracts/canned";
import { ErrorResponse } from "../../../contracts/common";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentCannedResponse } from "./presenter";
import { changeCanned, createCanned, pageCannedResponses, removeCanned, renderCanned } from "./service";

const BASE = "/api/v1/console/canned-responses";

export function cannedResponseRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    // Authorized before the contract validates: a customer's bad request gets the same 404 as a good one.
    app.addHook("preValidation", async (request) => {
      authorize(policies.console.use(requireAuth(request).actor));
    });

    app.get(
      BASE,
      {
        schema: {
          tags: ["console"],
          summary: "Staff: my canned responses and the shared ones, by title; `q` searches title and text",
          querystring: CannedResponseListQuery,
          response: { 200: CannedResponsePage, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await pageCannedResponses(ctx, actor, request.query);
        return {
          items: page.rows.map((row) => presentCannedResponse(row, actor)),
          nextCursor: page.nextCursor,
          canShare: policies.cannedResponse.create(actor, true) === "allow",
        };
      },
    );

    app.post(
      BASE,
      {
        schema: {
          tags: ["console"],
          summary: "Staff: create a personal canned response, or (supervisors, admins) a shared one",
          body: CreateCannedResponseRequest,
          response: { 201: CannedResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const row = await createCanned(ctx, commandMeta(request, ctx.config.publicUrl), actor, request.body);
        return reply.status(201).send(presentCannedResponse(row, actor));
      },
    );

    app.put(
      `${BASE}/:id`,
      {
        schema: {
          tags: ["console"],
          summary: "Staff: change my canned response, or (supervisors, admins) a shared one",
          params: CannedResponseIdParams,
          body: UpdateCannedResponseRequest,
          response: { 200: CannedResponse, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        return presentCannedResponse(
          await changeCanned(ctx, meta, actor, request.params.id, request.body),
          actor,
        );
      },
    );

    app.delete(
      `${BASE}/:id`,
      {
        schema: {
          tags: ["console"],
          summary: "Staff: delete my canned response, or (supervisors, admins) a shared one",
          params: CannedResponseIdParams,
          response: { 204: z.null(), 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        await removeCanned(ctx, commandMeta(request, ctx.config.publicUrl), actor, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${BASE}/:id/render`,
      {
        schema: {
          tags: ["console"],
          summary:
            "Staff: the text with a ticket's values in {cliente} {nome} {empresa} {ocorrencia} {plano} {prazo} " +
            "(or {customer} {company} {ticket} {plan} {due}); unknown ones stay as written",
          params: CannedResponseIdParams,
          body: RenderCannedResponseRequest,
          response: { 200: RenderedCannedResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => ({
        body: await renderCanned(ctx, requireAuth(request).actor, request.params.id, request.body),
      }),
    );
  };
}
