// Webhooks: the endpoints admins register and one delivery row per endpoint and event, written in the
// change's transaction and claimed by a lease like the outbox's e-mails (same states and columns, so
// one lease queue serves both). Also lets the outbox write the e-mail telling admins that an endpoint
// was disabled for failing.
import { type Kysely, sql } from "kysely";
import { EmailPurpose, OutboxState } from "../../../contracts/outbox";
import { WebhookEvent } from "../../../contracts/webhooks";
import { dialectOf } from "../dialect";
import { rebuildSqliteTables } from "../sqlite-rebuild";

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoint")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("events", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("previous_secret", "text")
    .addColumn("previous_secret_until", "bigint")
    .addColumn("internal", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("disabled_reason", "text")
    .addColumn("last_attempt_at", "bigint")
    .addColumn("last_attempt_ok", "integer")
    .addColumn("last_status_code", "integer")
    .addColumn("last_success_at", "bigint")
    .addColumn("failing_since", "bigint")
    .addColumn("created_by", "text", (c) => c.references("app_user.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addCheckConstraint("webhook_endpoint_internal_ck", sql`internal in (0, 1)`)
    .addCheckConstraint("webhook_endpoint_active_ck", sql`active in (0, 1)`)
    .addCheckConstraint("webhook_endpoint_last_attempt_ok_ck", sql`last_attempt_ok in (0, 1)`)
    .addCheckConstraint("webhook_endpoint_disabled_reason_ck", sql`disabled_reason in ('failing')`)
    .execute();
  // Every ticket command asks which endpoints are active.
  await db.schema
    .createIndex("webhook_endpoint_active_idx")
    .on("webhook_endpoint")
    .column("active")
    .execute();

  await db.schema
    .createTable("webhook_delivery")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("endpoint_id", "text", (c) =>
      c.notNull().references("webhook_endpoint.id").onDelete("cascade"),
    )
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("ticket_id", "text", (c) => c.references("ticket.id"))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    .addColumn("leased_by", "text")
    .addColumn("lease_until", "bigint")
    .addColumn("last_error", "text")
    .addColumn("last_status_code", "integer")
    .addColumn("last_duration_ms", "integer")
    .addColumn("last_response", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addCheckConstraint("webhook_delivery_state_ck", sql`state in (${list(OutboxState.options)})`)
    .addCheckConstraint("webhook_delivery_event_ck", sql`event in (${list(WebhookEvent.options)})`)
    .addCheckConstraint("webhook_delivery_attempts_ck", sql`attempts >= 0`)
    .execute();
  // The worker's claim (as the outbox's, migration 0023) and each endpoint's list, newest first.
  await db.schema
    .createIndex("webhook_delivery_queue_idx")
    .on("webhook_delivery")
    .columns(["state", "next_attempt_at", "id"])
    .execute();
  await db.schema
    .createIndex("webhook_delivery_endpoint_idx")
    .on("webhook_delivery")
    .columns(["endpoint_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("webhook_delivery_ticket_idx")
    .on("webhook_delivery")
    .column("ticket_id")
    .execute();

  await rewriteEmailPurposes(db, EmailPurpose.options);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("webhook_delivery").execute();
  await db.schema.dropTable("webhook_endpoint").execute();
  await rewriteEmailPurposes(
    db,
    EmailPurpose.options.filter((purpose) => purpose !== "webhook_disabled"),
  );
}

/** The outbox's purpose check as of now (migration 0021 wrote the list it knew then). */
async function rewriteEmailPurposes(db: Kysely<unknown>, purposes: readonly string[]): Promise<void> {
  const check = sql`purpose in (${list(purposes)})`;
  if (dialectOf(db) === "sqlite") {
    const compiled = check.compile(db).sql;
    await rebuildSqliteTables(db, [
      {
        table: "outbox_message",
        revise: (create) =>
          create.replace(
            /constraint "outbox_message_purpose_ck" check \(purpose in \([^)]*\)\)/i,
            `constraint "outbox_message_purpose_ck" check (${compiled})`,
          ),
      },
    ]);
    return;
  }
  await sql`alter table outbox_message drop constraint outbox_message_purpose_ck`.execute(db);
  await sql`alter table outbox_message add constraint outbox_message_purpose_ck check (${check})`.execute(db);
}
