// The team's side of the knowledge base in the database: every category and article whatever its
// state, with its last editor and its measures, and the writes the console makes.
import { sql } from "kysely";
import type { ArticleState } from "../../../contracts/kb";
import type { QueryTerm } from "../../../domain/search/portuguese";
import { dialectOf } from "../../db/dialect";
import type { ArticleTable, CategoryTable, Executor } from "../../db/schema";
import { articleMatches } from "../../db/search";

export type StaffCategoryRow = CategoryTable & {
  article_count: number | string;
  published_count: number | string;
};

/** Every category, inactive ones too, in their order, with how many answers each holds. */
export function listAllCategories(db: Executor): Promise<StaffCategoryRow[]> {
  return db
    .selectFrom("category")
    .leftJoin("article", "article.category_id", "category.id")
    .selectAll("category")
    .select((eb) => [
      eb.fn.count<number>("article.id").as("article_count"),
      eb.fn
        .sum<number>(eb.case().when("article.state", "=", "published").then(1).else(0).end())
        .as("published_count"),
    ])
    .groupBy([
      "category.id",
      "category.name",
      "category.description",
      "category.position",
      "category.active",
      "category.created_at",
      "category.updated_at",
    ])
    .orderBy("category.position")
    .orderBy("category.id")
    .execute();
}

/** A category whatever its state (the team's view). */
export function findAnyCategory(db: Executor, id: string): Promise<CategoryTable | undefined> {
  return db.selectFrom("category").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function nextCategoryPosition(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("category")
    .select((eb) => eb.fn.max<number | null>("position").as("last"))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function nextArticlePosition(db: Executor, categoryId: string): Promise<number> {
  const row = await db
    .selectFrom("article")
    .select((eb) => eb.fn.max<number | null>("position").as("last"))
    .where("category_id", "=", categoryId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function updateCategoryRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<CategoryTable, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("category").set(changes).where("id", "=", id).execute();
}

export async function updateArticleRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<ArticleTable, "id" | "created_at" | "helpful_count">>,
): Promise<void> {
  await db.updateTable("article").set(changes).where("id", "=", id).execute();
}

/** The articles of a category, for re-indexing them after the category's name changed. */
export function listCategoryArticleTexts(db: Executor, categoryId: string) {
  return db
    .selectFrom("article")
    .select(["id", "question", "answer"])
    .where("category_id", "=", categoryId)
    .execute();
}

export type StaffArticleRow = ArticleTable & {
  category_name: string;
  editor_name: string | null;
};

function staffArticles(db: Executor) {
  return db
    .selectFrom("article")
    .innerJoin("category", "category.id", "article.category_id")
    .leftJoin("app_user as editor", "editor.id", "article.updated_by")
    .selectAll("article")
    .select(["category.name as category_name", "editor.name as editor_name"]);
}

export function findStaffArticle(db: Executor, id: string): Promise<StaffArticleRow | undefined> {
  return staffArticles(db).where("article.id", "=", id).executeTakeFirst();
}

export interface StaffArticleFilter {
  categoryId: string | undefined;
  state: ArticleState | undefined;
  terms: QueryTerm[];
  after: { position: number; id: string } | undefined;
  limit: number;
}

/** A page of articles in any state, in their order (keyset on position and id). */
export function listStaffArticles(db: Executor, filter: StaffArticleFilter): Promise<StaffArticleRow[]> {
  const { categoryId, state, terms, after } = filter;
  return staffArticles(db)
    .$if(categoryId !== undefined, (q) => q.where("article.category_id", "=", categoryId ?? ""))
    .$if(state !== undefined, (q) => q.where("article.state", "=", state ?? "published"))
    .$if(terms.length > 0, (q) => q.where(articleMatches(dialectOf(db), terms)))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("article.position", ">", after?.position ?? 0),
          eb.and([eb("article.position", "=", after?.position ?? 0), eb("article.id", ">", after?.id ?? "")]),
        ]),
      ),
    )
    .orderBy("article.position")
    .orderBy("article.id")
    .limit(filter.limit + 1)
    .execute();
}

export interface MeasureRow {
  article_id: string;
  views: number | string | null;
  readers: number | string;
  readers_who_opened: number | string | null;
}

/**
 * Views, readers and readers who opened a ticket in the article's category after first reading it,
 * for a set of articles in one query (a reader counts once however many tickets followed).
 */
export function measuresOf(db: Executor, articleIds: string[]): Promise<MeasureRow[]> {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("article_reader as reader")
    .innerJoin("article", "article.id", "reader.article_id")
    .select((eb) => [
      "reader.article_id",
      eb.fn.sum<number>("reader.views").as("views"),
      eb.fn.countAll<number>().as("readers"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.exists(
                eb
                  .selectFrom("ticket")
                  .select(sql`1`.as("one"))
                  .whereRef("ticket.requester_id", "=", "reader.user_id")
                  .whereRef("ticket.category_id", "=", "article.category_id")
                  .whereRef("ticket.created_at", ">", "reader.first_read_at"),
              ),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as("readers_who_opened"),
    ])
    .where("reader.article_id", "in", articleIds)
    .groupBy("reader.article_id")
    .execute();
}

/** Tickets opened in the article's category by its readers after they first read it. */
export async function ticketsAfterReading(db: Executor, articleId: string): Promise<number> {
  const row = await db
    .selectFrom("article_reader as reader")
    .innerJoin("article", "article.id", "reader.article_id")
    .innerJoin("ticket", (join) =>
      join
        .onRef("ticket.requester_id", "=", "reader.user_id")
        .onRef("ticket.category_id", "=", "article.category_id")
        .onRef("ticket.created_at", ">", "reader.first_read_at"),
    )
    .select((eb) => eb.fn.count<number>("ticket.id").distinct().as("n"))
    .where("reader.article_id", "=", articleId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Records one more view by this reader (the first fixes when the reader first read it). */
export async function recordRead(
  db: Executor,
  row: { article_id: string; user_id: string; company_id: string | null; at: number },
): Promise<void> {
  await db
    .insertInto("article_reader")
    .values({
      article_id: row.article_id,
      user_id: row.user_id,
      company_id: row.company_id,
      views: 1,
      first_read_at: row.at,
      last_read_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(["article_id", "user_id"]).doUpdateSet((eb) => ({
        views: eb("article_reader.views", "+", 1),
        last_read_at: row.at,
      })),
    )
    .execute();
}

export async function totalViews(db: Executor, articleId: string): Promise<number> {
  const row = await db
    .selectFrom("article_reader")
    .select((eb) => eb.fn.sum<number>("views").as("views"))
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  return Number(row?.views ?? 0);
}
