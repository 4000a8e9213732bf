// The rows that hold a person's data: what an export reads and what anonymizing rewrites.
import { sql } from "kysely";
import { dialectOf } from "../../db/dialect";
import { json } from "../../db/json";
import type { Executor } from "../../db/schema";

export function findPerson(db: Executor, userId: string) {
  return db
    .selectFrom("app_user")
    .leftJoin("company", "company.id", "app_user.company_id")
    .selectAll("app_user")
    .select("company.name as company_name")
    .where("app_user.id", "=", userId)
    .executeTakeFirst();
}
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export async function countPersonData(db: Executor, userId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("ticket")
        .select(eb.fn.countAll<number>().as("n"))
        .where("requester_id", "=", userId)
        .as("tickets"),
      eb
        .selectFrom("ticket_event")
        .select(eb.fn.countAll<number>().as("n"))
        .where("actor_id", "=", userId)
        .where("body", "is not", null)
        .as("messages"),
      eb
        .selectFrom("attachment")
        .select(eb.fn.countAll<number>().as("n"))
        .where("uploader_id", "=", userId)
        .as("attachments"),
    ])
    .executeTakeFirstOrThrow();
  return {
    tickets: Number(row.tickets),
    messages: Number(row.messages),
    attachments: Number(row.attachments),
  };
}

export function ticketsOpenedBy(db: Executor, userId: string) {
  return db
    .selectFrom("ticket")
    .select([
      "id",
      "number",
      "subject",
      "description",
      "example_record",
      "screen_code",
      "status",
      "priority",
      "kind",
      "channel",
      "created_at",
      "updated_at",
      "resolved_at",
    ])
    .where("requester_id", "=", userId)
    .orderBy("number")
    .execute();
}

export function messagesWrittenBy(db: Executor, userId: string) {
  return db
    .selectFrom("ticket_event")
    .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
    .select([
      "ticket_event.id",
      "ticket.number as ticket_number",
      "ticket_event.type",
      "ticket_event.internal",
      "ticket_event.body",
      "ticket_event.created_at",
    ])
    .where("ticket_event.actor_id", "=", userId)
    .where("ticket_event.body", "is not", null)
    .orderBy("ticket_event.created_at")
    .orderBy("ticket_event.id")
    .execute();
}

export function attachmentsUploadedBy(db: Executor, userId: string) {
  return db
    .selectFrom("attachment")
    .leftJoin("ticket", "ticket.id", "attachment.ticket_id")
    .select([
      "attachment.id",
      "attachment.filename",
      "attachment.content_type",
      "attachment.size",
      "attachment.sha256",
      "attachment.storage_key",
      "attachment.created_at",
      "attachment.purged_at",
      "ticket.number as ticket_number",
    ])
    .where("attachment.uploader_id", "=", userId)
    .orderBy("attachment.created_at")
    .execute();
}

export function sessionsOf(db: Executor, userId: string) {
  return db
    .selectFrom("session")
    .select(["created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

export function failedSignInsOf(db: Executor, email: string) {
  return db
    .selectFrom("login_failure")
    .select(["at"])
    .where("key", "=", `account:${email}`)
    .orderBy("at")
    .execute();
}

/**
 * Active admins other than `userId`. Every active admin row is locked on PostgreSQL, in id order, so
 * two admins removing each other at once queue up and the second sees the first's result.
 */
export async function otherActiveAdmins(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .selectFrom("app_user")
    .select("id")
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .orderBy("id")
    .$if(dialectOf(db) === "postgres", (q) => q.forUpdate())
    .execute();
  return rows.filter((row) => row.id !== userId).length;
}

/** Rows of a text column that mention any of `needles` (case-insensitive): the candidates to rewrite. */
function mentioning(column: string, needles: string[]) {
  return sql<boolean>`(${sql.join(
    needles.map((needle) => sql`lower(${sql.ref(column)}) like ${`%${needle.toLowerCase()}%`}`),
    sql` or `,
  )})`;
}

/** The ids of the person's tickets (opened or written in) and of those whose texts name them. */
export async function ticketIdsConcerning(
  db: Executor,
  needles: string[],
  personId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("ticket")
    .select("id")
    .where((eb) =>
      eb.or([
        eb("requester_id", "=", personId),
        eb(
          "id",
          "in",
          eb.selectFrom("ticket_event").select("ticket_event.ticket_id").where("actor_id", "=", personId),
        ),
        mentioning("subject", needles),
        mentioning("description", needles),
        mentioning("example_record", needles),
      ]),
    )
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

/** The texts of these tickets. */
export function ticketTexts(db: Executor, ticketIds: readonly string[]) {
  return db
    .selectFrom("ticket")
    .select(["id", "subject", "description", "description_html", "example_record", "search_terms"])
    .where("id", "in", ticketIds)
    .execute();
}

export function eventsMentioning(db: Executor, needles: string[]) {
  return db
    .selectFrom("ticket_event")
    .select(["id", "ticket_id", "body", "body_html", "from_value", "to_value"])
    .where((eb) =>
      eb.or([
        mentioning("body", needles),
        mentioning("from_value", needles),
        mentioning("to_value", needles),
      ]),
    )
    .execute();
}

/** Every message of these tickets (their texts may name the person by first name alone). */
export function messagesOfTickets(db: Executor, ticketIds: readonly string[]) {
  return db
    .selectFrom("ticket_event")
    .select(["id", "ticket_id", "body", "body_html", "from_value", "to_value"])
    .where("ticket_id", "in", ticketIds)
    .where("body", "is not", null)
    .execute();
}

/** Every e-mail of these tickets still in the outbox. */
export function emailsOfTickets(db: Executor, ticketIds: readonly string[]) {
  return db
    .selectFrom("outbox_message")
    .select(["id", "subject", "text_body", "html_body"])
    .where("ticket_id", "in", ticketIds)
    .execute();
}

export function emailsMentioning(db: Executor, needles: string[]) {
  return db
    .selectFrom("outbox_message")
    .select(["id", "subject", "text_body", "html_body"])
    .where((eb) => eb.or([mentioning("subject", needles), mentioning("text_body", needles)]))
    .execute();
}

export async function auditEntriesMentioning(db: Executor, needles: string[]) {
  const rows = await db
    .selectFrom("audit_log")
    .select(["id", "details"])
    .where(mentioning("details", needles))
    .execute();
  return rows.map((row) => ({ id: row.id, details: json.auditDetails.decode(row.details) }));
}

export async function rewriteAuditDetails(db: Executor, id: string, details: Record<string, unknown>) {
  await db
    .updateTable("audit_log")
    .set({ details: json.auditDetails.encode(details) })
    .where("id", "=", id)
    .execute();
}

/** Ends everything that signs the person in or traces their sign-ins. */
export async function removeSignIns(db: Executor, userId: string, email: string) {
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
  await db.deleteFrom("user_token").where("user_id", "=", userId).execute();
  await db.deleteFrom("upload_log").where("user_id", "=", userId).execute();
  await db
    .deleteFrom("login_failure")
    .where((eb) =>
      eb.or([
        eb("key", "=", `account:${email}`),
        eb("key", "=", `reset:account:${email}`),
        eb("account", "=", email),
      ]),
    )
    .execute();
  await db.updateTable("audit_log").set({ ip: null }).where("actor_id", "=", userId).execute();
}
