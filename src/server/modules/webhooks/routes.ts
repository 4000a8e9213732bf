// /api/v1/webhooks ("Integrações" → "Webhooks", admins): endpoints, their deliveries and "reenviar".
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookList,
  WebhookParams,
  WebhookWithSecret,
} from "../../../contracts/webhooks";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  pageDeliveries,
  resendDelivery,
  updateWebhook,
  webhookById,
} from "./service";

const denied = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function webhookRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    const admin = (request: Parameters<typeof requireAuth>[0]) =>
      authorize(policies.integrations.manage(requireAuth(request).actor));

    app.get(
      "/api/v1/webhooks",
      {
        schema: {
          tags: ["webhooks"],
          summary: "The webhook endpoints (admins), with their last delivery's outcome",
          response: { 200: WebhookList, ...denied },
        },
      },
      async (request) => {
        admin(request);
        return { items: await listWebhooks(ctx) };
      },
    );

    app.post(
      "/api/v1/webhooks",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Register an endpoint (admins; audited): the answer is the only one showing its secret",
          body: CreateWebhookRequest,
          response: { 201: WebhookWithSecret, 400: ErrorResponse, ...denied },
        },
      },
      async (request, reply) => {
        admin(request);
        const created = await createWebhook(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      "/api/v1/webhooks/:id",
      {
        schema: {
          tags: ["webhooks"],
          summary: "One webhook endpoint (admins)",
          params: WebhookParams,
          response: { 200: Webhook, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        admin(request);
        return webhookById(ctx, request.params.id);
      },
    );

    app.patch(
      "/api/v1/webhooks/:id",
      {
        schema: {
          tags: ["webhooks"],
          summary:
            "Change an endpoint: address, events, internal notes, on/off, or rotate its secret (answered once) (admins; audited)",
          params: WebhookParams,
          body: UpdateWebhookRequest,
          response: { 200: z.union([WebhookWithSecret, Webhook]), 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        admin(request);
        return updateWebhook(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.id,
          request.body,
        );
      },
    );

    app.delete(
      "/api/v1/webhooks/:id",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Delete an endpoint and its deliveries (admins; audited)",
          params: WebhookParams,
          response: { 204: z.null(), 400: ErrorResponse, ...denied },
        },
      },
      async (request, reply) => {
        admin(request);
        await deleteWebhook(ctx, commandMeta(request, ctx.config.publicUrl), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/v1/webhooks/:id/deliveries",
      {
        schema: {
          tags: ["webhooks"],
          summary:
            "An endpoint's deliveries, newest first (admins): event, state, attempts, status code, duration, the answer's first bytes",
          params: WebhookParams,
          querystring: WebhookDeliveryQuery,
          response: { 200: WebhookDeliveryPage, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        admin(request);
        return pageDeliveries(ctx, request.params.id, request.query);
      },
    );

    app.post(
      "/api/v1/webhooks/:id/deliveries/:deliveryId/resend",
      {
        schema: {
          tags: ["webhooks"],
          summary: "Queue a delivered or failed delivery again, same webhook-id and body (admins; audited)",
          params: WebhookDeliveryParams,
          response: { 200: WebhookDelivery, 400: ErrorResponse, 409: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        admin(request);
        return resendDelivery(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.id,
          request.params.deliveryId,
        );
      },
    );
  };
}
