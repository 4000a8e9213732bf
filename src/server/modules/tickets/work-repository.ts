// The console's side of a ticket in the database: its tags, and the history after a given version
// (what a stale update's 409 lists).
import type { Executor } from "../../db/schema";

export async function listTags(db: Executor, ticketId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("ticket_tag")
    .select("tag")
    .where("ticket_id", "=", ticketId)
    .orderBy("tag")
    .execute();
  return rows.map((row) => row.tag);
}

/** Replaces the ticket's whole set of tags. */
export async function replaceTags(db: Executor, ticketId: string, tags: readonly string[]): Promise<void> {
  await db.deleteFrom("ticket_tag").where("ticket_id", "=", ticketId).execute();
  if (tags.length > 0)
    await db
      .insertInto("ticket_tag")
      .values(tags.map((tag) => ({ ticket_id: ticketId, tag })))
      .execute();
}

/** History events written by the commands that moved the ticket past `version`, oldest first. */
export function eventsAfterVersion(db: Executor, ticketId: string, version: number) {
  return db
    .selectFrom("ticket_event")
    .leftJoin("app_user as actor", "actor.id", "ticket_event.actor_id")
    .leftJoin("ticket as related", "related.id", "ticket_event.related_ticket_id")
    .selectAll("ticket_event")
    .select(["actor.name as actor_name", "actor.role as actor_role", "related.number as related_number"])
    .where("ticket_event.ticket_id", "=", ticketId)
    .where("ticket_event.ticket_version", ">", version)
    .orderBy("ticket_event.created_at")
    .orderBy("ticket_event.id")
    .execute();
}
