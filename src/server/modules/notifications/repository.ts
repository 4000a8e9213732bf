// Notifications in the database. Every read and write names its recipient in the same SQL: nobody
// lists, counts or marks another person's notifications.
import type { Role } from "../../../contracts/common";
import type { Executor, NotificationTable } from "../../db/schema";
import { slices } from "../../db/slices";

export type NotificationRow = NotificationTable;

/**
 * One insert for every recipient of a happening; a batch of SLA alerts to many staff goes in slices,
 * under the databases' parameter limits.
 */
export async function insertNotifications(db: Executor, rows: readonly NotificationRow[]): Promise<void> {
  for (const slice of slices(rows)) await db.insertInto("notification").values(slice).execute();
}

/**
 * For each of `ticketIds`: the active users with one of `roles` and the ticket's assignee when it is
 * active, each person once, in id order. Two queries however many tickets (the SLA sweeper's batch).
 */
export async function activeStaffAndAssignees(
  db: Executor,
  roles: readonly Role[],
  ticketIds: readonly string[],
): Promise<Map<string, string[]>> {
  const recipients = new Map<string, string[]>();
  if (ticketIds.length === 0) return recipients;
  const staff = await db
    .selectFrom("app_user")
    .select("id")
    .where("active", "=", 1)
    .where("role", "in", roles)
    .execute();
  const assignees = await db
    .selectFrom("ticket")
    .innerJoin("app_user", "app_user.id", "ticket.assignee_id")
    .select(["ticket.id as ticketId", "app_user.id as userId"])
    .where("ticket.id", "in", [...new Set(ticketIds)])
    .where("app_user.active", "=", 1)
    .execute();
  const staffIds = staff.map((row) => row.id);
  const assigneeOf = new Map(assignees.map((row) => [row.ticketId, row.userId]));
  for (const ticketId of ticketIds) {
    const assignee = assigneeOf.get(ticketId);
    const ids = new Set(assignee === undefined ? staffIds : [...staffIds, assignee]);
    recipients.set(ticketId, [...ids].sort());
  }
  return recipients;
}

export interface NotificationListFilter {
  unreadOnly: boolean;
  after?: { createdAt: number; id: string } | undefined;
  limit: number;
}

/** Newest first with the ticket's number, subject and company, keyset-paginated on (created_at, id). */
export function listNotifications(db: Executor, recipientId: string, filter: NotificationListFilter) {
  const { after } = filter;
  return db
    .selectFrom("notification")
    .innerJoin("ticket", "ticket.id", "notification.ticket_id")
    .innerJoin("company", "company.id", "ticket.company_id")
    .leftJoin("app_user as actor", "actor.id", "notification.actor_id")
    .select([
      "actor.name as actor_name",
      "notification.id",
      "notification.type",
      "notification.metric",
      "notification.created_at",
      "notification.read_at",
      "ticket.number as ticket_number",
      "ticket.subject as ticket_subject",
      "company.name as company_name",
    ])
    .where("notification.recipient_id", "=", recipientId)
    .$if(filter.unreadOnly, (q) => q.where("notification.read_at", "is", null))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple("notification.created_at", "notification.id"),
          "<",
          eb.tuple(after?.createdAt ?? 0, after?.id ?? ""),
        ),
      ),
    )
    .orderBy("notification.created_at", "desc")
    .orderBy("notification.id", "desc")
    .limit(filter.limit + 1)
    .execute();
}
export type NotificationWithTicket = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Executor, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom("notification")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("recipient_id", "=", recipientId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks the recipient's unread notifications read: those of `ids`, or all. Returns how many changed. */
export async function markRead(
  db: Executor,
  recipientId: string,
  ids: readonly string[] | "all",
  at: number,
): Promise<number> {
  const result = await db
    .updateTable("notification")
    .set({ read_at: at })
    .where("recipient_id", "=", recipientId)
    .where("read_at", "is", null)
    .$if(ids !== "all", (q) => q.where("id", "in", ids === "all" ? [] : ids))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
