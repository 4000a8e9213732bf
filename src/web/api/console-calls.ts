// The console's phone log, calls, merges and links: the pickers' lookups and the commands, each
// answering the ticket as it is now.
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { CompanyPage } from "../../contracts/companies";
import type { LogCallRequest, PhoneTicketRequest } from "../../contracts/phone";
import type { MergeTicketRequest } from "../../contracts/relations";
import { Ticket } from "../../contracts/tickets";
import { UserPage } from "../../contracts/users";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const COMPANY_OPTIONS = 20;
/** A company's users in one page: enough for a customer's staff; the picker filters by name. */
const USER_OPTIONS = 100;

/** Companies whose name or CNPJ matches `q`, for the "Empresa" picker. */
export function useCompanyOptions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.consoleCompanies(query),
    queryFn: () =>
      apiRequest("GET", `/api/v1/companies${searchOf({ q: query, limit: COMPANY_OPTIONS })}`, CompanyPage),
    placeholderData: keepPreviousData,
  });
}

/** One company's users, for the "Usuário" picker; nothing until a company is picked. */
export function useCompanyUsers(companyId: string | null) {
  return useQuery({
    queryKey: queryKeys.consoleCompanyUsers(companyId ?? ""),
    queryFn: () =>
      apiRequest(
        "GET",
        `/api/v1/users${searchOf({ companyId: companyId ?? "", limit: USER_OPTIONS })}`,
        UserPage,
      ),
    enabled: companyId !== null,
  });
}

/** Another ticket, looked up by number (the merge's preview); nothing until a number is typed. */
export function useTicketPreview(number: number | null) {
  return useQuery({
    queryKey: queryKeys.ticket(number ?? 0),
    queryFn: () => apiRequest("GET", `/api/v1/tickets/${number ?? 0}`, Ticket),
    enabled: number !== null,
  });
}

export function useLogPhoneTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PhoneTicketRequest) =>
      apiRequest("POST", "/api/v1/console/phone-tickets", Ticket, request),
    onSuccess: (ticket) => remember(queryClient, ticket),
  });
}

export function useLogCall(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LogCallRequest) =>
      apiRequest("POST", `/api/v1/tickets/${number}/calls`, Ticket, request),
    onSuccess: (ticket) => remember(queryClient, ticket),
  });
}

/** Merges this ticket into `intoNumber`; the target changed too, so it is refetched. */
export function useMergeTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MergeTicketRequest) =>
      apiRequest("POST", `/api/v1/tickets/${number}/merge`, Ticket, request),
    onSuccess: (ticket, request) => rememberBoth(queryClient, ticket, request.intoNumber),
  });
}

/** Relates another ticket; both sides changed. */
export function useLinkTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (other: number) =>
      apiRequest("POST", `/api/v1/tickets/${number}/links`, Ticket, { number: other }),
    onSuccess: (ticket, other) => rememberBoth(queryClient, ticket, other),
  });
}

/** Undoes a relation; both sides changed. */
export function useUnlinkTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (other: number) => apiRequest("DELETE", `/api/v1/tickets/${number}/links/${other}`, Ticket),
    onSuccess: (ticket, other) => rememberBoth(queryClient, ticket, other),
  });
}

async function rememberBoth(queryClient: QueryClient, ticket: Ticket, other: number): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: queryKeys.ticket(other) });
  await remember(queryClient, ticket);
}

function remember(queryClient: QueryClient, ticket: Ticket): Promise<void> {
  queryClient.setQueryData(queryKeys.ticket(ticket.number), ticket);
  return queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
}
