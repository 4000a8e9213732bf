// The support team's notifications: the bell's unread count, its list and marking them read. The
// count is polled (every 30 s and when the window regains focus) in useUnreadNotificationCount
// alone, so that pushing it over Server-Sent Events later changes this one hook.
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import {
  type MarkNotificationsReadRequest,
  MarkNotificationsReadResult,
  NotificationPage,
  UnreadNotificationCount,
} from "../../contracts/notifications";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const POLL_MS = 30_000;
const PAGE_SIZE = 20;

/** How many notifications are unread; when it grows, the list is refreshed too. */
export function useUnreadNotificationCount(): number {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: queryKeys.notificationCount,
    queryFn: () => apiRequest("GET", "/api/v1/notifications/unread-count", UnreadNotificationCount),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: "always",
  });
  const count = data?.count ?? 0;
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current)
      void queryClient.invalidateQueries({ queryKey: queryKeys.notificationList });
    previous.current = count;
  }, [count, queryClient]);
  return count;
}

/** Newest first, read and unread; fetched afresh whenever the list is shown, more pages on demand. */
export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList,
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/notifications${searchOf({ cursor: pageParam, limit: PAGE_SIZE })}`,
        NotificationPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** Marks some (`ids`) or all notifications read; the count and the list follow the server's answer. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MarkNotificationsReadRequest) =>
      apiRequest("POST", "/api/v1/notifications/read", MarkNotificationsReadResult, request),
    onSuccess: (result, request) => {
      queryClient.setQueryData(queryKeys.notificationCount, { count: result.unreadCount });
      queryClient.setQueryData<InfiniteData<NotificationPage, string | null>>(
        queryKeys.notificationList,
        (list) => list && withRead(list, request),
      );
    },
  });
}

function withRead(
  list: InfiniteData<NotificationPage, string | null>,
  request: MarkNotificationsReadRequest,
): InfiniteData<NotificationPage, string | null> {
  const marked = (id: string) => request.all === true || (request.ids ?? []).includes(id);
  return {
    ...list,
    pages: list.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (marked(item.id) ? { ...item, read: true } : item)),
    })),
  };
}
