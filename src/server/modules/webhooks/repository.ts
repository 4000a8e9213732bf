// Webhook endpoints and their deliveries: the only Kysely code of the module. Deliveries are a lease
// queue table (claimed, marked and requeued through ../outbox/lease-queue.ts).
import type { WebhookEvent } from "../../../contracts/webhooks";
import { json } from "../../db/json";
import { PreparedQuery } from "../../db/prepared";
import { type Executor, flag, type WebhookDeliveryTable, type WebhookEndpointTable } from "../../db/schema";
import { queuedAt } from "../outbox/lease-queue";

export type WebhookEndpointRow = WebhookEndpointTable;

export interface ActiveEndpoint {
  id: string;
  events: WebhookEvent[];
  internal: boolean;
}

const listening = PreparedQuery.single((db, _values: Record<string, never>) =>
  db.selectFrom("webhook_endpoint").select(["id", "events", "internal"]).where("active", "=", 1),
);

/** What every ticket command asks: which endpoints listen, and to what (compiled once). */
export async function activeEndpoints(db: Executor): Promise<ActiveEndpoint[]> {
  const rows = await listening.execute(db, null, {});
  return rows.map((row) => ({
    id: row.id,
    events: json.webhookEvents.decode(row.events),
    internal: row.internal === 1,
  }));
}

export function listEndpoints(db: Executor): Promise<WebhookEndpointRow[]> {
  return db.selectFrom("webhook_endpoint").selectAll().orderBy("created_at").orderBy("id").execute();
}

export function findEndpoint(db: Executor, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom("webhook_endpoint").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertEndpoint(db: Executor, row: WebhookEndpointRow): Promise<void> {
  await db.insertInto("webhook_endpoint").values(row).execute();
}

export async function updateEndpoint(
  db: Executor,
  id: string,
  changes: Partial<Omit<WebhookEndpointRow, "id">>,
): Promise<void> {
  await db.updateTable("webhook_endpoint").set(changes).where("id", "=", id).execute();
}

/** Deletes the endpoint; its deliveries go with it (cascade). */
export async function deleteEndpoint(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("webhook_delivery").where("endpoint_id", "=", id).execute();
  await db.deleteFrom("webhook_endpoint").where("id", "=", id).execute();
}

export interface NewDelivery {
  id: string;
  endpointId: string;
  event: WebhookEvent;
  payload: string;
  ticketId: string | null;
}

export async function insertDeliveries(
  db: Executor,
  deliveries: readonly NewDelivery[],
  at: number,
): Promise<void> {
  if (deliveries.length === 0) return;
  await db
    .insertInto("webhook_delivery")
    .values(
      deliveries.map((delivery) => ({
        id: delivery.id,
        endpoint_id: delivery.endpointId,
        event: delivery.event,
        payload: delivery.payload,
        ticket_id: delivery.ticketId,
        ...queuedAt(at),
        last_status_code: null,
        last_duration_ms: null,
        last_response: null,
      })),
    )
    .execute();
}

export interface DeliveryListRow extends WebhookDeliveryTable {
  ticket_number: number | null;
}

/** One endpoint's deliveries, newest first, keyset on (created_at, id) (`webhook_delivery_endpoint_idx`). */
export function listDeliveries(
  db: Executor,
  endpointId: string,
  filter: { after?: { createdAt: number; id: string } | undefined; limit: number },
): Promise<DeliveryListRow[]> {
  const after = filter.after;
  return db
    .selectFrom("webhook_delivery")
    .leftJoin("ticket", "ticket.id", "webhook_delivery.ticket_id")
    .selectAll("webhook_delivery")
    .select("ticket.number as ticket_number")
    .where("webhook_delivery.endpoint_id", "=", endpointId)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("webhook_delivery.created_at", "<", after?.createdAt ?? 0),
          eb.and([
            eb("webhook_delivery.created_at", "=", after?.createdAt ?? 0),
            eb("webhook_delivery.id", "<", after?.id ?? ""),
          ]),
        ]),
      ),
    )
    .orderBy("webhook_delivery.created_at", "desc")
    .orderBy("webhook_delivery.id", "desc")
    .limit(filter.limit)
    .execute();
}

export function findDelivery(
  db: Executor,
  endpointId: string,
  id: string,
): Promise<DeliveryListRow | undefined> {
  return db
    .selectFrom("webhook_delivery")
    .leftJoin("ticket", "ticket.id", "webhook_delivery.ticket_id")
    .selectAll("webhook_delivery")
    .select("ticket.number as ticket_number")
    .where("webhook_delivery.id", "=", id)
    .where("webhook_delivery.endpoint_id", "=", endpointId)
    .executeTakeFirst();
}

/** What a delivery needs of its endpoint at the moment it is attempted. */
export function endpointForDelivery(db: Executor, id: string) {
  return db
    .selectFrom("webhook_endpoint")
    .select(["id", "url", "secret", "previous_secret", "previous_secret_until", "active"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A success: the endpoint is not failing any more. */
export async function recordEndpointSuccess(
  db: Executor,
  id: string,
  at: number,
  statusCode: number,
): Promise<void> {
  await db
    .updateTable("webhook_endpoint")
    .set({
      last_attempt_at: at,
      last_attempt_ok: 1,
      last_status_code: statusCode,
      last_success_at: at,
      failing_since: null,
    })
    .where("id", "=", id)
    .execute();
}

/**
 * A failure: counted from the first one since the last success. Returns true when this one disabled
 * the endpoint (failing since `disableBefore` or earlier, still active): exactly one caller learns it.
 */
export async function recordEndpointFailure(
  db: Executor,
  id: string,
  at: number,
  statusCode: number | null,
  disableBefore: number,
): Promise<boolean> {
  await db
    .updateTable("webhook_endpoint")
    .set((eb) => ({
      last_attempt_at: at,
      last_attempt_ok: 0,
      last_status_code: statusCode,
      failing_since: eb.fn.coalesce("failing_since", eb.val(at)),
    }))
    .where("id", "=", id)
    .execute();
  const disabled = await db
    .updateTable("webhook_endpoint")
    .set({ active: 0, disabled_reason: "failing", updated_at: at })
    .where("id", "=", id)
    .where("active", "=", 1)
    .where("failing_since", "<=", disableBefore)
    .executeTakeFirst();
  return Number(disabled.numUpdatedRows) === 1;
}

/** Turning an endpoint off or on; on again, it starts afresh (not failing). */
export function activeChanges(active: boolean, at: number): Partial<WebhookEndpointRow> {
  return active
    ? { active: 1, disabled_reason: null, failing_since: null, updated_at: at }
    : { active: flag(false), updated_at: at };
}

/** The admins told when an endpoint is disabled. */
export function activeAdmins(db: Executor) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email", "locale"])
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .execute();
}
