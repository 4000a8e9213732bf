// The support console's queue: a view's pages ("Carregar mais"), every view's count, the filter
// bar's choices and saved views. Every key sits under ["console"], so live ticket events refresh them;
// while the live stream is down they poll instead.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { Company, CompanyPage } from "../../contracts/companies";
import {
  QueueCounts,
  type QueueFilters,
  QueueOptions,
  QueuePage,
  SavedView,
  SavedViewList,
  type SaveViewRequest,
} from "../../contracts/queue";
import { apiCommand, apiRequest } from "./client";
import { useLiveConnected } from "./live";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

export const QUEUE_PAGE_SIZE = 25;
/** How often the queue polls while live updates are not flowing. */
const OFFLINE_POLL_MS = 30_000;

/** The filters as the API's query string (defaults included: the API has the same ones). */
export function queueSearch(
  filters: Partial<QueueFilters>,
  page: { cursor?: string | null; limit?: number } = {},
) {
  return searchOf({ ...filters, cursor: page.cursor, limit: page.limit });
}

export function useQueue(filters: QueueFilters) {
  const live = useLiveConnected();
  return useInfiniteQuery({
    queryKey: queryKeys.consoleQueue(filters),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/console/queue${queueSearch(filters, { cursor: pageParam, limit: QUEUE_PAGE_SIZE })}`,
        QueuePage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : OFFLINE_POLL_MS,
  });
}

/** Counts depend on the filters only: switching view or sort reuses them. */
export function useQueueCounts({ view: _view, sort: _sort, ...filters }: QueueFilters) {
  const live = useLiveConnected();
  return useQuery({
    queryKey: queryKeys.consoleQueueCounts(filters),
    queryFn: () => apiRequest("GET", `/api/v1/console/queue/counts${queueSearch(filters)}`, QueueCounts),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : OFFLINE_POLL_MS,
  });
}

export function useQueueOptions() {
  return useQuery({
    queryKey: queryKeys.consoleQueueOptions,
    queryFn: () => apiRequest("GET", "/api/v1/console/queue/options", QueueOptions),
    staleTime: 5 * 60_000,
  });
}

/** Companies by name for the company filter, plus the chosen one so its name shows. */
export function useCompanyChoices(q: string, selectedId: string | undefined) {
  const query = q.trim();
  const search = useQuery({
    queryKey: [...queryKeys.console, "companies", query] as const,
    queryFn: () => apiRequest("GET", `/api/v1/companies${searchOf({ q: query, limit: 20 })}`, CompanyPage),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const selected = useQuery({
    queryKey: [...queryKeys.console, "company", selectedId] as const,
    queryFn: () => apiRequest("GET", `/api/v1/companies/${selectedId}`, Company),
    enabled: selectedId !== undefined,
    staleTime: 5 * 60_000,
  });
  const items = search.data?.items ?? [];
  const chosen = selected.data;
  return chosen && !items.some((company) => company.id === chosen.id) ? [chosen, ...items] : items;
}

export function useSavedViews() {
  return useQuery({
    queryKey: queryKeys.consoleViews,
    queryFn: () => apiRequest("GET", "/api/v1/console/views", SavedViewList),
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SaveViewRequest) => apiRequest("POST", "/api/v1/console/views", SavedView, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consoleViews }),
  });
}

/** Renames or (un)shares a view, keeping or replacing its filters. */
export function useUpdateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: SaveViewRequest }) =>
      apiRequest("PUT", `/api/v1/console/views/${id}`, SavedView, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consoleViews }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand("DELETE", `/api/v1/console/views/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consoleViews }),
  });
}
