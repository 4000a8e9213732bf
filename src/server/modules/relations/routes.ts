// Merges and links between tickets (staff; customers 404): POST /api/v1/tickets/:number/merge,
// POST /api/v1/tickets/:number/links and DELETE /api/v1/tickets/:number/links/:other.
import { ErrorResponse } from "../../../contracts/common";
import { LinkTicketRequest, MergeTicketRequest, TicketLinkParams } from "../../../contracts/relations";
import { Ticket, TicketNumberParams } from "../../../contracts/tickets";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { ticketResponse } from "../tickets/ticket-response";
import { linkTickets, mergeTicket, unlinkTickets } from "./service";

export function relationRoutes(ctx: AppContext) {
  /** Staff only; a customer is told nothing more than about a missing ticket. */
  const staffOf = (request: Parameters<typeof requireAuth>[0]) => {
    const { actor } = requireAuth(request);
    authorize(policies.console.use(actor), () => errors.notFound("ticket.not_found"));
    return { actor, meta: commandMeta(request, ctx.config.publicUrl) };
  };

  return async (app: ZodApp) => {
    app.post(
      "/api/v1/tickets/:number/merge",
      {
        schema: {
          tags: ["console", "tickets"],
          summary:
            "Merge this duplicate into `intoNumber` (same company): it is cancelled and points there; answers the duplicate",
          params: TicketNumberParams,
          body: MergeTicketRequest,
          response: {
            200: Ticket,
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { actor, meta } = staffOf(request);
        await mergeTicket(ctx, actor, meta, request.params.number, request.body);
        return ticketResponse(ctx, actor, request.params.number);
      },
    );

    app.post(
      "/api/v1/tickets/:number/links",
      {
        schema: {
          tags: ["console", "tickets"],
          summary: "Link another ticket of the same company to this one (both ways)",
          params: TicketNumberParams,
          body: LinkTicketRequest,
          response: {
            201: Ticket,
            400: ErrorResponse,
            401: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor, meta } = staffOf(request);
        await linkTickets(ctx, actor, meta, request.params.number, request.body.number);
        return reply.status(201).send(await ticketResponse(ctx, actor, request.params.number));
      },
    );

    app.delete(
      "/api/v1/tickets/:number/links/:other",
      {
        schema: {
          tags: ["console", "tickets"],
          summary: "Undo a relation between two tickets (both ways)",
          params: TicketLinkParams,
          response: { 200: Ticket, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor, meta } = staffOf(request);
        await unlinkTickets(ctx, actor, meta, request.params.number, request.params.other);
        return ticketResponse(ctx, actor, request.params.number);
      },
    );
  };
}
