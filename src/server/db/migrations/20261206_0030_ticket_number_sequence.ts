// Ticket numbers on PostgreSQL come from a sequence, `ticket_number_seq`, continuing after the
// counter row: the row, updated inside each opening's transaction, kept every other opening waiting
// until that transaction committed. The sequence belongs to `ticket.number` (OWNED BY), so
// migrate-to-postgres sets it after the copied numbers like any column's sequence. SQLite has one
// writer at a time and keeps its counter row.
//
// For one release the PostgreSQL row stays, for the processes of the previous release during a
// rolling deploy: a trigger hands them the sequence's next number when they bump it by one, so old
// and new processes never give out the same number, and refuses a bump by more (the previous
// `extranet generate` reserving a block), which would overlap numbers the sequence gives out.
import { type Kysely, sql } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`create sequence ticket_number_seq as integer owned by ticket.number`.execute(db);
  await sql`select setval('ticket_number_seq', value + 1, false) from counter where name = 'ticket_number'`.execute(
    db,
  );
  await sql`create function counter_ticket_number_from_sequence() returns trigger language plpgsql as $$
    begin
      if new.value <> old.value + 1 then
        raise exception 'ticket numbers come from ticket_number_seq (migration 0030): reserve them there';
      end if;
      new.value := nextval('ticket_number_seq');
      return new;
    end $$`.execute(db);
  await sql`create trigger counter_ticket_number_from_sequence before update on counter
    for each row when (old.name = 'ticket_number')
    execute function counter_ticket_number_from_sequence()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`drop trigger counter_ticket_number_from_sequence on counter`.execute(db);
  await sql`drop function counter_ticket_number_from_sequence()`.execute(db);
  // The row continues after the last number given out (a fresh sequence has given none).
  await sql`update counter set value = greatest(value, (select case when is_called then last_value
    else last_value - 1 end from ticket_number_seq)) where name = 'ticket_number'`.execute(db);
  await sql`drop sequence ticket_number_seq`.execute(db);
}
