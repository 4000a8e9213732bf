// Writing the knowledge base ("Categorias e perguntas"): categories and articles created and changed
// by supervisors and admins, each command one audited transaction (before → after). An article's
// answer is rendered by the tickets' sanitizer when written, and its search terms are re-analyzed
// whenever its question, answer or category (name) changes, as the seed does.
import type {
  ArticleState,
  CreateArticleRequest,
  CreateCategoryRequest,
  StaffArticleQuery,
  UpdateArticleRequest,
  UpdateCategoryRequest,
} from "../../../contracts/kb";
import { parseQuery } from "../../../domain/search/portuguese";
import type { AppContext, CommandMeta } from "../../context";
import { newId } from "../../crypto";
import { decodeCursor, toPage } from "../../db/cursor";
import type { ArticleTable, CategoryTable, Executor } from "../../db/schema";
import { errors } from "../../errors";
import { renderMarkdown } from "../../markdown";
import { auditChanges } from "../audit/changes";
import { recordAudit } from "../audit/repository";
import {
  findAnyCategory,
  findStaffArticle,
  listAllCategories,
  listCategoryArticleTexts,
  listStaffArticles,
  measuresOf,
  nextArticlePosition,
  nextCategoryPosition,
  type StaffArticleRow,
  type StaffCategoryRow,
  updateArticleRow,
  updateCategoryRow,
} from "./editor-repository";
import { insertArticle, insertCategory } from "./repository";
import { articleSearchTerms } from "./service";

/** The fields an audit entry compares, named as the contract names them. */
const categoryFields = (row: CategoryTable) => ({
  name: row.name,
  description: row.description,
  order: row.position,
  active: row.active === 1,
});

const articleFields = (row: ArticleTable) => ({
  categoryId: row.category_id,
  question: row.question,
  answer: row.answer,
  state: row.state,
  order: row.position,
});

const publishedFlag = (state: ArticleState) => (state === "published" ? 1 : 0);

export const listCategoriesForStaff = (ctx: AppContext) => listAllCategories(ctx.db);

async function staffCategory(db: Executor, id: string): Promise<StaffCategoryRow> {
  const row = (await listAllCategories(db)).find((category) => category.id === id);
  if (!row) throw errors.notFound("category.not_found");
  return row;
}

export async function createCategoryCommand(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateCategoryRequest,
): Promise<StaffCategoryRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const row: CategoryTable = {
      id: newId(),
      name: props.name,
      description: props.description,
      position: props.order ?? (await nextCategoryPosition(trx)),
      active: props.active ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await insertCategory(trx, row);
    await recordAudit(trx, meta, now, {
      action: "category.create",
      targetType: "category",
      targetId: row.id,
      changes: auditChanges({}, categoryFields(row)),
    });
    return staffCategory(trx, row.id);
  });
}

export async function updateCategoryCommand(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: UpdateCategoryRequest,
): Promise<StaffCategoryRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAnyCategory(trx, id);
    if (!before) throw errors.notFound("category.not_found");
    if (props.updatedAt !== undefined && Date.parse(props.updatedAt) !== before.updated_at) {
      throw errors.conflict("category.stale");
    }
    const now = ctx.clock.now();
    const after: CategoryTable = {
      ...before,
      name: props.name ?? before.name,
      description: props.description ?? before.description,
      position: props.order ?? before.position,
      active: props.active === undefined ? before.active : props.active ? 1 : 0,
      updated_at: now,
    };
    const changes = auditChanges(categoryFields(before), categoryFields(after));
    if (Object.keys(changes).length === 0) return staffCategory(trx, id);
    await updateCategoryRow(trx, id, after);
    // The category's name is part of each of its articles' search terms.
    if (after.name !== before.name) {
      for (const article of await listCategoryArticleTexts(trx, id)) {
        await updateArticleRow(trx, article.id, {
          search_terms: articleSearchTerms(article.question, article.answer, after.name),
        });
      }
    }
    await recordAudit(trx, meta, now, {
      action: "category.update",
      targetType: "category",
      targetId: id,
      changes,
    });
    return staffCategory(trx, id);
  });
}

/** The category an article goes in: any that exists (an inactive one keeps it from customers). */
async function categoryFor(db: Executor, categoryId: string): Promise<CategoryTable> {
  const category = await findAnyCategory(db, categoryId);
  if (!category) throw errors.field("categoryId", "validation.category_unknown", categoryId);
  return category;
}

async function staffArticle(db: Executor, id: string): Promise<StaffArticleRow> {
  const row = await findStaffArticle(db, id);
  if (!row) throw errors.notFound("article.not_found");
  return row;
}

export async function createArticleCommand(
  ctx: AppContext,
  meta: CommandMeta,
  props: CreateArticleRequest,
): Promise<StaffArticleRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const category = await categoryFor(trx, props.categoryId);
    const now = ctx.clock.now();
    const row: ArticleTable = {
      id: newId(),
      category_id: category.id,
      question: props.question,
      answer: props.answer,
      answer_html: renderMarkdown(props.answer),
      position: props.order ?? (await nextArticlePosition(trx, category.id)),
      active: publishedFlag(props.state),
      helpful_count: 0,
      search_terms: articleSearchTerms(props.question, props.answer, category.name),
      created_at: now,
      updated_at: now,
      state: props.state,
      updated_by: meta.actorId,
    };
    await insertArticle(trx, row);
    await recordAudit(trx, meta, now, {
      action: "article.create",
      targetType: "article",
      targetId: row.id,
      changes: auditChanges({}, articleFields(row)),
    });
    return staffArticle(trx, row.id);
  });
}

export async function updateArticleCommand(
  ctx: AppContext,
  meta: CommandMeta,
  id: string,
  props: UpdateArticleRequest,
): Promise<StaffArticleRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await staffArticle(trx, id);
    if (props.updatedAt !== undefined && Date.parse(props.updatedAt) !== before.updated_at) {
      throw errors.conflict("article.stale");
    }
    const category =
      props.categoryId && props.categoryId !== before.category_id
        ? await categoryFor(trx, props.categoryId)
        : { id: before.category_id, name: before.category_name };
    const question = props.question ?? before.question;
    const answer = props.answer ?? before.answer;
    const state = props.state ?? before.state;
    const now = ctx.clock.now();
    const after: ArticleTable = {
      ...before,
      category_id: category.id,
      question,
      answer,
      answer_html: renderMarkdown(answer),
      position: props.order ?? before.position,
      active: publishedFlag(state),
      search_terms: articleSearchTerms(question, answer, category.name),
      state,
      updated_at: now,
      updated_by: meta.actorId,
    };
    const changes = auditChanges(articleFields(before), articleFields(after));
    if (Object.keys(changes).length === 0) return before;
    await updateArticleRow(trx, id, {
      category_id: after.category_id,
      question: after.question,
      answer: after.answer,
      answer_html: after.answer_html,
      position: after.position,
      active: after.active,
      search_terms: after.search_terms,
      state: after.state,
      updated_at: now,
      updated_by: meta.actorId,
    });
    await recordAudit(trx, meta, now, {
      action: "article.update",
      targetType: "article",
      targetId: id,
      changes,
    });
    return staffArticle(trx, id);
  });
}

export async function staffArticleById(ctx: AppContext, id: string): Promise<StaffArticleRow> {
  return staffArticle(ctx.db, id);
}

/** A page of articles in any state, each with its measures (two queries, whatever the page size). */
export async function listArticlesForStaff(ctx: AppContext, query: StaffArticleQuery) {
  let after: { position: number; id: string } | undefined;
  if (query.cursor) {
    const [position, id] = decodeCursor(query.cursor, 2);
    if (typeof position !== "number" || typeof id !== "string") {
      throw errors.field("cursor", "validation.invalid_format", query.cursor);
    }
    after = { position, id };
  }
  const rows = await listStaffArticles(ctx.db, {
    categoryId: query.categoryId,
    state: query.state,
    terms: query.q ? parseQuery(query.q) : [],
    after,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (row) => [row.position, row.id]);
  const measures = await measuresOf(
    ctx.db,
    page.rows.map((row) => row.id),
  );
  return { ...page, measures };
}

/** Markdown as it will read once saved: the same renderer and sanitizer. */
export const previewMarkdown = (markdown: string) => ({ html: renderMarkdown(markdown) });
