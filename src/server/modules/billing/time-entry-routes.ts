// Time entries: a ticket's (list, log, delete) and a person's over a range. Staff only: a customer is
// answered 404 on every one of these addresses, before its input is even read.
import {
  AgentTimeEntryPage,
  AgentTimeEntryQuery,
  CreateTimeEntryRequest,
  TicketTimeEntries,
  TimeEntryParams,
} from "../../../contracts/billing";
import { ErrorResponse } from "../../../contracts/common";
import { TicketNumberParams } from "../../../contracts/tickets";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentTimeEntry, presentTimeTotals } from "./presenter";
import { logTime, pageTimeEntries, removeTimeEntry, ticketTime } from "./time-entries";

export function timeEntryRoutes(ctx: AppContext) {
  async function present(actor: Actor, number: number): Promise<TicketTimeEntries> {
    const time = await ticketTime(ctx, actor, number);
    if (!time) throw errors.notFound("ticket.not_found");
    return {
      items: time.rows.map((row) => presentTimeEntry(row, actor)),
      totals: presentTimeTotals(time.totals),
    };
  }

  return async (app: ZodApp) => {
    app.addHook("preValidation", async (request) => {
      authorize(policies.console.use(requireAuth(request).actor));
    });

    app.get(
      "/api/v1/tickets/:number/time-entries",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Staff: the ticket's time entries (“apontamento de horas”), latest work day first, with totals",
          params: TicketNumberParams,
          response: { 200: TicketTimeEntries, 404: ErrorResponse },
        },
      },
      async (request) => present(requireAuth(request).actor, request.params.number),
    );

    app.post(
      "/api/v1/tickets/:number/time-entries",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Staff: log minutes worked on the ticket (work date: today in São Paulo unless given); answers the list",
          params: TicketNumberParams,
          body: CreateTimeEntryRequest,
          response: { 201: TicketTimeEntries, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        await logTime(ctx, actor, meta, request.params.number, request.body);
        return reply.status(201).send(await present(actor, request.params.number));
      },
    );

    app.delete(
      "/api/v1/tickets/:number/time-entries/:entryId",
      {
        schema: {
          tags: ["billing", "console"],
          summary: "Staff: delete one's own time entry (supervisors and admins: anyone's); answers the list",
          params: TimeEntryParams,
          response: { 200: TicketTimeEntries, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const meta = commandMeta(request, ctx.config.publicUrl);
        await removeTimeEntry(ctx, actor, meta, request.params.number, request.params.entryId);
        return present(actor, request.params.number);
      },
    );

    app.get(
      "/api/v1/console/time-entries",
      {
        schema: {
          tags: ["billing", "console"],
          summary:
            "Staff: a person's time entries over work dates, newest first, with the range's totals (agents: their own; supervisors and admins: anyone's, or everyone's without userId)",
          querystring: AgentTimeEntryQuery,
          response: { 200: AgentTimeEntryPage, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const page = await pageTimeEntries(ctx, actor, request.query);
        return {
          items: page.rows.map((row) => ({
            ...presentTimeEntry(row, actor),
            ticketSubject: row.ticket_subject,
            companyName: row.company_name,
          })),
          nextCursor: page.nextCursor,
          totals: presentTimeTotals(page.totals),
        };
      },
    );
  };
}
