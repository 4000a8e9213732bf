// Consultancy estimates in the database. A customer's read names the statuses it may see in the same
// SQL; a status change is a conditional update, so of two racing commands exactly one applies.
import type { EstimateStatus } from "../../../contracts/billing";
import type { ConsultancyEstimateTable, Executor } from "../../db/schema";

export type EstimateRow = ConsultancyEstimateTable;

/** Drafts and withdrawn estimates never reach customers. */
export const CUSTOMER_VISIBLE_ESTIMATES: readonly EstimateStatus[] = ["sent", "approved", "declined"];
/** At most one per ticket (a partial unique index keeps it so). */
export const OPEN_ESTIMATES: readonly EstimateStatus[] = ["draft", "sent"];

/** Which estimates a reader may see. */
export type EstimateVisibility = "all" | "customer";

function estimatesWithNames(db: Executor) {
  return db
    .selectFrom("consultancy_estimate as estimate")
    .innerJoin("ticket", "ticket.id", "estimate.ticket_id")
    .innerJoin("app_user as creator", "creator.id", "estimate.created_by")
    .leftJoin("app_user as decider", "decider.id", "estimate.decided_by")
    .selectAll("estimate")
    .select([
      "ticket.number as ticket_number",
      "creator.name as creator_name",
      "creator.role as creator_role",
      "decider.name as decider_name",
      "decider.role as decider_role",
    ]);
}
export type EstimateWithNames = Awaited<
  ReturnType<ReturnType<typeof estimatesWithNames>["executeTakeFirstOrThrow"]>
>;

/** The ticket's estimates the reader may see, newest first (the (ticket_id, created_at) index). */
export function listTicketEstimates(
  db: Executor,
  ticketId: string,
  visibility: EstimateVisibility,
): Promise<EstimateWithNames[]> {
  return estimatesWithNames(db)
    .where("estimate.ticket_id", "=", ticketId)
    .$if(visibility === "customer", (q) => q.where("estimate.status", "in", CUSTOMER_VISIBLE_ESTIMATES))
    .orderBy("estimate.created_at", "desc")
    .orderBy("estimate.id", "desc")
    .execute();
}

export function findEstimateWithNames(db: Executor, id: string): Promise<EstimateWithNames | undefined> {
  return estimatesWithNames(db).where("estimate.id", "=", id).executeTakeFirst();
}

/**
 * One of the ticket's estimates, if the reader may know it exists: a customer, once it was sent (a
 * sent estimate withdrawn meanwhile is found, so that a late decision is told it lost, not that
 * there was nothing).
 */
export function findEstimate(
  db: Executor,
  ticketId: string,
  id: string,
  visibility: EstimateVisibility,
): Promise<EstimateRow | undefined> {
  return db
    .selectFrom("consultancy_estimate")
    .selectAll()
    .where("id", "=", id)
    .where("ticket_id", "=", ticketId)
    .$if(visibility === "customer", (q) => q.where("sent_at", "is not", null))
    .executeTakeFirst();
}

export function findOpenEstimate(db: Executor, ticketId: string): Promise<EstimateRow | undefined> {
  return db
    .selectFrom("consultancy_estimate")
    .selectAll()
    .where("ticket_id", "=", ticketId)
    .where("status", "in", OPEN_ESTIMATES)
    .executeTakeFirst();
}

export async function insertEstimate(db: Executor, row: EstimateRow): Promise<void> {
  await db.insertInto("consultancy_estimate").values(row).execute();
}

export type EstimateChanges = Partial<
  Pick<EstimateRow, "status" | "sent_at" | "decided_at" | "decided_by" | "decided_month">
>;

/** Applies the change only while the estimate is still `from`; false when another command moved it first. */
export async function moveEstimate(
  db: Executor,
  id: string,
  from: EstimateStatus,
  changes: EstimateChanges,
): Promise<boolean> {
  const result = await db
    .updateTable("consultancy_estimate")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Per company, the minutes of the estimates approved in `month` (the (decided_month, status, company_id) index). */
export function approvedMinutesByCompany(db: Executor, month: string) {
  return db
    .selectFrom("consultancy_estimate")
    .select(["company_id", (eb) => eb.fn.sum<number>("minutes").as("minutes")])
    .where("decided_month", "=", month)
    .where("status", "=", "approved")
    .groupBy("company_id")
    .execute();
}

/** One company's estimates approved in `month`, in the order they were approved. */
export function approvedEstimatesOfCompany(db: Executor, companyId: string, month: string) {
  return db
    .selectFrom("consultancy_estimate as estimate")
    .innerJoin("ticket", "ticket.id", "estimate.ticket_id")
    .leftJoin("app_user as decider", "decider.id", "estimate.decided_by")
    .select([
      "estimate.id",
      "estimate.minutes",
      "estimate.description",
      "estimate.decided_at",
      "ticket.number as ticket_number",
      "ticket.subject as ticket_subject",
      "decider.name as decider_name",
    ])
    .where("estimate.company_id", "=", companyId)
    .where("estimate.decided_month", "=", month)
    .where("estimate.status", "=", "approved")
    .orderBy("estimate.decided_at")
    .orderBy("estimate.id")
    .execute();
}
