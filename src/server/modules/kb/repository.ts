// Categories, FAQ articles and deflections in the database.
import type { QueryTerm } from "../../../domain/search/portuguese";
import { dialectOf } from "../../db/dialect";
import type { ArticleTable, CategoryTable, DeflectionTable, Executor } from "../../db/schema";
import { articleMatches } from "../../db/search";

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

export function findCategory(db: Executor, id: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom("category")
    .selectAll()
    .where("id", "=", id)
    .where("active", "=", 1)
    .executeTakeFirst();
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

/** A category's answers in their set order, optionally only those matching the terms. */
export function listArticles(db: Executor, categoryId: string, terms: QueryTerm[]): Promise<ArticleRow[]> {
  return articles(db)
    .where("article.category_id", "=", categoryId)
    .$if(terms.length > 0, (q) => q.where(articleMatches(dialectOf(db), terms)))
    .orderBy("article.position")
    .orderBy("article.id")
    .execute();
}

/** Answers from every category matching the terms; the most helpful first. */
export function searchArticles(db: Executor, terms: QueryTerm[], limit: number): Promise<ArticleRow[]> {
  return articles(db)
    .where(articleMatches(dialectOf(db), terms))
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
