// /api/v1/tickets: open a ticket, list the company's (or, for staff, all), read one, reply, change it.

import { ErrorResponse } from "../../../contracts/common";
import { DeadlineExplanation } from "../../../contracts/sla";
import {
  AddMessageRequest,
  CreateTicketRequest,
  IdempotencyHeaders,
  SlaMetric,
  StaleTicketResponse,
  Ticket,
  TicketListQuery,
  TicketNumberParams,
  TicketPage,
  UpdateTicketRequest,
} from "../../../contracts/tickets";

const DeadlineParams = TicketNumberParams.extend({ metric: SlaMetric });

import { type Actor, policies, scopeOf } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize } from "../../http";
import { localeOf } from "../../plugins/locale";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentTicketSummary } from "./presenter";
import { explainTicketDeadline, pageTickets } from "./read-service";
import { addMessage, changeTicket, openTicket } from "./service";
import { presentTicketDetail, ticketResponse } from "./ticket-response";

const notFound = () => errors.notFound("ticket.not_found");

export function ticketRoutes(ctx: AppContext) {
  const present = (actor: Actor, number: number) => ticketResponse(ctx, actor, number);

  return async (app: ZodApp) => {
    app.post(
      "/api/v1/tickets",
      {
        schema: {
          tags: ["tickets"],
          summary: "Open a ticket (every field required; attachments uploaded beforehand)",
          body: CreateTicketRequest,
          headers: IdempotencyHeaders,
          response: { 201: Ticket, 400: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.ticket.open(actor));
        const opened = await openTicket(ctx, actor, request.body, request.headers["idempotency-key"]);
        // A retry answers the ticket the first request opened, as it is now.
        const ticket = opened.page
          ? await presentTicketDetail(ctx, actor, opened.page)
          : await present(actor, opened.number);
        return reply.status(201).send(ticket);
      },
    );

    app.get(
      "/api/v1/tickets",
      {
        schema: {
          tags: ["tickets"],
          summary: "Tickets by last update: a customer's company's, or (staff) all; filter and search",
          querystring: TicketListQuery,
          response: { 200: TicketPage, 400: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await pageTickets(ctx, scopeOf(actor), request.query);
        return { items: page.rows.map(presentTicketSummary), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/api/v1/tickets/:number",
      {
        schema: {
          tags: ["tickets"],
          summary: "A ticket with its history (customers never receive internal notes)",
          params: TicketNumberParams,
          response: { 200: Ticket, 404: ErrorResponse },
        },
      },
      async (request) => present(requireAuth(request).actor, request.params.number),
    );

    app.get(
      "/api/v1/tickets/:number/deadlines/:metric",
      {
        schema: {
          tags: ["tickets", "sla"],
          summary:
            "“Como este prazo foi calculado”: a deadline's counted and skipped spans (staff) and plain lines",
          params: DeadlineParams,
          response: { 200: DeadlineExplanation, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const explanation = await explainTicketDeadline(
          ctx,
          actor,
          request.params.number,
          request.params.metric,
          localeOf(request),
        );
        if (!explanation) throw notFound();
        return explanation;
      },
    );

    app.post(
      "/api/v1/tickets/:number/messages",
      {
        schema: {
          tags: ["tickets"],
          summary: "Reply (“Resposta”), or for staff an internal note; answers the updated ticket",
          params: TicketNumberParams,
          body: AddMessageRequest,
          headers: IdempotencyHeaders,
          response: {
            201: Ticket,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        await addMessage(ctx, actor, request.params.number, request.body, request.headers["idempotency-key"]);
        return reply.status(201).send(await present(actor, request.params.number));
      },
    );

    app.patch(
      "/api/v1/tickets/:number",
      {
        schema: {
          tags: ["tickets"],
          summary:
            "Staff: change status, priority, kind, category, screen, assignee or tags; 409 when `version` " +
            "is stale, with the current version and the changes made since",
          params: TicketNumberParams,
          body: UpdateTicketRequest,
          response: {
            200: Ticket,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: StaleTicketResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        await changeTicket(ctx, actor, request.params.number, request.body);
        return present(actor, request.params.number);
      },
    );
  };
}
