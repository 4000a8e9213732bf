// "Caixa de saída" (admins) and one's own e-mail choices ("Meu perfil").
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EmailPreferences, OutboxDetail, OutboxPage, type OutboxState } from "../../contracts/outbox";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 25;

export function useOutbox(state: OutboxState | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.outboxList(state),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/admin/outbox${searchOf({ state: state ?? undefined, cursor: pageParam, limit: PAGE_SIZE })}`,
        OutboxPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: queryKeys.outboxMessage(id ?? ""),
    queryFn: () => apiRequest("GET", `/api/v1/admin/outbox/${id}`, OutboxDetail),
    enabled: id !== null,
  });
}

export function useResendEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest("POST", `/api/v1/admin/outbox/${id}/resend`, OutboxDetail),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.outbox }),
  });
}

export function useEmailPreferences() {
  return useQuery({
    queryKey: queryKeys.emailPreferences,
    queryFn: () => apiRequest("GET", "/api/v1/me/notification-preferences", EmailPreferences),
  });
}

export function useSaveEmailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: EmailPreferences) =>
      apiRequest("PUT", "/api/v1/me/notification-preferences", EmailPreferences, preferences),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.emailPreferences, saved),
  });
}
