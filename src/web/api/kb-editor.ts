// "Categorias e perguntas": the team's view of the knowledge base (every state, with measures), its
// writes, the Markdown preview and "Buscas sem resposta"; and the portal's view counter.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  type ArticleState,
  type CreateArticleRequest,
  type CreateCategoryRequest,
  MarkdownPreview,
  StaffArticle,
  StaffArticlePage,
  StaffCategory,
  StaffCategoryList,
  UnansweredSearchPage,
  type UpdateArticleRequest,
  type UpdateCategoryRequest,
  ViewResult,
} from "../../contracts/kb";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 25;

export function useStaffCategories() {
  return useQuery({
    queryKey: queryKeys.kbCategories,
    queryFn: () => apiRequest("GET", "/api/v1/kb/categories", StaffCategoryList),
  });
}

export interface StaffArticleFilters {
  categoryId: string;
  state: ArticleState | null;
  q: string;
}

export function useStaffArticles(filters: StaffArticleFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.kbArticles(filters),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/kb/articles${searchOf({ ...filters, cursor: pageParam, limit: PAGE_SIZE })}`,
        StaffArticlePage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** After a write the team's lists and the customers' FAQ (categories, answers, suggestions) refresh. */
function useKnowledgeBaseRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.kb }),
      queryClient.invalidateQueries({ queryKey: queryKeys.categories }),
      queryClient.invalidateQueries({ queryKey: ["articles"] }),
    ]);
  };
}

/** Creates a category when `categoryId` is null, else changes it. */
export function useSaveCategory(categoryId: string | null) {
  const refresh = useKnowledgeBaseRefresh();
  return useMutation({
    mutationFn: (request: CreateCategoryRequest | UpdateCategoryRequest) =>
      categoryId
        ? apiRequest("PATCH", `/api/v1/categories/${encodeURIComponent(categoryId)}`, StaffCategory, request)
        : apiRequest("POST", "/api/v1/categories", StaffCategory, request),
    onSuccess: refresh,
  });
}

/** Writes an article when `articleId` is null, else changes it (its text, state or order). */
export function useSaveArticle(articleId: string | null) {
  const refresh = useKnowledgeBaseRefresh();
  return useMutation({
    mutationFn: (request: CreateArticleRequest | UpdateArticleRequest) =>
      articleId
        ? apiRequest("PATCH", `/api/v1/articles/${encodeURIComponent(articleId)}`, StaffArticle, request)
        : apiRequest("POST", "/api/v1/articles", StaffArticle, request),
    onSuccess: refresh,
  });
}

/** The answer as customers will read it, rendered by the server's own sanitizer. */
export function useMarkdownPreview(markdown: string) {
  return useQuery({
    queryKey: queryKeys.markdownPreview(markdown),
    queryFn: () => apiRequest("POST", "/api/v1/markdown/preview", MarkdownPreview, { markdown }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUnansweredSearches(from: string, to: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.kbUnanswered(from, to),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/kb/unanswered-searches${searchOf({ from, to, cursor: pageParam, limit: PAGE_SIZE })}`,
        UnansweredSearchPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A customer opened an answer: counted by the server (the team's measures), nothing to show. */
export function useRecordView() {
  return useMutation({
    mutationFn: (articleId: string) =>
      apiRequest("POST", `/api/v1/articles/${encodeURIComponent(articleId)}/views`, ViewResult),
  });
}
