// Billing: a ticket's time entries and hours estimates, and the monthly statement.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CompanyStatement,
  type CreateEstimateRequest,
  type CreateTimeEntryRequest,
  type DecideEstimateRequest,
  Estimate,
  EstimateList,
  PlanConsumption,
  StatementReport,
  TicketTimeEntries,
} from "../../contracts/billing";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const ticketPath = (number: number) => `/api/v1/tickets/${number}`;

/** Staff: the ticket's time entries with their totals. */
export function useTicketTimeEntries(number: number) {
  return useQuery({
    queryKey: queryKeys.ticketTimeEntries(number),
    queryFn: () => apiRequest("GET", `${ticketPath(number)}/time-entries`, TicketTimeEntries),
  });
}

/** What the form sends: minutes may be missing, for the server to say the field is required. */
export type TimeEntryDraft = Omit<CreateTimeEntryRequest, "minutes" | "workDate"> & {
  minutes: number | undefined;
  workDate: string | undefined;
};

/** Logging and deleting answer the ticket's list as it is now. */
export function useLogTime(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TimeEntryDraft) =>
      apiRequest("POST", `${ticketPath(number)}/time-entries`, TicketTimeEntries, request),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.ticketTimeEntries(number), list),
  });
}

export function useDeleteTimeEntry(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) =>
      apiRequest("DELETE", `${ticketPath(number)}/time-entries/${entryId}`, TicketTimeEntries),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.ticketTimeEntries(number), list),
  });
}

/** The estimates the caller may see (customers: once sent) and what the caller may do with them. */
export function useTicketEstimates(number: number) {
  return useQuery({
    queryKey: queryKeys.ticketEstimates(number),
    queryFn: () => apiRequest("GET", `${ticketPath(number)}/estimates`, EstimateList),
  });
}

export type EstimateCommand =
  | { action: "create"; request: CreateEstimateRequest }
  | { action: "send" | "withdraw"; estimateId: string }
  | { action: "approve" | "decline"; estimateId: string; request: DecideEstimateRequest };

function runEstimateCommand(number: number, command: EstimateCommand): Promise<Estimate> {
  const base = `${ticketPath(number)}/estimates`;
  switch (command.action) {
    case "create":
      return apiRequest("POST", base, Estimate, command.request);
    case "send":
    case "withdraw":
      return apiRequest("POST", `${base}/${command.estimateId}/${command.action}`, Estimate, {});
    case "approve":
    case "decline":
      return apiRequest("POST", `${base}/${command.estimateId}/${command.action}`, Estimate, command.request);
  }
}

/**
 * Every estimate command; afterwards the ticket (its history tells of the estimate) and, under its
 * key, its estimates are refetched. A lost race (409) refetches too, to show what happened instead.
 */
export function useEstimateCommand(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: EstimateCommand) => runEstimateCommand(number, command),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(number) }),
  });
}

/** Supervisors and admins: every company's figures for a month. */
export function useStatements(month: string) {
  return useQuery({
    queryKey: queryKeys.statements(month),
    queryFn: () => apiRequest("GET", `/api/v1/console/statements${searchOf({ month })}`, StatementReport),
  });
}

export function useCompanyStatement(companyId: string, month: string) {
  return useQuery({
    queryKey: queryKeys.companyStatement(companyId, month),
    queryFn: () =>
      apiRequest("GET", `/api/v1/console/statements/${companyId}${searchOf({ month })}`, CompanyStatement),
  });
}

/** The CSV file's address, for a plain download link (the browser sends the session cookie). */
export function statementCsvUrl(companyId: string, month: string): string {
  return `/api/v1/console/statements/${companyId}.csv${searchOf({ month })}`;
}

/** "Consumo do plano": the company's month as its admin reads it. */
export function usePlanConsumption(companyId: string, month: string) {
  return useQuery({
    queryKey: queryKeys.planConsumption(companyId, month),
    queryFn: () =>
      apiRequest(
        "GET",
        `/api/v1/companies/${companyId}/plan-consumption${searchOf({ month })}`,
        PlanConsumption,
      ),
  });
}

export function planConsumptionCsvUrl(companyId: string, month: string): string {
  return `/api/v1/companies/${companyId}/plan-consumption${searchOf({ month, format: "csv" })}`;
}
