// "Instalações do ERP" (admins): the ERP installations whose signed links sign people in.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateErpInstallationRequest,
  ErpInstallation,
  ErpInstallationList,
  ErpInstallationWithSecret,
  type UpdateErpInstallationRequest,
} from "../../contracts/erp-installations";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";

const BASE = "/api/v1/integrations/erp-installations";

export function useErpInstallations() {
  return useQuery({
    queryKey: queryKeys.erpInstallations,
    queryFn: () => apiRequest("GET", BASE, ErpInstallationList),
  });
}

export function useCreateErpInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateErpInstallationRequest) =>
      apiRequest("POST", BASE, ErpInstallationWithSecret, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.erpInstallations }),
  });
}

export function useChangeErpInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateErpInstallationRequest }) =>
      apiRequest("PATCH", `${BASE}/${id}`, ErpInstallationWithSecret, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.erpInstallations }),
  });
}

export function useRevokeErpInstallation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest("DELETE", `${BASE}/${id}`, ErpInstallation),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.erpInstallations }),
  });
}
