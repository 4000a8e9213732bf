// The app's TanStack Query client: sensible retries, and a lost session anywhere signs the page out.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError, isSignedOutError } from "./api-error";
import { queryKeys } from "./query-keys";

const MAX_RETRIES = 2;

/** Client errors will not get better by asking again; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetSessionOn401 }),
    mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });

  // The signed-in guard sees `null` and sends the user to the sign-in page, keeping where they were.
  function forgetSessionOn401(error: unknown): void {
    if (isSignedOutError(error)) queryClient.setQueryData(queryKeys.me, null);
  }

  return queryClient;
}
