// The knowledge base the team writes and measures: an article's state (draft → published → archived)
// and last editor; who read which article (views, and the tickets its readers opened afterwards: the
// deflection rate); and the searches customers made that found nothing ("Buscas sem resposta").
// `article.active` stays the published flag that the readers' and search queries filter on.
import { type Kysely, sql } from "kysely";
import { ArticleState } from "../../../contracts/kb";
import { dialectOf } from "../dialect";

const STATES = sql.join(ArticleState.options.map((state) => sql.lit(state)));

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table article add column state text not null default 'published'`.execute(db);
    await db.schema
      .alterTable("article")
      .addCheckConstraint("article_state_ck", sql`state in (${STATES})`)
      .execute();
  } else {
    // SQLite cannot add a table constraint; a named column constraint reads back the same way.
    await sql`alter table "article" add column "state" text not null default 'published' constraint "article_state_ck" check ("state" in (${STATES}))`.execute(
      db,
    );
  }
  await sql`update article set state = case when active = 1 then 'published' else 'archived' end`.execute(db);
  await db.schema
    .alterTable("article")
    .addColumn("updated_by", "text", (c) => c.references("app_user.id"))
    .execute();
  // The console lists a category's articles by state.
  await db.schema
    .createIndex("article_category_state_idx")
    .on("article")
    .columns(["category_id", "state", "position"])
    .execute();

  await db.schema
    .createTable("article_reader")
    .addColumn("article_id", "text", (c) => c.notNull().references("article.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("company_id", "text", (c) => c.references("company.id"))
    .addColumn("views", "integer", (c) => c.notNull())
    .addColumn("first_read_at", "bigint", (c) => c.notNull())
    .addColumn("last_read_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_reader_pk", ["article_id", "user_id"])
    .execute();

  // One row per normalized query and São Paulo day: a period's list sums a few rows per query.
  await db.schema
    .createTable("unanswered_search")
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("last_searched_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("unanswered_search_pk", ["query", "day"])
    .execute();
  await db.schema
    .createIndex("unanswered_search_day_idx")
    .on("unanswered_search")
    .columns(["day", "query"])
    .execute();

  // Each customer's last logged miss: a longer query typed within a minute replaces it (typing, not searching).
  await db.schema
    .createTable("unanswered_search_user")
    .addColumn("user_id", "text", (c) => c.notNull().primaryKey().references("app_user.id"))
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("searched_at", "bigint", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unanswered_search_user").execute();
  await db.schema.dropTable("unanswered_search").execute();
  await db.schema.dropTable("article_reader").execute();
  await db.schema.dropIndex("article_category_state_idx").execute();
  await db.schema.alterTable("article").dropColumn("updated_by").execute();
  if (dialectOf(db) === "postgres") {
    await db.schema.alterTable("article").dropConstraint("article_state_ck").execute();
  }
  await db.schema.alterTable("article").dropColumn("state").execute();
}
