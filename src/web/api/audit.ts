// "Auditoria", "Configurações" and a person's data (LGPD): the admin's pages over the audit trail,
// the settings and the privacy actions.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AuditActors, AuditPage, type AuditTargetType } from "../../contracts/audit";
import { PersonPrivacy } from "../../contracts/privacy";
import { Settings, type UpdateSettingsRequest } from "../../contracts/settings";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 50;

export interface AuditFilters {
  actorId: string | null;
  kind: AuditTargetType | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
}

export function useAuditLog(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: queryKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/audit${searchOf({ ...filters, cursor: pageParam, limit: PAGE_SIZE })}`,
        AuditPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The CSV of the same filters: a plain link, downloaded by the browser with the session cookie. */
export const auditCsvUrl = (filters: AuditFilters) => `/api/v1/audit.csv${searchOf({ ...filters })}`;

export function useAuditActors(enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.auditActors,
    queryFn: () => apiRequest("GET", "/api/v1/audit/actors", AuditActors),
  });
}

export function useSettings(enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.settings,
    queryFn: () => apiRequest("GET", "/api/v1/settings", Settings),
  });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: UpdateSettingsRequest) =>
      apiRequest("PUT", "/api/v1/settings", Settings, settings),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditRoot });
    },
  });
}

export function usePersonPrivacy(userId: string) {
  return useQuery({
    queryKey: queryKeys.personPrivacy(userId),
    queryFn: () => apiRequest("GET", `/api/v1/users/${encodeURIComponent(userId)}/privacy`, PersonPrivacy),
  });
}

export const personExportUrl = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}/export`;

export function useAnonymizePerson(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest("POST", `/api/v1/users/${encodeURIComponent(userId)}/anonymize`, PersonPrivacy),
    onSuccess: (person) => {
      queryClient.setQueryData(queryKeys.personPrivacy(userId), person);
      void queryClient.invalidateQueries({ queryKey: queryKeys.auditRoot });
    },
  });
}
