// Sign in, sign out, asking for a new password and setting one from a one-time link.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ForgotPasswordRequest,
  type LoginRequest,
  Me,
  type SetPasswordRequest,
} from "../../contracts/auth";
import { apiCommand, apiRequest } from "./client";
import { belongsToUser, queryKeys } from "./query-keys";

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LoginRequest) => apiRequest("POST", "/api/v1/auth/login", Me, request),
    onSuccess: (me) => {
      // Nothing cached for a previous user may show through to this one.
      queryClient.removeQueries({ predicate: (query) => belongsToUser(query.queryKey) });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

/** Ends the session on the server; the caller then leaves the page (see SignOutButton). */
export function useLogout() {
  return useMutation({ mutationFn: () => apiCommand("POST", "/api/v1/auth/logout") });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (request: SetPasswordRequest) => apiCommand("POST", "/api/v1/auth/set-password", request),
  });
}

/** "Esqueci minha senha": the server answers alike whether or not the e-mail has an account. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (request: ForgotPasswordRequest) =>
      apiCommand("POST", "/api/v1/auth/forgot-password", request),
  });
}
