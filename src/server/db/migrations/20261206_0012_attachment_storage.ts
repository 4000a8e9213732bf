// Attachment storage per company, for its quota: each attachment names the company whose space it
// uses (the uploader's when pending, the ticket's once attached; a staff member's pending upload has
// none yet), summed through a covering index. Uploads per user are logged for the upload rate limit,
// and pending uploads have an index of their own for the job that expires them.
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("attachment")
    .addColumn("company_id", "text", (c) => c.references("company.id"))
    .execute();
  await sql`update attachment set company_id = (select t.company_id from ticket t where t.id = attachment.ticket_id)
    where ticket_id is not null`.execute(db);
  await sql`update attachment set company_id = (select u.company_id from app_user u where u.id = attachment.uploader_id)
    where ticket_id is null`.execute(db);
  await db.schema
    .createIndex("attachment_company_size_idx")
    .on("attachment")
    .columns(["company_id", "size"])
    .execute();
  await db.schema
    .createIndex("attachment_pending_idx")
    .on("attachment")
    .column("created_at")
    .where(sql.ref("ticket_id"), "is", null)
    .execute();

  await db.schema
    .createTable("upload_log")
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("bytes", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("upload_log_user_at_idx").on("upload_log").columns(["user_id", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("upload_log").execute();
  await db.schema.dropIndex("attachment_pending_idx").execute();
  await db.schema.dropIndex("attachment_company_size_idx").execute();
  await db.schema.alterTable("attachment").dropColumn("company_id").execute();
}
