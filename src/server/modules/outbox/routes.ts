// /api/v1/admin/outbox ("Caixa de saída", admins) and /api/v1/me/notification-preferences (everyone's own).
import { z } from "zod";
import { ErrorResponse, Id } from "../../../contracts/common";
import { EmailPreferences, OutboxDetail, OutboxListQuery, OutboxPage } from "../../../contracts/outbox";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { emailPreferencesOf, setEmailPreferences } from "./preferences";
import { outboxMessage, pageOutbox, resendOutboxMessage } from "./service";

const IdParams = z.strictObject({ id: Id });

export function outboxRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/admin/outbox",
      {
        schema: {
          tags: ["outbox"],
          summary: "The e-mails written, newest first (admins): state, attempts, last error",
          querystring: OutboxListQuery,
          response: { 200: OutboxPage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        authorize(policies.outbox.manage(requireAuth(request).actor));
        return pageOutbox(ctx, request.query);
      },
    );

    app.get(
      "/api/v1/admin/outbox/:id",
      {
        schema: {
          tags: ["outbox"],
          summary: "One e-mail as written: text and HTML (admins)",
          params: IdParams,
          response: { 200: OutboxDetail, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        authorize(policies.outbox.manage(requireAuth(request).actor));
        return outboxMessage(ctx, request.params.id);
      },
    );

    app.post(
      "/api/v1/admin/outbox/:id/resend",
      {
        schema: {
          tags: ["outbox"],
          summary: "Queue a failed or sent e-mail again (admins; audited)",
          params: IdParams,
          response: {
            200: OutboxDetail,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => {
        authorize(policies.outbox.manage(requireAuth(request).actor));
        return resendOutboxMessage(ctx, commandMeta(request, ctx.config.publicUrl), request.params.id);
      },
    );

    app.get(
      "/api/v1/me/notification-preferences",
      {
        schema: {
          tags: ["me"],
          summary: "Which optional e-mails one gets (account e-mails are always sent)",
          response: { 200: EmailPreferences, 401: ErrorResponse },
        },
      },
      async (request) => emailPreferencesOf(ctx.db, requireAuth(request).actor.userId),
    );

    app.put(
      "/api/v1/me/notification-preferences",
      {
        schema: {
          tags: ["me"],
          summary: "Choose which optional e-mails one gets",
          body: EmailPreferences,
          response: { 200: EmailPreferences, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => {
        const userId = requireAuth(request).actor.userId;
        await setEmailPreferences(ctx.db, userId, request.body);
        return emailPreferencesOf(ctx.db, userId);
      },
    );
  };
}
