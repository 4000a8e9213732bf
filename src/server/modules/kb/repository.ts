// Categories, FAQ articles and deflections in the database.
import { type SqlBool, sql } from "kysely";
import type { QueryTerm } from "../../../domain/search/portuguese";
import { dialectOf } from "../../db/dialect";
import { PreparedQuery } from "../../db/prepared";
import type { ArticleTable, CategoryTable, DeflectionTable, Executor } from "../../db/schema";
import { articleHits, articleKey, hasTerms } from "../../db/search";

export type CategoryRow = CategoryTable;
export type ArticleRow = ArticleTable & { category_name: string };

export function listCategoriesWithCounts(db: Executor) {
  return db
    .selectFrom("category")
    .leftJoin("article", (join) =>
      join.onRef("article.category_id", "=", "category.id").on("article.active", "=", 1),
    )
    .select([
      "category.id",
      "category.name",
      "category.description",
      (eb) => eb.fn.count<number>("article.id").as("article_count"),
    ])
    .where("category.active", "=", 1)
    .groupBy(["category.id", "category.name", "category.description", "category.position"])
    .orderBy("category.position")
    .execute();
}

const activeCategory = PreparedQuery.single((db, values: { id: string }) =>
  db.selectFrom("category").selectAll().where("id", "=", values.id).where("active", "=", 1),
);

/** An active category: every ticket opened asks (compiled once). */
export function findCategory(db: Executor, id: string): Promise<CategoryRow | undefined> {
  return activeCategory.executeTakeFirst(db, null, { id });
}

/** A published article of an active category: what customers may open and mark. */
export function findArticle(db: Executor, id: string): Promise<ArticleTable | undefined> {
  return db
    .selectFrom("article")
    .innerJoin("category", "category.id", "article.category_id")
    .selectAll("article")
    .where("article.id", "=", id)
    .where("article.active", "=", 1)
    .where("category.active", "=", 1)
    .executeTakeFirst();
}

function articles(db: Executor) {
  return db
    .selectFrom("article")
    .innerJoin("category", "category.id", "article.category_id")
    .selectAll("article")
    .select("category.name as category_name")
    .where("article.active", "=", 1)
    .where("category.active", "=", 1);
}

/** A category's answers in their set order; with terms, those matching them, the best first. */
export function listArticles(db: Executor, categoryId: string, terms: QueryTerm[]): Promise<ArticleRow[]> {
  if (hasTerms(terms)) {
    return rankedArticles(db, terms)
      .where("article.category_id", "=", categoryId)
      .orderBy("article.position")
      .orderBy("article.id")
      .execute();
  }
  return articles(db)
    .where("article.category_id", "=", categoryId)
    .orderBy("article.position")
    .orderBy("article.id")
    .execute();
}

/**
 * Answers matching any of the terms, by relevance (BM25 on SQLite, ts_rank on PostgreSQL): an
 * answer with more of the query's words, and rarer ones, first; the most helpful among equals.
 */
export function rankedArticles(db: Executor, terms: QueryTerm[]) {
  const dialect = dialectOf(db);
  return articles(db)
    .innerJoin(articleHits(dialect, terms).as("hit"), (join) =>
      join.on(sql<SqlBool>`hit.key = ${articleKey(dialect)}`),
    )
    .orderBy(sql`hit.score`, "desc");
}

/** Answers from every category matching the terms; the best match first. */
export async function searchArticles(db: Executor, terms: QueryTerm[], limit: number): Promise<ArticleRow[]> {
  if (!hasTerms(terms)) return [];
  return rankedArticles(db, terms)
    .orderBy("article.helpful_count", "desc")
    .orderBy("article.id")
    .limit(limit)
    .execute();
}

/** Records a deflection once per user and article; true when it was new. */
export async function insertDeflection(db: Executor, row: DeflectionTable): Promise<boolean> {
  const inserted = await db
    .insertInto("deflection")
    .values(row)
    .onConflict((oc) => oc.columns(["article_id", "user_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function incrementHelpful(db: Executor, articleId: string): Promise<number> {
  const row = await db
    .updateTable("article")
    .set((eb) => ({ helpful_count: eb("helpful_count", "+", 1) }))
    .where("id", "=", articleId)
    .returning("helpful_count")
    .executeTakeFirstOrThrow();
  return row.helpful_count;
}

export async function insertCategory(db: Executor, row: CategoryTable): Promise<void> {
  await db.insertInto("category").values(row).execute();
}

export async function insertArticle(db: Executor, row: ArticleTable): Promise<void> {
  await db.insertInto("article").values(row).execute();
}
