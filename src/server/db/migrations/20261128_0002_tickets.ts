// The portal: categories with FAQ answers, deflections, the screen catalog, tickets, their history
// and attachments, and the full-text indexes (FTS5 on SQLite, GIN on PostgreSQL).
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("category")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("article")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("category_id", "text", (c) => c.notNull().references("category.id"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("answer", "text", (c) => c.notNull())
    .addColumn("answer_html", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("helpful_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("search_terms", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("article_category_idx")
    .on("article")
    .columns(["category_id", "position"])
    .execute();

  await db.schema
    .createTable("deflection")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("article_id", "text", (c) => c.notNull().references("article.id"))
    .addColumn("category_id", "text", (c) => c.notNull().references("category.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("company_id", "text", (c) => c.references("company.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("deflection_article_user_uq", ["article_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("deflection_category_idx")
    .on("deflection")
    .columns(["category_id", "created_at"])
    .execute();

  await db.schema
    .createTable("screen")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("module", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("search_terms", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("counter")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  // Ticket numbers start at 1001: four digits from the first ticket on.
  await sql`insert into counter (name, value) values ('ticket_number', 1000)`.execute(db);

  await db.schema
    .createTable("ticket")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("company_id", "text", (c) => c.notNull().references("company.id"))
    .addColumn("requester_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("category_id", "text", (c) => c.notNull().references("category.id"))
    .addColumn("screen_code", "text", (c) => c.notNull().references("screen.code"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("description_html", "text", (c) => c.notNull())
    .addColumn("example_record", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("assignee_id", "text", (c) => c.references("app_user.id"))
    .addColumn("related_ticket_id", "text", (c) => c.references("ticket.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("search_terms", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("resolved_at", "bigint")
    .execute();
  // The lists: a company's tickets by last update (all, or in one status), and staff's across companies.
  await db.schema
    .createIndex("ticket_company_updated_idx")
    .on("ticket")
    .columns(["company_id", "updated_at", "number"])
    .execute();
  await db.schema
    .createIndex("ticket_company_status_updated_idx")
    .on("ticket")
    .columns(["company_id", "status", "updated_at", "number"])
    .execute();
  await db.schema.createIndex("ticket_updated_idx").on("ticket").columns(["updated_at", "number"]).execute();
  await db.schema
    .createIndex("ticket_status_updated_idx")
    .on("ticket")
    .columns(["status", "updated_at", "number"])
    .execute();
  await db.schema
    .createIndex("ticket_screen_idx")
    .on("ticket")
    .columns(["screen_code", "updated_at"])
    .execute();
  await db.schema.createIndex("ticket_requester_idx").on("ticket").column("requester_id").execute();

  await db.schema
    .createTable("ticket_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.references("app_user.id"))
    .addColumn("internal", "integer", (c) => c.notNull())
    .addColumn("body", "text")
    .addColumn("body_html", "text")
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("from_priority", "text")
    .addColumn("to_priority", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("ticket_event_ticket_idx")
    .on("ticket_event")
    .columns(["ticket_id", "created_at", "id"])
    .execute();

  await db.schema
    .createTable("attachment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.references("ticket.id"))
    .addColumn("event_id", "text", (c) => c.references("ticket_event.id"))
    .addColumn("uploader_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachment_ticket_idx").on("attachment").column("ticket_id").execute();
  await db.schema.createIndex("attachment_event_idx").on("attachment").column("event_id").execute();
  await db.schema
    .createIndex("attachment_uploader_idx")
    .on("attachment")
    .columns(["uploader_id", "created_at"])
    .execute();

  await createSearchIndexes(db);
}

/** Terms are analyzed in JavaScript (src/domain/search): the database only matches tokens. */
async function createSearchIndexes(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`create index ticket_search_idx on ticket using gin (to_tsvector('simple', search_terms))`.execute(
      db,
    );
    await sql`create index article_search_idx on article using gin (to_tsvector('simple', search_terms))`.execute(
      db,
    );
    return;
  }
  // FTS5 tables kept in step with their rows by triggers, so writes need no dialect-specific code.
  for (const [table, key] of [
    ["ticket", "number"],
    ["article", "rowid"],
  ] as const) {
    await sql
      .raw(`create virtual table ${table}_fts using fts5(terms, tokenize = 'unicode61', prefix = '2 3 4')`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_fts_insert after insert on ${table} begin
        insert into ${table}_fts(rowid, terms) values (new.${key}, new.search_terms); end`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_fts_update after update of search_terms on ${table} begin
        update ${table}_fts set terms = new.search_terms where rowid = old.${key}; end`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_fts_delete after delete on ${table} begin
        delete from ${table}_fts where rowid = old.${key}; end`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    await sql`drop table if exists ticket_fts`.execute(db);
    await sql`drop table if exists article_fts`.execute(db);
  }
  for (const table of [
    "attachment",
    "ticket_event",
    "ticket",
    "counter",
    "screen",
    "deflection",
    "article",
    "category",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
