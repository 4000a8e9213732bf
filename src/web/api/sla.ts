// Support plans and business calendars: read by everyone (a customer sees its own plan), changed by admins;
// and the monthly compliance report.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Calendar,
  CalendarHolidays,
  CalendarList,
  type CalendarRequest,
  ComplianceReport,
  type CustomHoliday,
  Plan,
  PlanList,
  type PlanRequest,
  type SimulateRequest,
  SimulateResponse,
} from "../../contracts/sla";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

export function usePlans() {
  return useQuery({
    queryKey: queryKeys.plans,
    queryFn: () => apiRequest("GET", "/api/v1/plans", PlanList),
  });
}

/** Staff only. */
export function useCalendars(enabled = true) {
  return useQuery({
    queryKey: queryKeys.calendars,
    queryFn: () => apiRequest("GET", "/api/v1/calendars", CalendarList),
    enabled,
  });
}

/** Creates a plan when `planId` is null, else replaces it. */
export function useSavePlan(planId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PlanRequest) =>
      planId
        ? apiRequest("PUT", `/api/v1/plans/${planId}`, Plan, request)
        : apiRequest("POST", "/api/v1/plans", Plan, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.plans }),
  });
}

/** Creates a calendar when `calendarId` is null, else replaces it; plans embed calendars, so both refresh. */
export function useSaveCalendar(calendarId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CalendarRequest) =>
      calendarId
        ? apiRequest("PUT", `/api/v1/calendars/${calendarId}`, Calendar, request)
        : apiRequest("POST", "/api/v1/calendars", Calendar, request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars });
      await queryClient.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}

/** Staff only: one year of a calendar's holidays, and the region's ones removed from it. */
export function useCalendarHolidays(calendarId: string, year: number) {
  return useQuery({
    queryKey: queryKeys.calendarHolidays(calendarId, year),
    queryFn: () =>
      apiRequest("GET", `/api/v1/calendars/${calendarId}/holidays?year=${year}`, CalendarHolidays),
  });
}

/**
 * A change to a calendar's holidays answers that year's list; calendars and plans show the next
 * holidays, so both refresh.
 */
function useHolidayChange<T>(calendarId: string, request: (variables: T) => Promise<CalendarHolidays>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (holidays) => {
      queryClient.setQueryData(queryKeys.calendarHolidays(calendarId, holidays.year), holidays);
      // Exact: the other years' lists did not change (and this one was just set).
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars, exact: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}

/** Adds a named holiday (a municipal one) to the calendar. */
export function useAddHoliday(calendarId: string) {
  return useHolidayChange(calendarId, (holiday: CustomHoliday) =>
    apiRequest("POST", `/api/v1/calendars/${calendarId}/holidays`, CalendarHolidays, holiday),
  );
}

/** Removes the holiday on a date: a custom one is dropped, a generated one can be restored. */
export function useRemoveHoliday(calendarId: string) {
  return useHolidayChange(calendarId, (date: string) =>
    apiRequest("DELETE", `/api/v1/calendars/${calendarId}/holidays/${date}`, CalendarHolidays),
  );
}

export function useRestoreHoliday(calendarId: string) {
  return useHolidayChange(calendarId, (date: string) =>
    apiRequest("POST", `/api/v1/calendars/${calendarId}/holidays/${date}/restore`, CalendarHolidays),
  );
}

/** Supervisors and admins: per company, the deadlines of tickets opened in `month` ("2026-04") met and breached. */
export function useComplianceReport(month: string) {
  return useQuery({
    queryKey: queryKeys.compliance(month),
    queryFn: () => apiRequest("GET", `/api/v1/sla/compliance${searchOf({ month })}`, ComplianceReport),
  });
}

/** When a ticket opened at a given moment would be due, and why. */
export function useSimulateDeadline() {
  return useMutation({
    mutationFn: (request: SimulateRequest) =>
      apiRequest("POST", "/api/v1/sla/simulate", SimulateResponse, request),
  });
}

/** Archives or brings back a plan or a calendar; a 409 names who still uses it. */
export function useArchive(kind: "plan" | "calendar") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, archived }: { id: string; archived: boolean }): Promise<void> => {
      const action = archived ? "archive" : "unarchive";
      if (kind === "plan") await apiRequest("POST", `/api/v1/plans/${id}/${action}`, Plan, {});
      else await apiRequest("POST", `/api/v1/calendars/${id}/${action}`, Calendar, {});
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      await queryClient.invalidateQueries({ queryKey: queryKeys.calendars });
    },
  });
}
