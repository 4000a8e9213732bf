// schema.ts against the database the migrations build. DATABASE below describes every table and column
// at run time; its type must mirror `Database` exactly (a missing or extra table or column, a
// nullability, enum or JSON type that differs, is a compile error), and the tests compare it with
// Kysely's introspection of a freshly migrated database and with the CHECK constraints it holds.

import type { Generated } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/app";
import { checkText, quotedValues } from "../../../test/support/constraints";
import { makeCatalog, makeCompany, makeTicket, makeUser } from "../../../test/support/factories";
import { AuditTargetType } from "../../contracts/audit";
import { TokenPurpose } from "../../contracts/auth";
import { EstimateStatus } from "../../contracts/billing";
import { Locale, Role } from "../../contracts/common";
import { BRAZILIAN_STATES } from "../../contracts/companies";
import { ErpAlgorithm } from "../../contracts/erp-installations";
import { ArticleState } from "../../contracts/kb";
import { NotificationType } from "../../contracts/notifications";
import { EmailPurpose, EmailTopic, OutboxState } from "../../contracts/outbox";
import {
  Priority,
  SlaMetric,
  TicketChangeField,
  TicketChannel,
  TicketEventType,
  TicketKind,
  TicketStatus,
} from "../../contracts/tickets";
import { ApiTokenKind } from "../../contracts/tokens";
import { WebhookEvent } from "../../contracts/webhooks";
import { newId } from "../crypto";
import { type Json, type JsonColumn, json } from "./json";
import type { Database, Flag } from "./schema";

type SqlType = "text" | "integer" | "bigint";

/** A column as the database holds it. `T` is what schema.ts says it reads: exactly (see `type`). */
interface Column<T> {
  sql: SqlType;
  nullable: boolean;
  /** A closed set held by a `<table>_<column>_ck` constraint. */
  values?: readonly string[];
  flag?: true;
  /** Never set: makes `Column<T>` invariant in `T`, so "string" does not pass for "string | null". */
  readonly type?: (value: T) => T;
}

const text: Column<string> = { sql: "text", nullable: false };
/** int4 on PostgreSQL: positions, numbers, versions, minutes. */
const int: Column<number> = { sql: "integer", nullable: false };
/** int8: instants (epoch ms), sizes, the counter. */
const big: Column<number> = { sql: "bigint", nullable: false };
/** An integer the database's own triggers write (ticket_tag.open, migration 0038). */
const triggerInt: Column<Generated<number>> = { sql: "integer", nullable: false };
const flag: Column<Flag> = { sql: "integer", nullable: false, flag: true };
const oneOf = <T extends string>(values: readonly T[]): Column<T> => ({
  sql: "text",
  nullable: false,
  values,
});
const jsonOf = <T>(_codec: JsonColumn<T>): Column<Json<T>> => ({ sql: "text", nullable: false });
const nullable = <T>(column: Column<T>): Column<T | null> => {
  const { type: _type, ...rest } = column;
  return { ...rest, nullable: true };
};

type Description = { [Tb in keyof Database]: { [C in keyof Database[Tb]]-?: Column<Database[Tb][C]> } };

const DATABASE = {
  company: {
    id: text,
    name: text,
    cnpj: text,
    state: oneOf(BRAZILIAN_STATES),
    city: text,
    active: flag,
    plan_id: nullable(text),
    created_at: big,
    updated_at: big,
  },
  app_user: {
    id: text,
    company_id: nullable(text),
    name: text,
    email: text,
    password_hash: nullable(text),
    role: oneOf(Role.options),
    locale: oneOf(Locale.options),
    active: flag,
    last_login_at: nullable(big),
    previous_login_at: nullable(big),
    created_at: big,
    updated_at: big,
    anonymized_at: nullable(big),
  },
  session: {
    id: text,
    user_id: text,
    created_at: big,
    last_seen_at: big,
    expires_at: big,
    ip: text,
    user_agent: text,
  },
  user_token: {
    id: text,
    user_id: text,
    purpose: oneOf(TokenPurpose.options),
    created_by: nullable(text),
    created_at: big,
    expires_at: big,
    used_at: nullable(big),
  },
  login_failure: { key: text, at: big, account: nullable(text) },
  audit_log: {
    id: text,
    actor_id: nullable(text),
    action: text,
    target_type: oneOf(AuditTargetType.options),
    target_id: text,
    details: jsonOf(json.auditDetails),
    ip: nullable(text),
    created_at: big,
  },
  app_meta: { key: text, value: text },
  category: {
    id: text,
    name: text,
    description: text,
    position: int,
    active: flag,
    created_at: big,
    updated_at: big,
  },
  article: {
    id: text,
    category_id: text,
    question: text,
    answer: text,
    answer_html: text,
    position: int,
    active: flag,
    helpful_count: int,
    search_terms: text,
    created_at: big,
    updated_at: big,
    state: oneOf(ArticleState.options),
    updated_by: nullable(text),
  },
  article_reader: {
    article_id: text,
    user_id: text,
    company_id: nullable(text),
    views: int,
    first_read_at: big,
    last_read_at: big,
  },
  unanswered_search: { query: text, day: text, count: int, last_searched_at: big },
  unanswered_search_user: { user_id: text, query: text, day: text, searched_at: big },
  deflection: {
    id: text,
    article_id: text,
    category_id: text,
    user_id: text,
    company_id: nullable(text),
    created_at: big,
  },
  screen: {
    code: text,
    name: text,
    module: text,
    active: flag,
    search_terms: text,
    created_at: big,
    updated_at: big,
    category_id: nullable(text),
  },
  counter: { name: text, value: big },
  ticket: {
    id: text,
    number: int,
    company_id: text,
    requester_id: text,
    category_id: text,
    screen_code: text,
    subject: text,
    description: text,
    description_html: text,
    example_record: text,
    priority: oneOf(Priority.options),
    status: oneOf(TicketStatus.options),
    channel: oneOf(TicketChannel.options),
    kind: oneOf(TicketKind.options),
    assignee_id: nullable(text),
    related_ticket_id: nullable(text),
    version: int,
    search_terms: text,
    sla_policy_id: nullable(text),
    created_at: big,
    updated_at: big,
    resolved_at: nullable(big),
    queue_due_at: big,
    queue_warn_at: nullable(big),
    priority_order: int,
    merged_into_id: nullable(text),
  },
  ticket_event: {
    id: text,
    ticket_id: text,
    type: oneOf(TicketEventType.options),
    actor_id: nullable(text),
    internal: flag,
    body: nullable(text),
    body_html: nullable(text),
    from_status: nullable(oneOf(TicketStatus.options)),
    to_status: nullable(oneOf(TicketStatus.options)),
    from_priority: nullable(oneOf(Priority.options)),
    to_priority: nullable(oneOf(Priority.options)),
    metric: nullable(oneOf(SlaMetric.options)),
    to_kind: nullable(oneOf(TicketKind.options)),
    field: nullable(oneOf(TicketChangeField.options)),
    from_value: nullable(text),
    to_value: nullable(text),
    related_ticket_id: nullable(text),
    ticket_version: nullable(int),
    duration_minutes: nullable(int),
    created_at: big,
  },
  attachment: {
    id: text,
    ticket_id: nullable(text),
    event_id: nullable(text),
    uploader_id: text,
    filename: text,
    content_type: text,
    size: big,
    sha256: text,
    storage_key: text,
    created_at: big,
    company_id: nullable(text),
    purged_at: nullable(big),
  },
  upload_log: { user_id: text, at: big, bytes: big },
  business_calendar: {
    id: text,
    name: text,
    time_zone: text,
    weekly_hours: jsonOf(json.calendarWeeklyHours),
    holidays: nullable(jsonOf(json.calendarHolidays)),
    closed_dates: jsonOf(json.calendarClosedDates),
    open_dates: jsonOf(json.calendarOpenDates),
    custom_holidays: jsonOf(json.calendarCustomHolidays),
    removed_holidays: jsonOf(json.calendarRemovedHolidays),
    archived_at: nullable(big),
    created_at: big,
    updated_at: big,
  },
  plan: {
    id: text,
    name: text,
    description: text,
    calendar_id: text,
    services: jsonOf(json.planServices),
    targets: jsonOf(json.planTargets),
    archived_at: nullable(big),
    created_at: big,
    updated_at: big,
  },
  sla_clock: {
    id: text,
    ticket_id: text,
    metric: oneOf(SlaMetric.options),
    cycle: int,
    started_at: big,
    target_minutes: int,
    pauses: jsonOf(json.slaClockPauses),
    due_at: nullable(big),
    warn_at: nullable(big),
    met_at: nullable(big),
    stopped_at: nullable(big),
    warned_at: nullable(big),
    breached_at: nullable(big),
  },
  sla_policy: { id: text, policy: jsonOf(json.slaPolicy), created_at: big },
  ticket_tag: { ticket_id: text, tag: text, open: triggerInt },
  ticket_link: { ticket_id: text, linked_ticket_id: text, created_by: text, created_at: big },
  canned_response: {
    id: text,
    owner_id: nullable(text),
    title: text,
    body: text,
    created_by: text,
    created_at: big,
    updated_at: big,
  },
  time_entry: {
    id: text,
    ticket_id: text,
    user_id: text,
    minutes: int,
    note: text,
    billable: flag,
    work_date: text,
    created_at: big,
  },
  consultancy_estimate: {
    id: text,
    ticket_id: text,
    company_id: text,
    minutes: int,
    description: text,
    status: oneOf(EstimateStatus.options),
    created_by: text,
    created_at: big,
    sent_at: nullable(big),
    decided_at: nullable(big),
    decided_by: nullable(text),
    decided_month: nullable(text),
  },
  saved_view: {
    id: text,
    owner_id: text,
    name: text,
    filters: jsonOf(json.savedViewFilters),
    shared: flag,
    created_at: big,
  },
  notification: {
    id: text,
    recipient_id: text,
    type: oneOf(NotificationType.options),
    ticket_id: text,
    metric: nullable(oneOf(SlaMetric.options)),
    created_at: big,
    read_at: nullable(big),
    actor_id: nullable(text),
  },
  setting: { key: text, value: text, updated_by: nullable(text), updated_at: big },
  idempotency_key: {
    user_id: text,
    key: text,
    operation: text,
    fingerprint: text,
    result: text,
    created_at: big,
  },
  outbox_message: {
    id: text,
    purpose: oneOf(EmailPurpose.options),
    recipient_id: nullable(text),
    to_address: text,
    subject: text,
    text_body: text,
    html_body: text,
    message_id: text,
    reply_to: nullable(text),
    headers: jsonOf(json.outboxHeaders),
    ticket_id: nullable(text),
    state: oneOf(OutboxState.options),
    attempts: int,
    next_attempt_at: big,
    leased_by: nullable(text),
    lease_until: nullable(big),
    last_error: nullable(text),
    created_at: big,
    sent_at: nullable(big),
  },
  email_opt_out: { user_id: text, topic: oneOf(EmailTopic.options) },
  ticket_follower: { ticket_id: text, user_id: text, created_at: big },
  api_token: {
    id: text,
    token_hash: text,
    hint: text,
    kind: oneOf(ApiTokenKind.options),
    name: text,
    user_id: text,
    scopes: jsonOf(json.apiTokenScopes),
    created_by: nullable(text),
    created_at: big,
    expires_at: nullable(big),
    last_used_at: nullable(big),
    revoked_at: nullable(big),
    revoked_by: nullable(text),
  },
  webhook_endpoint: {
    id: text,
    url: text,
    events: jsonOf(json.webhookEvents),
    secret: text,
    previous_secret: nullable(text),
    previous_secret_until: nullable(big),
    internal: flag,
    active: flag,
    disabled_reason: nullable(oneOf(["failing"] as const)),
    last_attempt_at: nullable(big),
    last_attempt_ok: nullable(flag),
    last_status_code: nullable(int),
    last_success_at: nullable(big),
    failing_since: nullable(big),
    created_by: nullable(text),
    created_at: big,
    updated_at: big,
  },
  erp_installation: {
    id: text,
    name: text,
    company_id: text,
    algorithm: oneOf(ErpAlgorithm.options),
    secret: nullable(text),
    public_key: nullable(text),
    creates_users: flag,
    active: flag,
    revoked_at: nullable(big),
    last_used_at: nullable(big),
    created_by: nullable(text),
    created_at: big,
    updated_at: big,
  },
  webhook_delivery: {
    id: text,
    endpoint_id: text,
    event: oneOf(WebhookEvent.options),
    payload: text,
    ticket_id: nullable(text),
    state: oneOf(OutboxState.options),
    attempts: int,
    next_attempt_at: big,
    leased_by: nullable(text),
    lease_until: nullable(big),
    last_error: nullable(text),
    last_status_code: nullable(int),
    last_duration_ms: nullable(int),
    last_response: nullable(text),
    created_at: big,
    sent_at: nullable(big),
  },
  erp_link_use: { installation_id: text, jti: text, expires_at: big },
} satisfies Description;

const POSTGRES_TYPES: Record<string, SqlType> = { text: "text", int4: "integer", int8: "bigint" };

/** SQLite's full-text index tables (ticket_fts, article_fts and their shadow tables) are not rows of `Database`. */
const isSearchIndex = (name: string) => /_fts(_\w+)?$/.test(name);
/** PostgreSQL's stored tsvector (migration 0029): derived by the database, as SQLite's FTS tables are. */
const isSearchColumn = (dialect: string, table: string, column: string) =>
  dialect === "postgres" && table === "ticket" && column === "search_vector";

type Shape = Record<string, Record<string, { sql: string; nullable: boolean }>>;

function expectedShape(): Shape {
  return Object.fromEntries(
    Object.entries(DATABASE).map(([table, columns]) => [
      table,
      Object.fromEntries(
        Object.entries(columns).map(([name, column]: [string, Column<unknown>]) => [
          name,
          { sql: column.sql, nullable: column.nullable },
        ]),
      ),
    ]),
  );
}

async function actualShape(t: TestApp): Promise<Shape> {
  const { dialect, schema } = t.ctx.connection;
  const tables = (await t.ctx.db.introspection.getTables()).filter((table) =>
    dialect === "postgres" ? table.schema === schema : !isSearchIndex(table.name),
  );
  return Object.fromEntries(
    tables.map((table) => [
      table.name,
      Object.fromEntries(
        table.columns
          .filter((column) => !isSearchColumn(dialect, table.name, column.name))
          .map((column) => [
            column.name,
            {
              sql:
                dialect === "postgres"
                  ? (POSTGRES_TYPES[column.dataType] ?? column.dataType)
                  : column.dataType.toLowerCase(),
              nullable: column.isNullable,
            },
          ]),
      ),
    ]),
  );
}

describe("schema.ts and the migrated database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("have the same tables and columns, of the same SQL types and nullability", async () => {
    expect(await actualShape(t)).toEqual(expectedShape());
  });

  it("hold every closed-set column to exactly its enum's values, and every flag to 0 and 1", async () => {
    const expected: Record<string, string[]> = {};
    const actual: Record<string, string[]> = {};
    for (const [table, columns] of Object.entries(DATABASE)) {
      for (const [name, column] of Object.entries(columns) as [string, Column<unknown>][]) {
        if (!column.values && !column.flag) continue;
        const key = `${table}.${name}`;
        const check = await checkText(t.ctx.connection, table, `${table}_${name}_ck`);
        if (column.values) {
          expected[key] = [...column.values].sort();
          actual[key] = check === undefined ? [] : quotedValues(check).sort();
        } else {
          expected[key] = ["0", "1"];
          actual[key] = check?.match(/\b[01]\b/g)?.sort() ?? [];
        }
      }
    }
    // Not a vacuous comparison: the description does name the closed sets and flags.
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
  });

  describe("refuses values out of their list", () => {
    let number: number;
    beforeAll(async () => {
      const company = await makeCompany(t.ctx);
      const customer = await makeUser(t.ctx, "customer", { company });
      number = await makeTicket(t.ctx, await makeCatalog(t.ctx), customer);
    });

    const copyOfTicket = async () => {
      const row = await t.ctx.db
        .selectFrom("ticket")
        .selectAll()
        .where("number", "=", number)
        .executeTakeFirstOrThrow();
      // PostgreSQL's generated search vector is written by the database alone.
      const { search_vector: _derived, ...columns } = row as typeof row & { search_vector?: unknown };
      return { ...columns, id: newId(), number: row.number + 1000 + Math.floor(Math.random() * 1000) };
    };

    it("a ticket with the status 'bogus' (and accepts the same ticket in a listed status)", async () => {
      const bogus = { ...(await copyOfTicket()), status: sql<TicketStatus>`'bogus'` };
      await expect(t.ctx.db.insertInto("ticket").values(bogus).execute()).rejects.toThrow(/ticket_status_ck/);
      const listed: Database["ticket"] = { ...(await copyOfTicket()), status: "in_progress" };
      await t.ctx.db.insertInto("ticket").values(listed).execute();
      expect(
        await t.ctx.db.selectFrom("ticket").select("status").where("id", "=", listed.id).executeTakeFirst(),
      ).toEqual({ status: "in_progress" });
    });

    it("a flag other than 0 or 1, a negative count and a priority rank that is not the priority's", async () => {
      const ticket = await copyOfTicket();
      const db = t.ctx.db;
      await expect(
        db
          .insertInto("ticket")
          .values({ ...ticket, priority_order: 3 })
          .execute(),
      ).rejects.toThrow(/ticket_priority_order_ck/);
      await expect(db.updateTable("category").set({ active: sql<Flag>`2` }).execute()).rejects.toThrow(
        /category_active_ck/,
      );
      await expect(db.updateTable("article").set({ helpful_count: -1 }).execute()).rejects.toThrow(
        /article_helpful_count_ck/,
      );
    });
  });
});
