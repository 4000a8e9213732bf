// Each ticket's SLA: the policy it was opened under (a snapshot) and one clock row per metric cycle.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Policy snapshots, content-addressed (id = SHA-256 of the JSON): the tickets opened under one
  // version of a plan share one row instead of each carrying a copy.
  await db.schema
    .createTable("sla_policy")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("policy", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  // null: the company had no plan when the ticket was opened.
  await db.schema
    .alterTable("ticket")
    .addColumn("sla_policy_id", "text", (c) => c.references("sla_policy.id"))
    .execute();
  // Which SLA metric an "sla_warning" or "sla_breach" history event is about.
  await db.schema.alterTable("ticket_event").addColumn("metric", "text").execute();
  // "kind_changed" events: support or consultancy.
  await db.schema.alterTable("ticket_event").addColumn("to_kind", "text").execute();

  await db.schema
    .createTable("sla_clock")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("ticket.id"))
    // first_response · next_response · resolution
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("cycle", "integer", (c) => c.notNull())
    .addColumn("started_at", "bigint", (c) => c.notNull())
    .addColumn("target_minutes", "integer", (c) => c.notNull())
    // JSON [{ from, to|null }]
    .addColumn("pauses", "text", (c) => c.notNull())
    // Null while paused, met or stopped.
    .addColumn("due_at", "bigint")
    .addColumn("warn_at", "bigint")
    .addColumn("met_at", "bigint")
    .addColumn("stopped_at", "bigint")
    .addColumn("warned_at", "bigint")
    .addColumn("breached_at", "bigint")
    .addUniqueConstraint("sla_clock_cycle_uq", ["ticket_id", "metric", "cycle"])
    .execute();
  // The sweeper's two questions (which running clocks are past their warning, past their due
  // instant) and the console's "vence em breve / violado" queue (running clocks by due instant).
  // Unfired, running clocks come first (equality on the nulls), then the instant as a range: the
  // sweep reads only what it may fire, however many clocks history holds.
  await db.schema
    .createIndex("sla_clock_unwarned_idx")
    .on("sla_clock")
    .columns(["warned_at", "met_at", "stopped_at", "warn_at"])
    .execute();
  await db.schema
    .createIndex("sla_clock_unbreached_idx")
    .on("sla_clock")
    .columns(["breached_at", "met_at", "stopped_at", "due_at"])
    .execute();
  await db.schema
    .createIndex("sla_clock_running_due_idx")
    .on("sla_clock")
    .columns(["met_at", "stopped_at", "due_at", "ticket_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sla_clock").execute();
  await db.schema.alterTable("ticket_event").dropColumn("to_kind").execute();
  await db.schema.alterTable("ticket_event").dropColumn("metric").execute();
  await db.schema.alterTable("ticket").dropColumn("sla_policy_id").execute();
  await db.schema.dropTable("sla_policy").execute();
}
