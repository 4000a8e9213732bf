// Public facts about this installation (brand, product, languages) for pages shown before sign-in.
import { useQuery } from "@tanstack/react-query";
import { AppInfo } from "../../contracts/auth";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";

export function useAppInfo() {
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => apiRequest("GET", "/api/v1/app", AppInfo),
    // Configuration only changes with a restart.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The brand ("UNO") for messages that name it; empty until the app info has loaded. */
export function useBrand(): string {
  return useAppInfo().data?.brand ?? "";
}
