// The signed-in user: who it is (null when signed out), and changes to its own profile and password.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ChangePasswordRequest, Me, type UpdateMeRequest } from "../../contracts/auth";
import { isSignedOutError } from "./api-error";
import { apiRequest } from "./client";
import { isWrittenInUserLanguage, queryKeys } from "./query-keys";

/** Being signed out is a state, not an error: the query answers null on 401. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await apiRequest("GET", "/api/v1/me", Me);
  } catch (error) {
    if (isSignedOutError(error)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
}

/** Name or language; applied at once so the language switch feels instant, undone if the server refuses. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateMeRequest) => apiRequest("PATCH", "/api/v1/me", Me, changes),
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.me });
      const previous = queryClient.getQueryData<Me | null>(queryKeys.me) ?? null;
      if (previous) queryClient.setQueryData<Me>(queryKeys.me, withChanges(previous, changes));
      return { previous };
    },
    onError: (_error, _changes, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.me, context.previous);
    },
    onSuccess: async (me, changes) => {
      queryClient.setQueryData(queryKeys.me, me);
      if (changes.locale)
        await queryClient.invalidateQueries({
          predicate: (query) => isWrittenInUserLanguage(query.queryKey),
        });
    },
  });
}

function withChanges(me: Me, changes: UpdateMeRequest): Me {
  return { ...me, locale: changes.locale ?? me.locale, name: changes.name ?? me.name };
}

/** The server ends the other sessions and starts a new one for this browser; its answer is the user. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) => apiRequest("POST", "/api/v1/me/password", Me, request),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}
