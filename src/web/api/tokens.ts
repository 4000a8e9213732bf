// API tokens: one's own personal tokens ("Meu perfil") and the integrations' service tokens (admins).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type ApiTokenKind,
  ApiTokenList,
  type CreateApiTokenRequest,
  CreatedApiToken,
} from "../../contracts/tokens";
import { apiCommand, apiRequest } from "./client";
import { queryKeys } from "./query-keys";

export function useApiTokens(kind: ApiTokenKind) {
  return useQuery({
    queryKey: queryKeys.apiTokenList(kind),
    queryFn: () => apiRequest("GET", `/api/v1/tokens?kind=${kind}`, ApiTokenList),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenRequest) => apiRequest("POST", "/api/v1/tokens", CreatedApiToken, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand("DELETE", `/api/v1/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });
}
