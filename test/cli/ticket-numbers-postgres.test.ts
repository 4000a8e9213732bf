// Ticket numbers on PostgreSQL come from a sequence (migration 0030): concurrent openings get
// distinct numbers without waiting for each other's transactions, a rolled-back opening leaves a gap,
// `extranet generate` reserves a block no opening overlaps, and a process of the previous release,
// still bumping the counter row during a rolling deploy, draws from the same sequence. A throwaway
// database of its own, so it runs once, in npm test, whatever database the API suite uses.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/policies";
import type { AppContext } from "../../src/server/context";
import { ticketCommand } from "../../src/server/modules/tickets/command";
import { reserveTicketNumbers } from "../../src/server/modules/tickets/number-repository";
import { openTicketIn } from "../../src/server/modules/tickets/service";
import { closeContext, openContext } from "../../src/server/runtime";
import {
  type Catalog,
  type MadeUser,
  makeCatalog,
  makeTicket,
  makeUser,
  ticketBody,
} from "../support/factories";
import { lastTicketNumber } from "../support/ticket-numbers";
import { createThrowawayDatabase, type ThrowawayDatabase, throwawayConfig } from "./postgres";
import { cleanUp, sleep } from "./support";

describe("ticket numbers on PostgreSQL", () => {
  let database: ThrowawayDatabase;
  let ctx: AppContext;
  let catalog: Catalog;
  let customer: MadeUser;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    ctx = await openContext(throwawayConfig(database), { poolSize: 8 });
    catalog = await makeCatalog(ctx);
    customer = await makeUser(ctx, "customer");
  });
  afterAll(async () => {
    await closeContext(ctx);
    await cleanUp();
    await database.drop();
  });

  const open = () => makeTicket(ctx, catalog, customer);

  /**
   * Opens a ticket in a command held open until `finish` is called: it has taken its number and
   * written its rows, uncommitted. `finish(false)` rolls it back.
   */
  async function holdOpening(): Promise<{ number: number; finish: (commit: boolean) => Promise<void> }> {
    const actor: Actor = { userId: customer.id, role: "customer", companyId: customer.company_id };
    let taken = (_number: number) => {};
    const numbered = new Promise<number>((resolve) => {
      taken = resolve;
    });
    let decide = (_commit: boolean) => {};
    const decided = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    const command = ticketCommand(ctx, actor, async (tx) => {
      const { ticket } = await openTicketIn(tx, {
        requester: { id: customer.id, companyId: customer.company_id ?? "" },
        actorId: customer.id,
        channel: "portal",
        props: { attachmentIds: [], ...ticketBody(catalog) },
        slaWarningShare: 0.8,
      });
      taken(ticket.row.number);
      if (!(await decided)) throw new Error("rolled back on purpose");
      return ticket.row.number;
    }).catch((error: unknown) => {
      if (!(error instanceof Error && error.message === "rolled back on purpose")) throw error;
    });
    return {
      number: await numbered,
      finish: async (commit) => {
        decide(commit);
        await command;
      },
    };
  }

  const exists = async (number: number) =>
    (await ctx.db.selectFrom("ticket").select("id").where("number", "=", number).execute()).length === 1;

  it("gives concurrent openings distinct numbers, in a block after the last one", async () => {
    const before = await lastTicketNumber(ctx.db);
    const numbers = await Promise.all(Array.from({ length: 16 }, open));
    expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => before + 1 + i));
    expect(await open()).toBe(before + 17);
  });

  it("opens a ticket while another opening's transaction is still open, with the next number", async () => {
    const held = await holdOpening();
    try {
      // With the number in a row locked until commit, this opening would wait for the held one.
      const outcome = await Promise.race([open(), sleep(10_000).then(() => "waited for the held opening")]);
      expect(outcome).toBe(held.number + 1);
      expect(await exists(held.number + 1)).toBe(true);
    } finally {
      await held.finish(true);
    }
    expect(await exists(held.number)).toBe(true);
  });

  it("leaves the number of a rolled-back opening unused: a gap, not a reuse", async () => {
    const held = await holdOpening();
    await held.finish(false);
    expect(await exists(held.number)).toBe(false);
    expect(await open()).toBe(held.number + 1);
  });

  /** Waits until a statement starting with `start` waits for a lock on the throwaway database. */
  async function waitingOnLock(start: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const waiting = await database.query(
        `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
            and query like '${start}%'`,
      );
      if (waiting.length > 0) return;
      if (Date.now() > deadline) throw new Error(`no "${start}…" waited for a lock`);
      await sleep(20);
    }
  }

  it("reserves a block for extranet generate after the openings in progress, before the ones after it", async () => {
    const held = await holdOpening();
    let reserved: Promise<number> | undefined;
    let later: Promise<number> | undefined;
    try {
      reserved = reserveTicketNumbers(ctx.db, 100);
      // The reservation waits for the opening that has taken its number, and an opening that comes
      // after it waits for the reservation: no number can fall between reading and moving the sequence.
      await waitingOnLock("alter sequence");
      later = open();
      await waitingOnLock("select nextval");
    } finally {
      await held.finish(true);
    }
    const first = await reserved;
    expect(first).toBe(held.number + 1);
    expect(await later).toBe(first + 100);
  });

  it("hands a process of the previous release, bumping the counter row, the sequence's next number", async () => {
    const before = await lastTicketNumber(ctx.db);
    const bumped = await sql<{ value: string }>`update counter set value = value + 1
      where name = 'ticket_number' returning value`.execute(ctx.db);
    expect(bumped.rows.map((row) => Number(row.value))).toEqual([before + 1]);
    expect(await open()).toBe(before + 2);
    // A block reserved the previous release's way would overlap the sequence's numbers: refused.
    await expect(
      sql`update counter set value = value + 100 where name = 'ticket_number'`.execute(ctx.db),
    ).rejects.toThrow(/ticket numbers come from ticket_number_seq/);
    expect(await open()).toBe(before + 3);
  });
});
