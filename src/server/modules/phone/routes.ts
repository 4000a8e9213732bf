// Phone calls in the console: POST /api/v1/console/phone-tickets (a call that opens a ticket for a
// customer) and POST /api/v1/tickets/:number/calls (a call about a ticket). Staff only; customers 404.
import { ErrorResponse } from "../../../contracts/common";
import { LogCallRequest, PhoneTicketRequest } from "../../../contracts/phone";
import { Ticket, TicketNumberParams } from "../../../contracts/tickets";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { ticketResponse } from "../tickets/ticket-response";
import { logCall, openPhoneTicket } from "./service";

export function phoneRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.post(
      "/api/v1/console/phone-tickets",
      {
        schema: {
          tags: ["console", "tickets"],
          summary:
            "Log a phone call as a new ticket for a customer (the portal form's fields, plus the call's minutes)",
          body: PhoneTicketRequest,
          response: { 201: Ticket, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.console.use(actor));
        const number = await openPhoneTicket(
          ctx,
          actor,
          commandMeta(request, ctx.config.publicUrl),
          request.body,
        );
        return reply.status(201).send(await ticketResponse(ctx, actor, number));
      },
    );

    app.post(
      "/api/v1/tickets/:number/calls",
      {
        schema: {
          tags: ["console", "tickets"],
          summary:
            "Log a phone call on a ticket: its minutes and “Resumo da ligação” (public by default, answering like a reply)",
          params: TicketNumberParams,
          body: LogCallRequest,
          response: {
            201: Ticket,
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.console.use(actor), () => errors.notFound("ticket.not_found"));
        await logCall(
          ctx,
          actor,
          commandMeta(request, ctx.config.publicUrl),
          request.params.number,
          request.body,
        );
        return reply.status(201).send(await ticketResponse(ctx, actor, request.params.number));
      },
    );
  };
}
