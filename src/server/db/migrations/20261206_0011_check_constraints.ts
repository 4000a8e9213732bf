// The database's own guard on what schema.ts promises: every closed-set column accepts only its
// contract enum's values (the SQL lists are generated from the enums), flags only 0 and 1, counts and
// minutes are not negative, and a few invariants hold (the priority rank follows the priority, a
// resolved ticket has its instant, a merged one is cancelled). PostgreSQL adds each constraint in
// place; SQLite cannot, so each table is rebuilt with them (sqlite-rebuild.ts). Rows that break a
// rule stop the migration before anything changes, with the rule and the count of rows named.
//
// The lists are taken from the contracts when the migration runs, so a new database always matches
// them; a database migrated earlier keeps the lists it got. A value added to one of these enums later
// therefore needs a migration that rewrites that constraint (`rewriteChecks` below, on both dialects);
// `check-constraints.test.ts` fails until the guarded list says it was done.
import { type Kysely, type RawBuilder, sql } from "kysely";
import { AuditTargetType } from "../../../contracts/audit";
import { TokenPurpose } from "../../../contracts/auth";
import { EstimateStatus } from "../../../contracts/billing";
import { Locale, Role } from "../../../contracts/common";
import { BRAZILIAN_STATES } from "../../../contracts/companies";
import { NotificationType } from "../../../contracts/notifications";
import {
  Priority,
  SlaMetric,
  TicketChangeField,
  TicketChannel,
  TicketEventType,
  TicketKind,
  TicketStatus,
} from "../../../contracts/tickets";
import { priorityOrder } from "../../modules/sla/queue-keys";
import { dialectOf } from "../dialect";
import { rebuildSqliteTables } from "../sqlite-rebuild";

export interface Check {
  table: string;
  /** `<table>_<column>_ck` for a column's own rule. */
  name: string;
  /** True (or null, as SQL has it) for every valid row. */
  condition: RawBuilder<unknown>;
  /** The closed set the column is held to, when it is one. */
  values?: readonly string[];
}

const oneOf = (table: string, column: string, values: readonly string[]): Check => ({
  table,
  name: `${table}_${column}_ck`,
  condition: sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`,
  values,
});

const flag = (table: string, column: string): Check => ({
  table,
  name: `${table}_${column}_ck`,
  condition: sql`${sql.ref(column)} in (0, 1)`,
});

const atLeast = (table: string, column: string, minimum: number): Check => ({
  table,
  name: `${table}_${column}_ck`,
  condition: sql`${sql.ref(column)} >= ${sql.lit(minimum)}`,
});

const rule = (table: string, name: string, condition: RawBuilder<unknown>): Check => ({
  table,
  name: `${table}_${name}_ck`,
  condition,
});

const priorityRank = sql.join(
  Priority.options.map((priority) => sql`when ${sql.lit(priority)} then ${sql.lit(priorityOrder(priority))}`),
  sql` `,
);

export const CHECKS: readonly Check[] = [
  flag("company", "active"),
  oneOf("company", "state", BRAZILIAN_STATES),
  rule("company", "cnpj", sql`length(cnpj) = 14`),
  oneOf("app_user", "role", Role.options),
  oneOf("app_user", "locale", Locale.options),
  flag("app_user", "active"),
  oneOf("user_token", "purpose", TokenPurpose.options),
  oneOf("audit_log", "target_type", AuditTargetType.options),
  flag("category", "active"),
  flag("article", "active"),
  atLeast("article", "helpful_count", 0),
  flag("screen", "active"),
  atLeast("counter", "value", 0),
  atLeast("ticket", "number", 1),
  oneOf("ticket", "priority", Priority.options),
  oneOf("ticket", "status", TicketStatus.options),
  oneOf("ticket", "channel", TicketChannel.options),
  oneOf("ticket", "kind", TicketKind.options),
  atLeast("ticket", "version", 1),
  rule("ticket", "priority_order", sql`priority_order = case priority ${priorityRank} end`),
  rule(
    "ticket",
    "resolved",
    sql`(status = 'resolved' and resolved_at is not null) or (status <> 'resolved' and resolved_at is null)`,
  ),
  rule("ticket", "merged", sql`merged_into_id is null or (merged_into_id <> id and status = 'cancelled')`),
  oneOf("ticket_event", "type", TicketEventType.options),
  flag("ticket_event", "internal"),
  oneOf("ticket_event", "from_status", TicketStatus.options),
  oneOf("ticket_event", "to_status", TicketStatus.options),
  oneOf("ticket_event", "from_priority", Priority.options),
  oneOf("ticket_event", "to_priority", Priority.options),
  oneOf("ticket_event", "metric", SlaMetric.options),
  oneOf("ticket_event", "to_kind", TicketKind.options),
  oneOf("ticket_event", "field", TicketChangeField.options),
  atLeast("ticket_event", "ticket_version", 1),
  atLeast("ticket_event", "duration_minutes", 0),
  atLeast("attachment", "size", 0),
  oneOf("sla_clock", "metric", SlaMetric.options),
  atLeast("sla_clock", "cycle", 1),
  atLeast("sla_clock", "target_minutes", 0),
  rule("ticket_link", "self", sql`linked_ticket_id <> ticket_id`),
  atLeast("time_entry", "minutes", 1),
  flag("time_entry", "billable"),
  rule("time_entry", "work_date", sql`work_date like '____-__-__'`),
  oneOf("consultancy_estimate", "status", EstimateStatus.options),
  atLeast("consultancy_estimate", "minutes", 1),
  rule("consultancy_estimate", "decided_month", sql`decided_month like '____-__'`),
  flag("saved_view", "shared"),
  oneOf("notification", "type", NotificationType.options),
  oneOf("notification", "metric", SlaMetric.options),
];

/**
 * The tables keyed by one text column. SQLite lets such a key hold NULL (a quirk it keeps for
 * compatibility; PostgreSQL's primary keys are never null), so their rebuild also makes it NOT NULL.
 */
const SQLITE_TEXT_KEYED = [
  "company",
  "app_user",
  "session",
  "user_token",
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
  "canned_response",
  "time_entry",
  "consultancy_estimate",
  "saved_view",
  "notification",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await assertRowsObey(db, CHECKS);
  if (dialectOf(db) === "sqlite") await assertKeysPresent(db, SQLITE_TEXT_KEYED);
  await setChecks(db, CHECKS, "present", SQLITE_TEXT_KEYED);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setChecks(db, CHECKS, "absent", SQLITE_TEXT_KEYED);
}

/**
 * Replaces the given checks (by name) with their current definition: what a later migration calls
 * after a value joins one of the enums above.
 */
export async function rewriteChecks(db: Kysely<unknown>, names: readonly string[]): Promise<void> {
  const checks = CHECKS.filter((check) => names.includes(check.name));
  if (checks.length !== names.length) throw new Error(`unknown checks among ${names.join(", ")}`);
  await assertRowsObey(db, checks);
  await setChecks(db, checks, "present", []);
}

/** Every rule that existing rows break, with how many: a clear failure instead of the first error. */
async function assertRowsObey(db: Kysely<unknown>, checks: readonly Check[]): Promise<void> {
  const broken: string[] = [];
  for (const check of checks) {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(check.table)}
      where not (${check.condition})`.execute(db);
    const count = Number(result.rows[0]?.n ?? 0);
    if (count > 0) broken.push(`${check.name} (${count} row${count === 1 ? "" : "s"})`);
  }
  if (broken.length > 0) throw new Error(`existing rows break the new constraints: ${broken.join(", ")}`);
}

async function assertKeysPresent(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  const broken: string[] = [];
  for (const table of tables) {
    const key = await sql<{
      name: string;
    }>`select name from pragma_table_info(${table}) where pk = 1`.execute(db);
    const name = key.rows[0]?.name;
    if (key.rows.length !== 1 || name === undefined) throw new Error(`${table} is not keyed by one column`);
    const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
      where ${sql.ref(name)} is null`.execute(db);
    const count = Number(result.rows[0]?.n ?? 0);
    if (count > 0) broken.push(`${table}.${name} is null (${count} row${count === 1 ? "" : "s"})`);
  }
  if (broken.length > 0) throw new Error(`existing rows have no key: ${broken.join(", ")}`);
}

/**
 * Each check dropped if it exists, then added as defined now ("present") or not ("absent"); on SQLite
 * the text keys of `keyed` tables likewise made NOT NULL or left nullable. On SQLite a table is
 * rebuilt once for all of it, and not at all when its definition ends up as it was (a rerun after a
 * crash between the rebuild's commit and Kysely's bookkeeping).
 */
async function setChecks(
  db: Kysely<unknown>,
  checks: readonly Check[],
  state: "present" | "absent",
  keyed: readonly string[],
) {
  if (dialectOf(db) === "postgres") {
    for (const check of checks) {
      await db.schema.alterTable(check.table).dropConstraint(check.name).ifExists().execute();
      if (state === "present") {
        await db.schema.alterTable(check.table).addCheckConstraint(check.name, check.condition).execute();
      }
    }
    return;
  }
  const revise = (text: string, check: Check) => {
    const without = removeConstraint(text, check.name);
    return state === "present" ? appendConstraint(without, check.name, conditionSql(db, check)) : without;
  };
  const key = (text: string, table: string) => (keyed.includes(table) ? keyRequired(text, state) : text);
  await rebuildSqliteTables(
    db,
    [...new Set([...tablesOf(checks), ...keyed])].map((table) => ({
      table,
      revise: (createSql) =>
        key(checks.filter((check) => check.table === table).reduce(revise, createSql), table),
    })),
  );
}

/** `"id" text primary key` (as Kysely writes it) with NOT NULL ("present") or without. */
function keyRequired(createSql: string, state: "present" | "absent"): string {
  return state === "present"
    ? createSql.replace(/^(CREATE TABLE "\w+" \("\w+" text) primary key/i, "$1 not null primary key")
    : createSql.replace(/^(CREATE TABLE "\w+" \("\w+" text) not null primary key/i, "$1 primary key");
}

const tablesOf = (checks: readonly Check[]) => [...new Set(checks.map((check) => check.table))];

/** The condition as SQL text with its values inline: SQLite keeps it in the table's definition. */
function conditionSql(db: Kysely<unknown>, check: Check): string {
  const compiled = check.condition.compile(db);
  if (compiled.parameters.length > 0) throw new Error(`${check.name}: a check cannot take parameters`);
  return compiled.sql;
}

const constraintClause = (name: string) => `, constraint "${name}" check (`;

/** A table constraint goes after the last column and constraint, before the closing parenthesis. */
function appendConstraint(createSql: string, name: string, condition: string): string {
  const end = createSql.lastIndexOf(")");
  return `${createSql.slice(0, end)}${constraintClause(name)}${condition}))${createSql.slice(end + 1)}`;
}

function removeConstraint(createSql: string, name: string): string {
  const start = createSql.indexOf(constraintClause(name));
  if (start < 0) return createSql;
  let depth = 1;
  let quoted = false;
  let index = start + constraintClause(name).length;
  for (; index < createSql.length && depth > 0; index++) {
    const char = createSql[index];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
  }
  return createSql.slice(0, start) + createSql.slice(index);
}
