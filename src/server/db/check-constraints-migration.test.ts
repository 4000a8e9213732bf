// Migration 0011 on a database that already has data: the demo seed, generated tickets and a row in
// every other table, written under 0010, then migrated. Every row must come through unchanged, the
// search indexes must keep working, and rows that break a rule must stop the migration cleanly.
import { type Kysely, Migrator, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_ORIGIN, TestClock } from "../../../test/support/app";
import { checkText } from "../../../test/support/constraints";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { AuditTargetType } from "../../contracts/audit";
import { TokenPurpose } from "../../contracts/auth";
import { EstimateStatus } from "../../contracts/billing";
import { Locale, Role } from "../../contracts/common";
import { BRAZILIAN_STATES } from "../../contracts/companies";
import { NotificationType } from "../../contracts/notifications";
import {
  Priority,
  SlaMetric,
  TicketChangeField,
  TicketChannel,
  TicketEventType,
  TicketKind,
  TicketStatus,
} from "../../contracts/tickets";
import { generate } from "../cli/generate";
import { loadConfig } from "../config";
import type { AppContext, CommandMeta } from "../context";
import { newId } from "../crypto";
import { suggestArticles } from "../modules/kb/service";
import { pageTickets } from "../modules/tickets/read-service";
import { addMessage, openTicket } from "../modules/tickets/service";
import { closeContext, openContext } from "../runtime";
import { seedDemo } from "../seed/demo";
import { type Json, type JsonColumn, json } from "./json";
import { migrations } from "./migrations";
import { CHECKS } from "./migrations/20261206_0011_check_constraints";
import * as outboxMigration from "./migrations/20261206_0021_outbox";
import * as followersMigration from "./migrations/20261206_0022_ticket_followers";
import * as webhooksMigration from "./migrations/20261206_0026_webhooks";
import * as searchVectorMigration from "./migrations/20261206_0029_ticket_search_vector";
import * as ticketNumberMigration from "./migrations/20261206_0030_ticket_number_sequence";
import type { Database } from "./schema";

const BEFORE = "20261128_0010_queue_filter_counts";
/** This migration: later ones add tables and columns of their own, which the copies here would not hold. */
const THIS = "20261206_0011_check_constraints";
const META: CommandMeta = { actorId: null, ip: null, origin: TEST_ORIGIN };
const TABLES = [
  "company",
  "app_user",
  "session",
  "user_token",
  "login_failure",
  "audit_log",
  "app_meta",
  "category",
  "article",
  "deflection",
  "screen",
  "counter",
  "ticket",
  "ticket_event",
  "attachment",
  "business_calendar",
  "plan",
  "sla_clock",
  "sla_policy",
  "ticket_tag",
  "ticket_link",
  "canned_response",
  "time_entry",
  "consultancy_estimate",
  "saved_view",
  "notification",
] as const satisfies readonly (keyof Database)[];

let database: TestDatabase;
let ctx: AppContext;
let migrator: Migrator;

beforeEach(async () => {
  database = await createTestDatabase();
  const config = {
    ...loadConfig({ EXTRANET_DATA_DIR: database.dataDir, LOG_LEVEL: "silent", EXTRANET_SEED_DEMO: "false" }),
    database: database.config,
  };
  ctx = await openContext(config, {
    clock: new TestClock(),
    searchPath: database.searchPath,
    poolSize: 4,
    migrate: false,
  });
  migrator = new Migrator({
    db: ctx.db,
    provider: { getMigrations: async () => migrations },
    ...(ctx.connection.schema && { migrationTableSchema: ctx.connection.schema }),
  });
  expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
});

/**
 * Runs today's seed and generator against the schema of migration 0010. They read the settings
 * (migration 0015), which an empty table gives as their defaults; they write the article columns
 * of migration 0017 (state, last editor) and the empty columns of migration 0019 (`anonymized_at`,
 * `purged_at`), and read plans' and calendars' `archived_at` (migration 0018), null for everything
 * they write. All of these stand in while they run and are gone before the migration under test.
 */
async function asOfBefore(seed: () => Promise<void>): Promise<void> {
  await ctx.db.schema.alterTable("app_user").addColumn("anonymized_at", "bigint").execute();
  await ctx.db.schema.alterTable("attachment").addColumn("purged_at", "bigint").execute();
  await ctx.db.schema
    .createTable("setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text")
    .execute();
  await ctx.db.schema.alterTable("article").addColumn("state", "text").execute();
  await ctx.db.schema.alterTable("article").addColumn("updated_by", "text").execute();
  // The outbox the ticket commands write e-mails into, as its own migration makes it.
  await outboxMigration.up(ctx.db as unknown as Kysely<unknown>);
  await followersMigration.up(ctx.db as unknown as Kysely<unknown>);
  // Every ticket command asks which webhook endpoints listen (migration 0026).
  await webhooksMigration.up(ctx.db as unknown as Kysely<unknown>);
  // PostgreSQL searches the stored search vector (migration 0029).
  await searchVectorMigration.up(ctx.db as unknown as Kysely<unknown>);
  // Openings on PostgreSQL number tickets from the sequence of migration 0030, whose down writes the
  // last number back into the counter row.
  await ticketNumberMigration.up(ctx.db as unknown as Kysely<unknown>);
  try {
    await withArchiveColumns(seed);
  } finally {
    await ticketNumberMigration.down(ctx.db as unknown as Kysely<unknown>);
    await searchVectorMigration.down(ctx.db as unknown as Kysely<unknown>);
    await webhooksMigration.down(ctx.db as unknown as Kysely<unknown>);
    await followersMigration.down(ctx.db as unknown as Kysely<unknown>);
    await outboxMigration.down(ctx.db as unknown as Kysely<unknown>);
    await ctx.db.schema.dropTable("setting").execute();
    await ctx.db.schema.alterTable("app_user").dropColumn("anonymized_at").execute();
    await ctx.db.schema.alterTable("attachment").dropColumn("purged_at").execute();
    await ctx.db.schema.alterTable("article").dropColumn("state").execute();
    await ctx.db.schema.alterTable("article").dropColumn("updated_by").execute();
  }
}

/** Today's code reads plans' and calendars' `archived_at` (migration 0018); null stands in for it. */
async function withArchiveColumns(run: () => Promise<void>): Promise<void> {
  for (const table of ["plan", "business_calendar"])
    await ctx.db.schema.alterTable(table).addColumn("archived_at", "bigint").execute();
  try {
    await run();
  } finally {
    for (const table of ["plan", "business_calendar"])
      await ctx.db.schema.alterTable(table).dropColumn("archived_at").execute();
  }
}

afterEach(async () => {
  await closeContext(ctx);
  await database.drop();
});

/** Every row of every table, in a stable order (SQLite's rowids too: the article index is keyed by them). */
async function contents(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const rowid = ctx.connection.dialect === "sqlite" ? sql`rowid as _rowid, ` : sql``;
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select ${rowid}* from ${sql.table(table)}`.execute(db);
    result[table] = rows.rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/** Rows for the tables the seed and the generator leave empty, each valid. */
async function fillTheRest(db: Kysely<Database>): Promise<void> {
  const at = ctx.clock.now();
  const ticket = await db
    .selectFrom("ticket")
    .select(["id", "company_id"])
    .orderBy("number")
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom("ticket")
    .select("id")
    .orderBy("number", "desc")
    .executeTakeFirstOrThrow();
  const agent = await db
    .selectFrom("app_user")
    .select("id")
    .where("role", "=", "agent")
    .executeTakeFirstOrThrow();
  const event = await db.selectFrom("ticket_event").select("id").executeTakeFirstOrThrow();
  const article = await db.selectFrom("article").select(["id", "category_id"]).executeTakeFirstOrThrow();
  await db
    .insertInto("session")
    .values({
      id: newId(),
      user_id: agent.id,
      created_at: at,
      last_seen_at: at,
      expires_at: at + 1,
      ip: "::1",
      user_agent: "t",
    })
    .execute();
  await db.insertInto("login_failure").values({ key: "ip:::1", at }).execute();
  await db
    .insertInto("deflection")
    .values({
      id: newId(),
      article_id: article.id,
      category_id: article.category_id,
      user_id: agent.id,
      company_id: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto("attachment")
    .values({
      id: newId(),
      ticket_id: ticket.id,
      event_id: event.id,
      uploader_id: agent.id,
      filename: "nota.pdf",
      content_type: "application/pdf",
      size: 1234,
      sha256: "0".repeat(64),
      storage_key: newId(),
      created_at: at,
    })
    .execute();
  await db.insertInto("ticket_tag").values({ ticket_id: ticket.id, tag: "nfe" }).execute();
  await db
    .insertInto("ticket_link")
    .values([
      { ticket_id: ticket.id, linked_ticket_id: other.id, created_by: agent.id, created_at: at },
      { ticket_id: other.id, linked_ticket_id: ticket.id, created_by: agent.id, created_at: at },
    ])
    .execute();
  await db
    .insertInto("time_entry")
    .values({
      id: newId(),
      ticket_id: ticket.id,
      user_id: agent.id,
      minutes: 30,
      note: "",
      billable: 1,
      work_date: "2026-04-22",
      created_at: at,
    })
    .execute();
  await db
    .insertInto("consultancy_estimate")
    .values({
      id: newId(),
      ticket_id: ticket.id,
      company_id: ticket.company_id,
      minutes: 120,
      description: "Análise",
      status: "approved",
      created_by: agent.id,
      created_at: at,
      sent_at: at,
      decided_at: at,
      decided_by: agent.id,
      decided_month: "2026-04",
    })
    .execute();
  await db
    .insertInto("saved_view")
    .values({
      id: newId(),
      owner_id: agent.id,
      name: "Urgentes",
      filters: json.savedViewFilters.encode({ view: "open", sort: "priority", priority: "urgent" }),
      shared: 0,
      created_at: at,
    })
    .execute();
  await db
    .insertInto("notification")
    .values({
      id: newId(),
      recipient_id: agent.id,
      type: "sla_warning",
      ticket_id: ticket.id,
      metric: "first_response",
      created_at: at,
      read_at: null,
      actor_id: null,
    })
    .execute();
}

describe("migration 20261206_0011_check_constraints", () => {
  it("keeps every row of a database with data, checks every JSON value, and search keeps working", async () => {
    const db = ctx.db;
    await asOfBefore(async () => {
      expect(await seedDemo(ctx, META)).not.toBeNull();
      await generate(ctx, { tickets: 40, companies: 2 });
    });
    // A gap in the articles' rowids (the first one retired): a rebuild that let SQLite renumber the
    // rows would now point the search index at the wrong articles.
    const first = await db.selectFrom("article").select("id").orderBy("id").executeTakeFirstOrThrow();
    await db.deleteFrom("article").where("id", "=", first.id).execute();
    await fillTheRest(db);
    const before = await contents(db);
    for (const table of TABLES) expect(before[table]?.length, table).toBeGreaterThan(0);

    expect((await migrator.migrateTo(THIS)).error).toBeUndefined();

    expect(await contents(db)).toEqual(before);
    if (ctx.connection.dialect === "sqlite") {
      expect((await sql`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      expect((await sql`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: "ok" }]);
    }
    // What the seed and the generator wrote into JSON columns is what the codecs accept.
    // (Only the tables this migration knows: later ones, like the outbox, have no rows here yet.)
    const tables = new Set(
      (await db.introspection.getTables())
        .filter((table) => ctx.connection.dialect === "sqlite" || table.schema === ctx.connection.schema)
        .map((table) => table.name),
    );
    const codecs: JsonColumn<unknown>[] = Object.values(json).filter((codec) => tables.has(codec.table));
    for (const codec of codecs) expect(await decodeAll(db, codec), codec.column).toBeGreaterThan(0);

    // The article index is keyed by rowid: an article written before the migration is still found.
    expect((await suggestArticles(ctx, "conciliação bancária", 5)).length).toBeGreaterThan(0);
    const staff = { kind: "all" } as const;
    const found = async (q: string) =>
      (await pageTickets(ctx, staff, { q, limit: 10 })).rows.map((r) => r.number);
    // A ticket opened after the migration is found (insert trigger), and so is a reply's new word on
    // a ticket opened before it (update trigger).
    const customer = await db
      .selectFrom("app_user")
      .select(["id", "company_id"])
      .where("role", "=", "customer")
      .executeTakeFirstOrThrow();
    const catalog = await db.selectFrom("category").select("id").executeTakeFirstOrThrow();
    const screen = await db.selectFrom("screen").select("code").executeTakeFirstOrThrow();
    // Today's ticket commands read the settings and write e-mails: their tables stand in again.
    let opened = 0;
    await asOfBefore(async () => {
      ({ number: opened } = await openTicket(
        ctx,
        { userId: customer.id, role: "customer", companyId: customer.company_id },
        {
          categoryId: catalog.id,
          subject: "Xilogravura não aparece no orçamento",
          description: "Ao imprimir o orçamento a imagem da xilogravura some. Favor verificar.",
          screenCode: screen.code,
          exampleRecord: "orçamento 77",
          priority: "high",
          attachmentIds: [],
        },
      ));
      expect(await found("xilogravura")).toEqual([opened]);
      const older = await db
        .selectFrom("ticket")
        .select(["number", "requester_id", "company_id"])
        .where("number", "<", opened)
        .where("status", "=", "open")
        .where("merged_into_id", "is", null)
        .orderBy("number")
        .executeTakeFirstOrThrow();
      await addMessage(
        ctx,
        { userId: older.requester_id, role: "customer", companyId: older.company_id },
        older.number,
        { body: "Também acontece com a marchetaria do catálogo.", internal: false, attachmentIds: [] },
      );
      expect(await found("marchetaria")).toEqual([older.number]);
    });
  });

  it("stops before changing anything when rows break a rule, naming the rules and how many rows", async () => {
    const db = ctx.db;
    await asOfBefore(async () => expect(await seedDemo(ctx, META)).not.toBeNull());
    const victim = await db.selectFrom("ticket").select("id").orderBy("number").executeTakeFirstOrThrow();
    await db
      .updateTable("ticket")
      .set({ status: sql<TicketStatus>`'bogus'` })
      .where("id", "=", victim.id)
      .execute();
    await db.updateTable("category").set({ active: sql<0 | 1>`2` }).execute();
    const before = await contents(db);

    const result = await migrator.migrateTo(THIS);
    expect(String(result.error)).toMatch(
      /existing rows break the new constraints: .*category_active_ck \(\d+ rows?\).*ticket_status_ck \(1 row\)/,
    );
    expect(await contents(db)).toEqual(before);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    expect(applied.rows.map((row) => row.name)).not.toContain("20261206_0011_check_constraints");
    expect(applied.rows).toHaveLength(Object.keys(migrations).indexOf(BEFORE) + 1);
    expect(await checkText(ctx.connection, "ticket", "ticket_status_ck")).toBeUndefined();
    if (ctx.connection.dialect === "sqlite") {
      expect((await sql`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);
    }
  });

  it("goes down (the rules gone, every row kept) and up again", async () => {
    const db = ctx.db;
    await asOfBefore(async () => expect(await seedDemo(ctx, META)).not.toBeNull());
    const before = await contents(db);
    expect((await migrator.migrateTo(THIS)).error).toBeUndefined();
    expect(await checkText(ctx.connection, "ticket", "ticket_status_ck")).toBeDefined();

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await contents(db)).toEqual(before);
    for (const check of CHECKS)
      expect(await checkText(ctx.connection, check.table, check.name), check.name).toBeUndefined();

    expect((await migrator.migrateTo(THIS)).error).toBeUndefined();
    expect(await contents(db)).toEqual(before);
    for (const check of CHECKS)
      expect(await checkText(ctx.connection, check.table, check.name), check.name).toBeDefined();
  });
});

/** Decodes every stored value of a JSON column through its codec (which throws on a bad one). */
async function decodeAll(db: Kysely<Database>, codec: JsonColumn<unknown>): Promise<number> {
  // Read as plain text on purpose: the test looks at what is stored, whoever wrote it.
  const rows = await sql<{ value: Json<unknown> | null }>`select ${sql.ref(codec.column)} as value
    from ${sql.table(codec.table)}`.execute(db);
  const values = rows.rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  for (const value of values) codec.decode(value);
  return values.length;
}

describe("the enums migration 0011 constrains", () => {
  // The lists in the SQL come from these enums when the migration runs, so databases migrated before
  // a value is added keep the old list: adding one needs a migration that calls `rewriteChecks` for
  // the constraints using it. Update this snapshot in that migration's commit (0015 rewrote the audit
  // trail's target types).
  it("are the ones existing databases were constrained with", () => {
    expect({
      AuditTargetType: AuditTargetType.options,
      BrazilianState: BRAZILIAN_STATES,
      EstimateStatus: EstimateStatus.options,
      Locale: Locale.options,
      NotificationType: NotificationType.options,
      Priority: Priority.options,
      Role: Role.options,
      SlaMetric: SlaMetric.options,
      TicketChangeField: TicketChangeField.options,
      TicketChannel: TicketChannel.options,
      TicketEventType: TicketEventType.options,
      TicketKind: TicketKind.options,
      TicketStatus: TicketStatus.options,
      TokenPurpose: TokenPurpose.options,
    }).toMatchInlineSnapshot(`
      {
        "AuditTargetType": [
          "api_token",
          "article",
          "calendar",
          "canned_response",
          "category",
          "company",
          "erp_installation",
          "outbox_message",
          "plan",
          "saved_view",
          "screen",
          "settings",
          "ticket",
          "user",
          "webhook",
        ],
        "BrazilianState": [
          "AC",
          "AL",
          "AP",
          "AM",
          "BA",
          "CE",
          "DF",
          "ES",
          "GO",
          "MA",
          "MT",
          "MS",
          "MG",
          "PA",
          "PB",
          "PR",
          "PE",
          "PI",
          "RJ",
          "RN",
          "RS",
          "RO",
          "RR",
          "SC",
          "SP",
          "SE",
          "TO",
        ],
        "EstimateStatus": [
          "draft",
          "sent",
          "approved",
          "declined",
          "withdrawn",
        ],
        "Locale": [
          "pt-BR",
          "en",
        ],
        "NotificationType": [
          "sla_warning",
          "sla_breach",
          "ticket_assigned",
          "mention",
        ],
        "Priority": [
          "low",
          "normal",
          "high",
          "urgent",
        ],
        "Role": [
          "customer",
          "customer_admin",
          "agent",
          "supervisor",
          "admin",
        ],
        "SlaMetric": [
          "first_response",
          "next_response",
          "resolution",
        ],
        "TicketChangeField": [
          "assignee",
          "category",
          "screen",
          "tags",
        ],
        "TicketChannel": [
          "portal",
          "phone",
          "email",
        ],
        "TicketEventType": [
          "opened",
          "message",
          "status_changed",
          "priority_changed",
          "attachment_added",
          "reopened",
          "sla_warning",
          "sla_breach",
          "kind_changed",
          "assigned",
          "category_changed",
          "screen_changed",
          "tags_changed",
          "call_logged",
          "merged",
          "merged_from",
          "linked",
          "estimate_sent",
          "estimate_approved",
          "estimate_declined",
          "estimate_withdrawn",
        ],
        "TicketKind": [
          "support",
          "consultancy",
        ],
        "TicketStatus": [
          "open",
          "in_progress",
          "waiting_customer",
          "resolved",
          "cancelled",
        ],
        "TokenPurpose": [
          "set_password",
          "reset_password",
        ],
      }
    `);
  });
});
