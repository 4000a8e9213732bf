// /api/v1/calendars/:calendarId/holidays: a calendar's holidays by year, and the admin's changes to them.
import { ErrorResponse } from "../../../contracts/common";
import {
  CalendarHolidayParams,
  CalendarHolidays,
  CalendarHolidaysQuery,
  CalendarIdParams,
  CustomHoliday,
} from "../../../contracts/sla";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { errors } from "../../errors";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { addCustomHoliday, removeHoliday, restoreHoliday } from "./calendar-holidays";
import { currentYear, presentCalendarHolidays } from "./presenter";
import { findCalendarRow } from "./repository";

const calendarNotFound = () => errors.notFound("calendar.not_found");
const yearOf = (date: string) => Number(date.slice(0, 4));

export function calendarHolidayRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/calendars/:calendarId/holidays",
      {
        schema: {
          tags: ["sla"],
          summary: "Staff: a year's holidays (generated minus removed, plus custom) and the removed ones",
          params: CalendarIdParams,
          querystring: CalendarHolidaysQuery,
          response: { 200: CalendarHolidays, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.readAll(actor), calendarNotFound);
        const row = await findCalendarRow(ctx.db, request.params.calendarId);
        if (!row) throw calendarNotFound();
        return presentCalendarHolidays(row, request.query.year ?? currentYear(row, ctx.clock.now()));
      },
    );

    app.post(
      "/api/v1/calendars/:calendarId/holidays",
      {
        schema: {
          tags: ["sla"],
          summary: "Admin: add a custom holiday (e.g. a municipal one); answers that year's holidays",
          params: CalendarIdParams,
          body: CustomHoliday,
          response: { 201: CalendarHolidays, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), calendarNotFound);
        const row = await addCustomHoliday(
          ctx,
          commandMeta(request, ctx.config.publicUrl),
          request.params.calendarId,
          request.body,
        );
        return reply.status(201).send(presentCalendarHolidays(row, yearOf(request.body.date)));
      },
    );

    app.delete(
      "/api/v1/calendars/:calendarId/holidays/:date",
      {
        schema: {
          tags: ["sla"],
          summary:
            "Admin: remove the holiday on a date (a custom one is dropped, a generated one marked removed); answers that year's holidays",
          params: CalendarHolidayParams,
          response: { 200: CalendarHolidays, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), calendarNotFound);
        const { calendarId, date } = request.params;
        const row = await removeHoliday(ctx, commandMeta(request, ctx.config.publicUrl), calendarId, date);
        return presentCalendarHolidays(row, yearOf(date));
      },
    );

    app.post(
      "/api/v1/calendars/:calendarId/holidays/:date/restore",
      {
        schema: {
          tags: ["sla"],
          summary: "Admin: take back a removed generated holiday; answers that year's holidays",
          params: CalendarHolidayParams,
          response: { 200: CalendarHolidays, 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.sla.manage(actor), calendarNotFound);
        const { calendarId, date } = request.params;
        const row = await restoreHoliday(ctx, commandMeta(request, ctx.config.publicUrl), calendarId, date);
        return presentCalendarHolidays(row, yearOf(date));
      },
    );
  };
}
