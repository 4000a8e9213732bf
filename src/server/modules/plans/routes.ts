// /api/v1/calendars, /api/v1/plans and /api/v1/sla/simulate: the SLA's configuration and its preview.
import { z } from "zod";
import { ErrorResponse } from "../../../contracts/common";
import {
  ArchiveRefused,
  AtRiskPage,
  AtRiskQuery,
  Calendar,
  CalendarIdParams,
  CalendarList,
  CalendarRequest,
  ComplianceQuery,
  ComplianceReport,
  Plan,
  PlanIdParams,
  PlanList,
  PlanRequest,
  SimulateRequest,
  SimulateResponse,
} from "../../../contracts/sla";
import { type Actor, policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { toIso } from "../../db/time";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { localeOf } from "../../plugins/locale";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { complianceReport } from "../sla/compliance";
import { runningDeadlines } from "../sla/repository";
import { setCalendarArchive, setPlanArchive } from "./archive";
import { createCalendar, removeCalendar, replaceCalendar } from "./calendars";
import { createPlan, removePlan, replacePlan } from "./plans";
import { presentCalendar, presentPlan } from "./presenter";
import { findCalendarRow, findPlanRow, listCalendarRows, listPlanRows, planOfCompany } from "./repository";
import { simulateDeadlines } from "./simulate";

const planNotFound = () => errors.notFound("plan.not_found");
const calendarNotFound = () => errors.notFound("calendar.not_found");

export function planRoutes(ctx: AppContext) {
  const companyPlan = (actor: Actor) =>
    actor.companyId ? planOfCompany(ctx.db, actor.companyId) : Promise.resolve(null);

  return async (app: ZodApp) => {
    app.get(
      "/api/v1/calendars",
      { schema: { tags: ["sla"], response: { 200: CalendarList, 404: ErrorResponse } } },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.readAll(actor));
        const now = ctx.clock.now();
        return { items: (await listCalendarRows(ctx.db)).map((row) => presentCalendar(row, now)) };
      },
    );

    app.post(
      "/api/v1/calendars",
      {
        schema: {
          tags: ["sla"],
          body: CalendarRequest,
          response: { 201: Calendar, 400: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor));
        const row = await createCalendar(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
        return reply.status(201).send(presentCalendar(row, ctx.clock.now()));
      },
    );

    app.get(
      "/api/v1/calendars/:calendarId",
      {
        schema: { tags: ["sla"], params: CalendarIdParams, response: { 200: Calendar, 404: ErrorResponse } },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.readAll(actor), calendarNotFound);
        const row = await findCalendarRow(ctx.db, request.params.calendarId);
        if (!row) throw calendarNotFound();
        return presentCalendar(row, ctx.clock.now());
      },
    );

    app.put(
      "/api/v1/calendars/:calendarId",
      {
        schema: {
          tags: ["sla"],
          params: CalendarIdParams,
          body: CalendarRequest,
          response: { 200: Calendar, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), calendarNotFound);
        const row = await replaceCalendar(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.calendarId,
          request.body,
        );
        return presentCalendar(row, ctx.clock.now());
      },
    );

    app.delete(
      "/api/v1/calendars/:calendarId",
      {
        schema: {
          tags: ["sla"],
          params: CalendarIdParams,
          response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), calendarNotFound);
        await removeCalendar(ctx, commandMeta(request, ctx.config.publicUrl), request.params.calendarId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/v1/plans",
      {
        schema: {
          tags: ["sla"],
          summary: "Staff: every plan; a customer: its company's",
          response: { 200: PlanList },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const only = policies.sla.readAll(actor) === "allow" ? undefined : await companyPlan(actor);
        const rows = only === null ? [] : await listPlanRows(ctx.db, only);
        return { items: rows.map((row) => presentPlan(row, ctx.clock.now())) };
      },
    );

    app.post(
      "/api/v1/plans",
      {
        schema: {
          tags: ["sla"],
          body: PlanRequest,
          response: { 201: Plan, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor));
        const row = await createPlan(ctx, commandMeta(request, ctx.config.publicUrl), request.body);
        return reply.status(201).send(presentPlan(row, ctx.clock.now()));
      },
    );

    app.get(
      "/api/v1/plans/:planId",
      { schema: { tags: ["sla"], params: PlanIdParams, response: { 200: Plan, 404: ErrorResponse } } },
      async (request) => {
        const { actor } = requireAuth(request);
        const row = await findPlanRow(ctx.db, request.params.planId);
        if (!row) throw planNotFound();
        authorize(policies.sla.readPlan(actor, row, await companyPlan(actor)), planNotFound);
        return presentPlan(row, ctx.clock.now());
      },
    );

    app.put(
      "/api/v1/plans/:planId",
      {
        schema: {
          tags: ["sla"],
          summary: "Replace a plan; tickets already open keep the policy they were opened under",
          params: PlanIdParams,
          body: PlanRequest,
          response: {
            200: Plan,
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), planNotFound);
        const row = await replacePlan(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.planId,
          request.body,
        );
        return presentPlan(row, ctx.clock.now());
      },
    );

    app.delete(
      "/api/v1/plans/:planId",
      {
        schema: {
          tags: ["sla"],
          params: PlanIdParams,
          response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), planNotFound);
        await removePlan(ctx, commandMeta(request, ctx.config.publicUrl), request.params.planId);
        return reply.status(204).send(null);
      },
    );

    for (const [suffix, archived] of [
      ["archive", true],
      ["unarchive", false],
    ] as const) {
      app.post(
        `/api/v1/plans/:planId/${suffix}`,
        {
          schema: {
            tags: ["sla"],
            summary: archived
              ? "Archive a plan: no longer offered to companies; refused (409, naming them) while a company has it"
              : "Bring an archived plan back",
            params: PlanIdParams,
            response: { 200: Plan, 403: ErrorResponse, 404: ErrorResponse, 409: ArchiveRefused },
          },
        },
        async (request) => {
          const { actor } = requireAuth(request);
          authorize(policies.sla.manage(actor), planNotFound);
          const meta = commandMeta(request, ctx.config.publicUrl);
          const row = await setPlanArchive(ctx, meta, request.params.planId, archived);
          return presentPlan(row, ctx.clock.now());
        },
      );

      app.post(
        `/api/v1/calendars/:calendarId/${suffix}`,
        {
          schema: {
            tags: ["sla"],
            summary: archived
              ? "Archive a calendar: no longer offered for plans; refused (409, naming them) while a plan not archived counts in it"
              : "Bring an archived calendar back",
            params: CalendarIdParams,
            response: { 200: Calendar, 403: ErrorResponse, 404: ErrorResponse, 409: ArchiveRefused },
          },
        },
        async (request) => {
          const { actor } = requireAuth(request);
          authorize(policies.sla.manage(actor), calendarNotFound);
          const meta = commandMeta(request, ctx.config.publicUrl);
          const row = await setCalendarArchive(ctx, meta, request.params.calendarId, archived);
          return presentCalendar(row, ctx.clock.now());
        },
      );
    }

    app.get(
      "/api/v1/sla/compliance",
      {
        schema: {
          tags: ["sla"],
          summary:
            "Per company, for tickets opened in a month: deadlines met, breached, pending and the share met",
          querystring: ComplianceQuery,
          response: { 200: ComplianceReport, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.compliance(actor));
        return complianceReport(ctx, request.query.month);
      },
    );

    app.get(
      "/api/v1/sla/at-risk",
      {
        schema: {
          tags: ["sla"],
          summary: "Staff: running deadlines, soonest (and breached) first",
          querystring: AtRiskQuery,
          response: { 200: AtRiskPage, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.readAll(actor));
        const now = ctx.clock.now();
        const rows = await runningDeadlines(ctx.db, {
          dueBefore: request.query.dueBefore ? Date.parse(request.query.dueBefore) : undefined,
          limit: request.query.limit,
        });
        return {
          items: rows.map((row) => ({
            ticketNumber: row.number,
            subject: row.subject,
            companyName: row.company_name,
            priority: row.priority,
            status: row.status,
            metric: row.metric as "first_response" | "next_response" | "resolution",
            dueAt: toIso(row.due_at ?? 0),
            breached: (row.due_at ?? 0) < now,
          })),
        };
      },
    );

    app.post(
      "/api/v1/sla/simulate",
      {
        schema: {
          tags: ["sla"],
          summary: "Deadlines a ticket opened at `openedAt` would get, with how each was calculated",
          body: SimulateRequest,
          response: { 200: SimulateResponse, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(
          policies.sla.readPlan(actor, { id: request.body.planId }, await companyPlan(actor)),
          planNotFound,
        );
        return simulateDeadlines(ctx, request.body, localeOf(request));
      },
    );
  };
}
