// Tickets: the company's (or everyone's, for staff) list, one ticket with its history, and the changes to them.

import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type AddMessageRequest,
  type CreateTicketRequest,
  Ticket,
  TicketPage,
  type UpdateTicketRequest,
} from "../../contracts/tickets";
import { apiRequest } from "./client";
import { useSubmissionKeys } from "./idempotency";
import { queryKeys, type TicketListFilters } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 25;

/** Sorted by last update, newest first; more pages through the keyset cursor ("Carregar mais"). */
export function useTicketList(filters: TicketListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.ticketList(filters),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/tickets${searchOf({ status: filters.status, q: filters.q.trim(), cursor: pageParam, limit: PAGE_SIZE })}`,
        TicketPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTicket(number: number) {
  return useQuery({
    queryKey: queryKeys.ticket(number),
    queryFn: () => apiRequest("GET", ticketPath(number), Ticket),
  });
}

/** Opens a ticket; a retry of the same submission (same payload) is written once. */
export function useCreateTicket() {
  const queryClient = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation({
    mutationFn: (request: CreateTicketRequest) =>
      apiRequest("POST", "/api/v1/tickets", Ticket, request, { "idempotency-key": keys.keyFor(request) }),
    onSuccess: (ticket) => {
      keys.reset();
      return remember(queryClient, ticket);
    },
  });
}

/** A reply or, for staff, an internal note; the answer is the updated ticket. */
export function useAddMessage(number: number) {
  const queryClient = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation({
    mutationFn: (request: AddMessageRequest) =>
      apiRequest("POST", `${ticketPath(number)}/messages`, Ticket, request, {
        "idempotency-key": keys.keyFor(request),
      }),
    onSuccess: (ticket) => {
      keys.reset();
      return remember(queryClient, ticket);
    },
  });
}

/** Staff: status and priority, refused with 409 when `version` is no longer the ticket's. */
export function useUpdateTicket(number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateTicketRequest) => apiRequest("PATCH", ticketPath(number), Ticket, request),
    onSuccess: (ticket) => remember(queryClient, ticket),
  });
}

function ticketPath(number: number): string {
  return `/api/v1/tickets/${number}`;
}

/** The server's answer is the ticket as it is now; the lists' order and statuses may have changed. */
function remember(queryClient: QueryClient, ticket: Ticket): Promise<void> {
  queryClient.setQueryData(queryKeys.ticket(ticket.number), ticket);
  return queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
}
