// /api/v1/categories and /api/v1/articles: the FAQ customers read before opening a ticket.

import { ErrorResponse } from "../../../contracts/common";
import {
  ArticleIdParams,
  ArticleList,
  ArticleSearchQuery,
  CategoryArticlesQuery,
  CategoryIdParams,
  CategoryList,
  HelpfulResult,
} from "../../../contracts/kb";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { noteSearchResult } from "./measures-service";
import { presentArticle, presentCategory } from "./presenter";
import { categoryArticles, listCategories, markHelpful, suggestArticles } from "./service";

export function kbRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    app.get(
      "/api/v1/categories",
      {
        schema: {
          tags: ["faq"],
          summary: "Ticket categories, in order",
          response: { 200: CategoryList, 401: ErrorResponse },
        },
      },
      async (request) => {
        requireAuth(request);
        return { items: (await listCategories(ctx)).map(presentCategory) };
      },
    );

    app.get(
      "/api/v1/categories/:categoryId/articles",
      {
        schema: {
          tags: ["faq"],
          summary: "A category's questions and answers, in order; q filters accent-insensitively",
          params: CategoryIdParams,
          querystring: CategoryArticlesQuery,
          response: { 200: ArticleList, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const rows = await categoryArticles(ctx, request.params.categoryId, request.query.q);
        await noteSearchResult(ctx, actor, request.query.q, rows.length);
        return { items: rows.map(presentArticle) };
      },
    );

    app.get(
      "/api/v1/articles",
      {
        schema: {
          tags: ["faq"],
          summary: "Answers from every category matching q (suggestions while a ticket is written)",
          querystring: ArticleSearchQuery,
          response: { 200: ArticleList, 400: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        const rows = await suggestArticles(ctx, request.query.q, request.query.limit);
        await noteSearchResult(ctx, actor, request.query.q, rows.length);
        return { items: rows.map(presentArticle) };
      },
    );

    app.post(
      "/api/v1/articles/:articleId/helpful",
      {
        schema: {
          tags: ["faq"],
          summary: "“Isso resolveu meu problema”: records a deflection (once per user and answer)",
          params: ArticleIdParams,
          response: { 200: HelpfulResult, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.kb.markHelpful(actor));
        return markHelpful(ctx, { id: actor.userId, companyId: actor.companyId }, request.params.articleId);
      },
    );
  };
}
