// The console's ticket work: the team (assignees, mentions), canned responses and ticket presence.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CannedResponse,
  CannedResponsePage,
  type CreateCannedResponseRequest,
  RenderedCannedResponse,
  type UpdateCannedResponseRequest,
} from "../../contracts/canned";
import { PresenceList, type PresenceRequest } from "../../contracts/live";
import { StaffList } from "../../contracts/staff";
import { apiCommand, apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const CANNED_BASE = "/api/v1/console/canned-responses";
/** Usually all of them; beyond that the search narrows the rest. */
const CANNED_PAGE = 100;

export function useStaff() {
  return useQuery({
    queryKey: queryKeys.consoleStaff,
    queryFn: () => apiRequest("GET", "/api/v1/console/staff", StaffList),
    staleTime: 5 * 60_000,
  });
}

/** My canned responses and the shared ones, by title, narrowed by `q`. */
export function useCannedResponses(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.cannedResponseSearch(query),
    queryFn: () =>
      apiRequest(
        "GET",
        `${CANNED_BASE}${searchOf({ q: query || undefined, limit: CANNED_PAGE })}`,
        CannedResponsePage,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { id: string | null } & CreateCannedResponseRequest) => {
      const { id, ...body } = request;
      if (id === null) return apiRequest("POST", CANNED_BASE, CannedResponse, body);
      const change: UpdateCannedResponseRequest = { title: body.title, body: body.body };
      return apiRequest("PUT", `${CANNED_BASE}/${id}`, CannedResponse, change);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses }),
  });
}

export function useDeleteCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand("DELETE", `${CANNED_BASE}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses }),
  });
}

/** The reply's text with the ticket's values in its placeholders. */
export async function renderCannedResponse(id: string, ticketNumber: number): Promise<string> {
  const rendered = await apiRequest("POST", `${CANNED_BASE}/${id}/render`, RenderedCannedResponse, {
    ticketNumber,
  });
  return rendered.body;
}

/** Who else is on the ticket now (live `presence` events keep it current between fetches). */
export function useTicketPresence(number: number) {
  return useQuery({
    queryKey: queryKeys.ticketPresence(number),
    queryFn: () => apiRequest("GET", `/api/v1/tickets/${number}/presence`, PresenceList),
  });
}

export function announcePresence(number: number, state: PresenceRequest["state"]): Promise<void> {
  return apiCommand("POST", `/api/v1/tickets/${number}/presence`, { state });
}
