// Consultancy estimates of a ticket: listed for staff (all) and the ticket's company (once sent);
// drafted, sent and withdrawn by staff; approved or declined by the company's admin.
import type { FastifyRequest } from "fastify";
import {
  CreateEstimateRequest,
  DecideEstimateRequest,
  Estimate,
  EstimateList,
  EstimateParams,
} from "../../../contracts/billing";
import { ErrorResponse, isStaffRole } from "../../../contracts/common";
import { TicketNumberParams } from "../../../contracts/tickets";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { billingErrors } from "./errors";
import {
  decideEstimate,
  draftEstimate,
  estimateById,
  sendEstimate,
  ticketEstimates,
  withdrawEstimate,
} from "./estimates";
import { presentEstimate } from "./presenter";

/** Staff-only addresses answer customers 404 before reading their input. */
async function staffOnly(request: FastifyRequest): Promise<void> {
  authorize(policies.console.use(requireAuth(request).actor));
}

const commandResponses = {
  200: Estimate,
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export function estimateRoutes(ctx: AppContext) {
  async function answer(id: string): Promise<Estimate> {
    const row = await estimateById(ctx, id);
    if (!row) throw billingErrors.estimateNotFound();
    return presentEstimate(row);
  }

  return async (app: ZodApp) => {
    app.get(
      "/api/v1/tickets/:number/estimates",
      {
        schema: {
          tags: ["billing"],
          summary:
            "The ticket's hours estimates, newest first: staff see all, the ticket's company only sent, approved and declined ones",
          params: TicketNumberParams,
          response: { 200: EstimateList, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const found = await ticketEstimates(ctx, actor, request.params.number);
        if (!found) throw errors.notFound("ticket.not_found");
        return {
          items: found.rows.map(presentEstimate),
          abilities: {
            manage: isStaffRole(actor.role),
            decide:
              policies.billing.decideEstimate(actor, { companyId: found.ticket.company_id }) === "allow",
          },
        };
      },
    );

    app.post(
      "/api/v1/tickets/:number/estimates",
      {
        preValidation: staffOnly,
        schema: {
          tags: ["billing", "console"],
          summary:
            "Staff: draft an hours estimate on a consultancy ticket (422 on support; 409 while another is open)",
          params: TicketNumberParams,
          body: CreateEstimateRequest,
          response: {
            201: Estimate,
            400: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        const id = await draftEstimate(ctx, actor, meta, request.params.number, request.body);
        return reply.status(201).send(await answer(id));
      },
    );

    app.post(
      "/api/v1/tickets/:number/estimates/:estimateId/send",
      {
        preValidation: staffOnly,
        schema: {
          tags: ["billing", "console"],
          summary: "Staff: send a draft to the customer for approval (409 when it is no longer a draft)",
          params: EstimateParams,
          response: commandResponses,
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const { number, estimateId } = request.params;
        await sendEstimate(ctx, actor, commandMeta(request, ctx.config.publicUrl), number, estimateId);
        return answer(estimateId);
      },
    );

    app.post(
      "/api/v1/tickets/:number/estimates/:estimateId/withdraw",
      {
        preValidation: staffOnly,
        schema: {
          tags: ["billing", "console"],
          summary: "Staff: withdraw a draft or a sent estimate not yet decided (409 otherwise)",
          params: EstimateParams,
          response: commandResponses,
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const { number, estimateId } = request.params;
        await withdrawEstimate(ctx, actor, commandMeta(request, ctx.config.publicUrl), number, estimateId);
        return answer(estimateId);
      },
    );

    for (const [action, status] of [
      ["approve", "approved"],
      ["decline", "declined"],
    ] as const) {
      app.post(
        `/api/v1/tickets/:number/estimates/:estimateId/${action}`,
        {
          schema: {
            tags: ["billing"],
            summary: `The company's admin: ${action} a sent estimate (409 when someone decided or withdrew it first)`,
            params: EstimateParams,
            body: DecideEstimateRequest,
            response: commandResponses,
          },
        },
        async (request) => {
          const { actor } = requireAuth(request);
          const { number, estimateId } = request.params;
          await decideEstimate(ctx, actor, commandMeta(request, ctx.config.publicUrl), number, estimateId, {
            status,
            note: request.body.note,
          });
          return answer(estimateId);
        },
      );
    }
  };
}
