// The ERP's screen catalog, for the "Tela do ERP" autocomplete (by code or by name).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ScreenList } from "../../contracts/screens";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const SCREEN_OPTIONS = 10;

export function useScreens(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.screens(query),
    queryFn: () =>
      apiRequest("GET", `/api/v1/screens${searchOf({ q: query, limit: SCREEN_OPTIONS })}`, ScreenList),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
