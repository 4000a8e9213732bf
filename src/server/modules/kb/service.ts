// Knowledge-base use cases: reading the FAQ, searching it, and recording "this solved my problem".
import { analyze, parseQuery } from "../../../domain/search/portuguese";
import type { AppContext } from "../../context";
import { newId } from "../../crypto";
import { errors } from "../../errors";
import { renderMarkdown } from "../../markdown";
import {
  type CategoryRow,
  findArticle,
  findCategory,
  incrementHelpful,
  insertArticle,
  insertCategory,
  insertDeflection,
  listArticles,
  listCategoriesWithCounts,
  searchArticles,
} from "./repository";

export const listCategories = (ctx: AppContext) => listCategoriesWithCounts(ctx.db);

export async function categoryArticles(ctx: AppContext, categoryId: string, q: string | undefined) {
  const category = await findCategory(ctx.db, categoryId);
  if (!category) throw errors.notFound("category.not_found");
  return listArticles(ctx.db, categoryId, q ? parseQuery(q) : []);
}

export async function suggestArticles(ctx: AppContext, q: string, limit: number) {
  const terms = parseQuery(q);
  return terms.length === 0 ? [] : searchArticles(ctx.db, terms, limit);
}

/** "Isso resolveu meu problema": counted once per user and article, per category too. */
export async function markHelpful(
  ctx: AppContext,
  user: { id: string; companyId: string | null },
  articleId: string,
): Promise<{ articleId: string; helpfulCount: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await findArticle(trx, articleId);
    if (!article) throw errors.notFound("article.not_found");
    const fresh = await insertDeflection(trx, {
      id: newId(),
      article_id: article.id,
      category_id: article.category_id,
      user_id: user.id,
      company_id: user.companyId,
      created_at: ctx.clock.now(),
    });
    const helpfulCount = fresh ? await incrementHelpful(trx, article.id) : article.helpful_count;
    return { articleId: article.id, helpfulCount };
  });
}

/** What the full-text index holds for an article: its question, answer and category name, analyzed. */
export const articleSearchTerms = (question: string, answer: string, categoryName: string): string =>
  analyze(`${question} ${answer} ${categoryName}`).join(" ");

export interface NewCategory {
  name: string;
  description: string;
  articles: { question: string; answer: string }[];
}

/** Creates a category with its answers (seed data and, later, the admin pages). */
export async function createCategory(
  ctx: AppContext,
  position: number,
  props: NewCategory,
): Promise<CategoryRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const category: CategoryRow = {
      id: newId(),
      name: props.name,
      description: props.description,
      position,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await insertCategory(trx, category);
    for (const [index, article] of props.articles.entries()) {
      await insertArticle(trx, {
        id: newId(),
        category_id: category.id,
        question: article.question,
        answer: article.answer,
        answer_html: renderMarkdown(article.answer),
        position: index + 1,
        active: 1,
        helpful_count: 0,
        search_terms: articleSearchTerms(article.question, article.answer, props.name),
        created_at: now,
        updated_at: now,
        state: "published",
        updated_by: null,
      });
    }
    return category;
  });
}
