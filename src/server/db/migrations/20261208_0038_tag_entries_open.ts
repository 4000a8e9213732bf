// A tag's entries say whether their ticket is open (`ticket_tag.open`, 1 or 0), kept by triggers on
// both databases, and its open entries are an index range (`ticket_tag_open_idx`). A queue view that
// starts from a tag's list then reads the tag's open tickets only, whatever the tag's size: an old
// project's tag on 691 tickets, 5 of them open, probed every entry among the open tickets' ids
// (migration 0037), a cost that grew with the open queue (288 µs a page at 10,000 generated tickets,
// 479 at 100,000). 0037's index has no other use and goes.
//
// The flag is the database's own: a tag's insert copies it from its ticket, and a ticket whose status
// crosses between open and not open updates its entries. No command writes it, so no process of the
// previous release (which does not know it) can leave it wrong during a rolling deploy.
import { type Kysely, type SqlBool, sql } from "kysely";
import { dialectOf } from "../dialect";

const OPEN_STATUSES = sql.raw(`('open', 'in_progress', 'waiting_customer')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("ticket_tag")
    .addColumn("open", "integer", (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`update ticket_tag set open = 1
    where ticket_id in (select id from ticket where status in ${OPEN_STATUSES})`.execute(db);
  if (dialectOf(db) === "sqlite") {
    await sql`create trigger ticket_tag_open_insert after insert on ticket_tag begin
      update ticket_tag set open = coalesce((select status in ${OPEN_STATUSES} from ticket where id = new.ticket_id), 0)
        where ticket_id = new.ticket_id and tag = new.tag;
    end`.execute(db);
    await sql`create trigger ticket_tag_open_status after update of status on ticket
      when (old.status in ${OPEN_STATUSES}) <> (new.status in ${OPEN_STATUSES}) begin
      update ticket_tag set open = (new.status in ${OPEN_STATUSES}) where ticket_id = new.id;
    end`.execute(db);
    await db.schema.dropIndex("ticket_open_id_idx").execute();
  } else {
    await sql`create function ticket_tag_open_insert() returns trigger language plpgsql as $$
      begin
        new.open := coalesce((select case when status in ${OPEN_STATUSES} then 1 else 0 end
          from ticket where id = new.ticket_id), 0);
        return new;
      end $$`.execute(db);
    await sql`create trigger ticket_tag_open_insert before insert on ticket_tag
      for each row execute function ticket_tag_open_insert()`.execute(db);
    await sql`create function ticket_tag_open_status() returns trigger language plpgsql as $$
      begin
        update ticket_tag set open = case when new.status in ${OPEN_STATUSES} then 1 else 0 end
          where ticket_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`create trigger ticket_tag_open_status after update of status on ticket
      for each row when ((old.status in ${OPEN_STATUSES}) is distinct from (new.status in ${OPEN_STATUSES}))
      execute function ticket_tag_open_status()`.execute(db);
  }
  await db.schema
    .createIndex("ticket_tag_open_idx")
    .on("ticket_tag")
    .columns(["tag", "ticket_id"])
    .where(sql<SqlBool>`open = 1`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("ticket_tag_open_idx").execute();
  if (dialectOf(db) === "sqlite") {
    await sql`drop trigger ticket_tag_open_status`.execute(db);
    await sql`drop trigger ticket_tag_open_insert`.execute(db);
    await sql`create index ticket_open_id_idx on ticket (id) where status in ${OPEN_STATUSES}`.execute(db);
  } else {
    await sql`drop trigger ticket_tag_open_status on ticket`.execute(db);
    await sql`drop function ticket_tag_open_status()`.execute(db);
    await sql`drop trigger ticket_tag_open_insert on ticket_tag`.execute(db);
    await sql`drop function ticket_tag_open_insert()`.execute(db);
  }
  await db.schema.alterTable("ticket_tag").dropColumn("open").execute();
}
