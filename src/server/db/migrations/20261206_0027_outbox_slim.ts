// The outbox row is written inside the command that causes it (opening a ticket, a reply), so each
// of its indexes is a page more in that command's commit. Three go: Message-IDs are `<id@domain>`, so
// the id's own key finds one (no unique index on message_id); no ticket is ever deleted (no index
// behind the ticket foreign key); and "Caixa de saída" lists by id (UUIDv7: creation order) or, for
// one state, by the claim index (state, next_attempt_at, id): last attempt first.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect";
import { rebuildSqliteTables } from "../sqlite-rebuild";

const DROPPED = ["outbox_message_list_idx", "outbox_message_state_list_idx", "outbox_message_ticket_idx"];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of DROPPED) await db.schema.dropIndex(index).execute();
  if (dialectOf(db) === "postgres") {
    await sql`alter table outbox_message drop constraint outbox_message_message_id_key`.execute(db);
    return;
  }
  await rebuildSqliteTables(db, [
    {
      table: "outbox_message",
      revise: (create) => {
        const revised = create.replace(/("message_id" text not null) unique/i, "$1");
        if (revised === create) throw new Error("outbox_message: the message_id column was not found");
        return revised;
      },
    },
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table outbox_message add constraint outbox_message_message_id_key unique (message_id)`.execute(
      db,
    );
  } else {
    await rebuildSqliteTables(db, [
      {
        table: "outbox_message",
        revise: (create) => create.replace(/("message_id" text not null)/i, "$1 unique"),
      },
    ]);
  }
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
}
