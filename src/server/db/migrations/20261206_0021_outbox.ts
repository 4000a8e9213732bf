// The outbox: every e-mail a change causes is a row written in that change's transaction (no change
// without its e-mails, no e-mail for a change that rolled back), delivered afterwards by a worker
// that claims rows with a lease, so that each is sent once however many processes run.
import { type Kysely, sql } from "kysely";
import { EmailPurpose, EmailTopic, OutboxState } from "../../../contracts/outbox";

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "text", (c) => c.primaryKey().notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    /** The user it is for, when it is for one (their preferences and language chose it). */
    .addColumn("recipient_id", "text", (c) => c.references("app_user.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    /** `<id@domain>`: the same on every attempt, so a retry after a crash is recognisable. */
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("reply_to", "text")
    /** JSON object of further headers (References, List-Unsubscribe…). */
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("ticket_id", "text", (c) => c.references("ticket.id"))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
    /** While `sending`: the worker holding it and until when; an expired lease is claimed again. */
    .addColumn("leased_by", "text")
    .addColumn("lease_until", "bigint")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addCheckConstraint("outbox_message_state_ck", sql`state in (${list(OutboxState.options)})`)
    .addCheckConstraint("outbox_message_purpose_ck", sql`purpose in (${list(EmailPurpose.options)})`)
    .addCheckConstraint("outbox_message_attempts_ck", sql`attempts >= 0`)
    .execute();
  // The worker's question: what is due? Only queued and sending rows are in this index.
  await db.schema
    .createIndex("outbox_message_due_idx")
    .on("outbox_message")
    .columns(["next_attempt_at", "id"])
    .where(sql<boolean>`state in ('queued', 'sending')`)
    .execute();
  // "Caixa de saída": newest first, optionally by state.
  await db.schema
    .createIndex("outbox_message_list_idx")
    .on("outbox_message")
    .columns(["created_at", "id"])
    .execute();
  await db.schema
    .createIndex("outbox_message_state_list_idx")
    .on("outbox_message")
    .columns(["state", "created_at", "id"])
    .execute();
  await db.schema.createIndex("outbox_message_ticket_idx").on("outbox_message").column("ticket_id").execute();

  // The optional e-mails a person turned off ("Meu perfil"); no row: they get it.
  await db.schema
    .createTable("email_opt_out")
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("email_opt_out_pk", ["user_id", "topic"])
    .addCheckConstraint("email_opt_out_topic_ck", sql`topic in (${list(EmailTopic.options)})`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("email_opt_out").execute();
  await db.schema.dropTable("outbox_message").execute();
}
