// The team's knowledge-base API ("Categorias e perguntas"): every category and article whatever its
// state, writing them (supervisors and admins), the Markdown preview, and the measures.
import { ErrorResponse } from "../../../contracts/common";
import {
  ArticleIdParams,
  ArticleStats,
  CategoryIdParams,
  CreateArticleRequest,
  CreateCategoryRequest,
  MarkdownPreview,
  MarkdownPreviewRequest,
  StaffArticle,
  StaffArticlePage,
  StaffArticleQuery,
  StaffCategory,
  StaffCategoryList,
  UnansweredSearchPage,
  UnansweredSearchQuery,
  UpdateArticleRequest,
  UpdateCategoryRequest,
  ViewResult,
} from "../../../contracts/kb";
import { policies } from "../../../domain/policies";
import type { AppContext } from "../../context";
import { authorize, commandMeta } from "../../http";
import { requireAuth } from "../../plugins/session";
import type { ZodApp } from "../../types";
import { presentStaffArticle, presentStaffCategory } from "./editor-presenter";
import { measuresOf } from "./editor-repository";
import {
  createArticleCommand,
  createCategoryCommand,
  listArticlesForStaff,
  listCategoriesForStaff,
  previewMarkdown,
  staffArticleById,
  updateArticleCommand,
  updateCategoryCommand,
} from "./editor-service";
import { articleStats, recordView, unansweredSearches } from "./measures-service";

const denied = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function kbEditorRoutes(ctx: AppContext) {
  return async (app: ZodApp) => {
    const meta = (request: Parameters<typeof commandMeta>[0]) => commandMeta(request, ctx.config.publicUrl);

    app.get(
      "/api/v1/kb/categories",
      {
        schema: {
          tags: ["faq"],
          summary: "Every category, inactive ones too, with answers in any state (staff)",
          response: { 200: StaffCategoryList, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.readAll(requireAuth(request).actor));
        return { items: (await listCategoriesForStaff(ctx)).map(presentStaffCategory) };
      },
    );

    app.post(
      "/api/v1/categories",
      {
        schema: {
          tags: ["faq"],
          summary: "Create a category (supervisors and admins); audited",
          body: CreateCategoryRequest,
          response: { 201: StaffCategory, 400: ErrorResponse, ...denied },
        },
      },
      async (request, reply) => {
        authorize(policies.kb.manage(requireAuth(request).actor));
        const row = await createCategoryCommand(ctx, meta(request), request.body);
        return reply.status(201).send(presentStaffCategory(row));
      },
    );

    app.patch(
      "/api/v1/categories/:categoryId",
      {
        schema: {
          tags: ["faq"],
          summary:
            "Change a category's name, description, order or activity (supervisors and admins); audited",
          params: CategoryIdParams,
          body: UpdateCategoryRequest,
          response: { 200: StaffCategory, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.manage(requireAuth(request).actor));
        const row = await updateCategoryCommand(ctx, meta(request), request.params.categoryId, request.body);
        return presentStaffCategory(row);
      },
    );

    app.get(
      "/api/v1/kb/articles",
      {
        schema: {
          tags: ["faq"],
          summary: "Articles in any state with last editor and measures, in order (staff; keyset)",
          querystring: StaffArticleQuery,
          response: { 200: StaffArticlePage, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.readAll(requireAuth(request).actor));
        const page = await listArticlesForStaff(ctx, request.query);
        const byId = new Map(page.measures.map((row) => [row.article_id, row]));
        return {
          items: page.rows.map((row) => presentStaffArticle(row, byId.get(row.id))),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get(
      "/api/v1/kb/articles/:articleId",
      {
        schema: {
          tags: ["faq"],
          summary: "One article in any state, its Markdown and measures (staff)",
          params: ArticleIdParams,
          response: { 200: StaffArticle, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.readAll(requireAuth(request).actor));
        const row = await staffArticleById(ctx, request.params.articleId);
        const [measures] = await measuresOf(ctx.db, [row.id]);
        return presentStaffArticle(row, measures);
      },
    );

    app.post(
      "/api/v1/articles",
      {
        schema: {
          tags: ["faq"],
          summary: "Write an article (supervisors and admins): a draft unless said otherwise; audited",
          body: CreateArticleRequest,
          response: { 201: StaffArticle, 400: ErrorResponse, ...denied },
        },
      },
      async (request, reply) => {
        authorize(policies.kb.manage(requireAuth(request).actor));
        const row = await createArticleCommand(ctx, meta(request), request.body);
        return reply.status(201).send(presentStaffArticle(row, undefined));
      },
    );

    app.patch(
      "/api/v1/articles/:articleId",
      {
        schema: {
          tags: ["faq"],
          summary: "Change an article: text, category, order, or publish and archive it; audited",
          params: ArticleIdParams,
          body: UpdateArticleRequest,
          response: { 200: StaffArticle, 400: ErrorResponse, 409: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.manage(requireAuth(request).actor));
        const row = await updateArticleCommand(ctx, meta(request), request.params.articleId, request.body);
        const [measures] = await measuresOf(ctx.db, [row.id]);
        return presentStaffArticle(row, measures);
      },
    );

    app.get(
      "/api/v1/kb/articles/:articleId/stats",
      {
        schema: {
          tags: ["faq"],
          summary:
            "Views, readers, “Isso resolveu meu problema”, tickets after reading, deflection rate (staff)",
          params: ArticleIdParams,
          response: { 200: ArticleStats, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.readAll(requireAuth(request).actor));
        return articleStats(ctx, request.params.articleId);
      },
    );

    app.post(
      "/api/v1/articles/:articleId/views",
      {
        schema: {
          tags: ["faq"],
          summary: "A customer opened a published answer in the FAQ: counts a view",
          params: ArticleIdParams,
          response: { 200: ViewResult, ...denied },
        },
      },
      async (request) => {
        const { actor } = requireAuth(request);
        authorize(policies.kb.recordView(actor));
        return recordView(ctx, { id: actor.userId, companyId: actor.companyId }, request.params.articleId);
      },
    );

    app.post(
      "/api/v1/markdown/preview",
      {
        schema: {
          tags: ["faq"],
          summary: "Markdown rendered and sanitized exactly as it will be saved (the editor's live preview)",
          body: MarkdownPreviewRequest,
          response: { 200: MarkdownPreview, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => {
        requireAuth(request);
        return previewMarkdown(request.body.markdown);
      },
    );

    app.get(
      "/api/v1/kb/unanswered-searches",
      {
        schema: {
          tags: ["faq"],
          summary:
            "“Buscas sem resposta”: customers' searches that found nothing, most frequent first (staff)",
          querystring: UnansweredSearchQuery,
          response: { 200: UnansweredSearchPage, 400: ErrorResponse, ...denied },
        },
      },
      async (request) => {
        authorize(policies.kb.readAll(requireAuth(request).actor));
        return unansweredSearches(ctx, request.query);
      },
    );
  };
}
