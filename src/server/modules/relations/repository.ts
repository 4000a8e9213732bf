// Merges and links between tickets in the database. A link is two rows (one per direction), so each
// side lists its related tickets with one read of the primary key; both sides are of one company.
import type { TicketStatus } from "../../../contracts/tickets";
import type { Executor } from "../../db/schema";

export interface LinkedTicketRow {
  number: number;
  subject: string;
  status: TicketStatus;
}

/** The tickets related to `ticketId`, by number; only of its own company, whatever the rows say. */
export function listLinkedTickets(
  db: Executor,
  ticketId: string,
  companyId: string,
): Promise<LinkedTicketRow[]> {
  return db
    .selectFrom("ticket_link")
    .innerJoin("ticket as linked", "linked.id", "ticket_link.linked_ticket_id")
    .select(["linked.number", "linked.subject", "linked.status"])
    .where("ticket_link.ticket_id", "=", ticketId)
    .where("linked.company_id", "=", companyId)
    .orderBy("linked.number")
    .execute();
}

export async function isLinked(db: Executor, ticketId: string, otherId: string): Promise<boolean> {
  const row = await db
    .selectFrom("ticket_link")
    .select("ticket_id")
    .where("ticket_id", "=", ticketId)
    .where("linked_ticket_id", "=", otherId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Both directions at once. */
export async function insertLink(
  db: Executor,
  a: string,
  b: string,
  createdBy: string,
  at: number,
): Promise<void> {
  await db
    .insertInto("ticket_link")
    .values([
      { ticket_id: a, linked_ticket_id: b, created_by: createdBy, created_at: at },
      { ticket_id: b, linked_ticket_id: a, created_by: createdBy, created_at: at },
    ])
    .execute();
}

export async function deleteLink(db: Executor, a: string, b: string): Promise<void> {
  await db
    .deleteFrom("ticket_link")
    .where((eb) =>
      eb.or([
        eb.and([eb("ticket_id", "=", a), eb("linked_ticket_id", "=", b)]),
        eb.and([eb("ticket_id", "=", b), eb("linked_ticket_id", "=", a)]),
      ]),
    )
    .execute();
}

/** The number of the ticket a merged ticket continues in. */
export async function numberOfTicket(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom("ticket").select("number").where("id", "=", id).executeTakeFirstOrThrow();
  return row.number;
}
