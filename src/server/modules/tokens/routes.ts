// /api/v1/tokens: API tokens. Anyone signed in keeps personal tokens; admins keep service tokens.
// A token never manages tokens (route-access.ts declares these routes `session`).
import { z } from "zod";
import { ErrorResponse, Id } from "../../../contracts/common";
import {
  ApiTokenList,
  ApiTokenListQuery,
  CreateApiTokenRequest,
  CreatedApiToken,
} from "../../../contracts/tokens";
import type { AppContext } from "../../context";
import { commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { createToken, listTokensOf, revokeApiToken } from "./service";

const IdParams = z.strictObject({ id: Id });

export function tokenRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.post(
      "/api/v1/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary:
            "Create an API token: personal (anyone, within their own rights) or service (admins); the value is shown only here",
          body: CreateApiTokenRequest,
          response: { 201: CreatedApiToken, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const created = await createToken(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          auth.actor,
          request.body,
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      "/api/v1/tokens",
      {
        schema: {
          tags: ["tokens"],
          summary: "One's own personal tokens in force, or (admins, kind=service) the service tokens",
          querystring: ApiTokenListQuery,
          response: { 200: ApiTokenList, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => listTokensOf(ctx, requireAuth(request).actor, request.query),
    );

    app.delete(
      "/api/v1/tokens/:id",
      {
        schema: {
          tags: ["tokens"],
          summary: "Revoke a token at once (one's own personal token; admins: a service token)",
          params: IdParams,
          response: { 204: z.null(), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        await revokeApiToken(ctx, commandMeta(request, ctx.config.publicUrl), auth.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
