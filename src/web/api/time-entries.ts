// "Tempo registrado": a person's time entries (or the whole team's) over work dates, page by page,
// with the range's totals on every page.
import { useInfiniteQuery } from "@tanstack/react-query";
import { AgentTimeEntryPage } from "../../contracts/billing";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 50;

/** `userId` undefined: everyone's (supervisors and admins) or one's own (agents). */
export function useLoggedTime(userId: string | undefined, from: string, to: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.loggedTime(userId ?? null, from, to),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/console/time-entries${searchOf({ userId, from, to, cursor: pageParam, limit: PAGE_SIZE })}`,
        AgentTimeEntryPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
