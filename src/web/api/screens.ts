// The ERP's screen catalog: the "Tela do ERP" autocomplete, and the console's "Telas do ERP" page.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  CatalogScreen,
  ScreenCatalogPage,
  ScreenImportRefused,
  ScreenImportResult,
  ScreenList,
  TopScreensReport,
  type UpdateScreenRequest,
} from "../../contracts/screens";
import { isApiError } from "./api-error";
import { apiRequest, apiUpload } from "./client";
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

const CATALOG_PAGE = 25;

/** "Telas do ERP": every screen by code, active or not, page by page. */
export function useScreenCatalog(q: string, status: "active" | "inactive" | undefined) {
  const query = q.trim();
  return useInfiniteQuery({
    queryKey: queryKeys.screenCatalog(query, status ?? "all"),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/console/screens${searchOf({ q: query || undefined, status, cursor: pageParam, limit: CATALOG_PAGE })}`,
        ScreenCatalogPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** After a change the catalog pages, the autocomplete and the ranking read again. */
async function refreshScreens(queryClient: ReturnType<typeof useQueryClient>) {
  await queryClient.invalidateQueries({ queryKey: ["console", "screens"] });
  await queryClient.invalidateQueries({ queryKey: ["console", "top-screens"] });
  await queryClient.invalidateQueries({ queryKey: ["screens"] });
}

export function useUpdateScreen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, changes }: { code: string; changes: UpdateScreenRequest }) =>
      apiRequest("PATCH", `/api/v1/screens/${encodeURIComponent(code)}`, CatalogScreen, changes),
    onSuccess: () => refreshScreens(queryClient),
  });
}

/** Sends the chosen CSV file; a 422 carries every refused line (see `importProblems`). */
export function useImportScreens() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return apiUpload("/api/v1/screens/import", form, ScreenImportResult);
    },
    onSuccess: () => refreshScreens(queryClient),
  });
}

/** The lines a refused import named, from the error's body. */
export function importProblems(error: unknown): { line: number; message: string }[] {
  if (!isApiError(error)) return [];
  const parsed = ScreenImportRefused.shape.error.safeParse(error.details);
  return parsed.success ? parsed.data.problems : [];
}

export function useTopScreens(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.topScreens(from, to),
    queryFn: () =>
      apiRequest("GET", `/api/v1/reports/top-screens${searchOf({ from, to })}`, TopScreensReport),
    enabled,
    placeholderData: keepPreviousData,
  });
}
