// The knowledge base: categories, their FAQ answers, suggestions while typing, "Isso resolveu meu problema".
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArticleList, CategoryList, HelpfulResult } from "../../contracts/kb";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

/** The search endpoint refuses shorter queries (ArticleSearchQuery). */
export const MIN_SUGGESTION_QUERY = 2;
const SUGGESTION_LIMIT = 5;

export function useCategories() {
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: () => apiRequest("GET", "/api/v1/categories", CategoryList),
    staleTime: 5 * 60_000,
  });
}

/** A category's answers in their order; `q` narrows them (accent-insensitive, stemmed, on the server). */
export function useCategoryArticles(categoryId: string, q: string) {
  return useQuery({
    queryKey: queryKeys.categoryArticles(categoryId, q),
    queryFn: () =>
      apiRequest(
        "GET",
        `/api/v1/categories/${encodeURIComponent(categoryId)}/articles${searchOf({ q })}`,
        ArticleList,
      ),
    placeholderData: keepPreviousData,
  });
}

/** Answers from every category that match what the customer is typing as the subject. */
export function useArticleSuggestions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.articleSuggestions(query),
    queryFn: () =>
      apiRequest("GET", `/api/v1/articles${searchOf({ q: query, limit: SUGGESTION_LIMIT })}`, ArticleList),
    enabled: query.length >= MIN_SUGGESTION_QUERY,
    placeholderData: keepPreviousData,
  });
}

/** A deflection: the answer solved the customer's problem, no ticket needed. */
export function useMarkHelpful() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (articleId: string) =>
      apiRequest("POST", `/api/v1/articles/${encodeURIComponent(articleId)}/helpful`, HelpfulResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["articles"] }),
  });
}
