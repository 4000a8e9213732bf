// The generator's rows are the rows the portal itself writes: a ticket opened through the API with a
// generated ticket's text, requester and instant gets the same HTML, search terms and clocks, and the
// next number after the generated block. On PostgreSQL the rows travel through COPY.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../test/support/app";
import { loginAs, makeUser } from "../../../test/support/factories";
import { ticketTextTerms } from "../../domain/search/documents";
import { companyTerm } from "../db/search";
import { renderMarkdown } from "../markdown";
import {
  GENERATED_PASSWORD,
  type GenerateResult,
  generate,
  OLD_PROJECT_TAG,
  RARE_SCREEN,
  rareCornersFor,
} from "./generate";

const TICKETS = 240;
/** Over 20 days, a quarter of the tickets (five days' worth on average) are still being worked. */
const DAYS = 20;
const DAY = 86_400_000;

describe("generate", () => {
  let t: TestApp;
  let result: GenerateResult;
  let before: Record<string, number>;
  /** The test clock's instant when the tickets were generated (a test below moves the clock). */
  let generatedAt: number;
  const counts = async () => ({
    ticket: Number(
      (
        await t.ctx.db
          .selectFrom("ticket")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    ticket_tag: Number(
      (
        await t.ctx.db
          .selectFrom("ticket_tag")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    ticket_event: Number(
      (
        await t.ctx.db
          .selectFrom("ticket_event")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    sla_clock: Number(
      (
        await t.ctx.db
          .selectFrom("sla_clock")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    t = await buildTestApp();
    await makeUser(t.ctx, "agent");
    before = await counts();
    generatedAt = t.clock.now();
    result = await generate(t.ctx, { tickets: TICKETS, companies: 3, days: DAYS });
  });
  afterAll(() => t.close());

  it("writes every ticket with its clocks and history (through COPY on PostgreSQL)", async () => {
    const after = await counts();
    const added = Object.fromEntries(
      Object.entries(after).map(([table, n]) => [table, n - (before[table as keyof typeof before] ?? 0)]),
    );
    expect(added.ticket).toBe(TICKETS);
    expect(added.sla_clock).toBe(2 * TICKETS);
    const answered = await t.ctx.db
      .selectFrom("ticket")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "!=", "open")
      .executeTakeFirstOrThrow();
    // Opened, then (unless still new) answered and moved to its status.
    expect(added.ticket_event).toBe(TICKETS + 2 * Number(answered.n));
    expect(added.ticket_tag).toBeGreaterThan(0);
    if (t.ctx.connection.dialect === "postgres") expect(result.copied).toEqual(added);
    else expect(result.copied).toBeUndefined();
  });

  it("renders and indexes each description as the portal does", async () => {
    const tickets = await t.ctx.db
      .selectFrom("ticket")
      .select([
        "company_id",
        "subject",
        "description",
        "description_html",
        "example_record",
        "screen_code",
        "search_terms",
      ])
      .where("number", ">=", result.firstNumber)
      .execute();
    expect(tickets).toHaveLength(TICKETS);
    for (const ticket of tickets) {
      expect(ticket.description_html).toBe(renderMarkdown(ticket.description));
      expect(ticket.search_terms).toBe(
        [
          companyTerm(ticket.company_id),
          ...ticketTextTerms({
            subject: ticket.subject,
            description: ticket.description,
            exampleRecord: ticket.example_record,
            screenCode: ticket.screen_code,
          }),
        ].join(" "),
      );
    }
  });

  it("a ticket opened afterwards, like a generated one, gets the same rows and the next number", async () => {
    const generated = await t.ctx.db
      .selectFrom("ticket")
      .innerJoin("app_user", "app_user.id", "ticket.requester_id")
      .select([
        "ticket.id",
        "ticket.category_id",
        "ticket.subject",
        "ticket.description",
        "ticket.description_html",
        "ticket.example_record",
        "ticket.screen_code",
        "ticket.priority",
        "ticket.search_terms",
        "ticket.created_at",
        "ticket.queue_due_at",
        "ticket.queue_warn_at",
        "ticket.priority_order",
        "app_user.email",
      ])
      .where("ticket.number", ">=", result.firstNumber)
      .where("ticket.status", "=", "open")
      .orderBy("ticket.number")
      .executeTakeFirstOrThrow();
    const cookie = await loginAs(t.app, { email: generated.email, password: GENERATED_PASSWORD });
    t.clock.set(new Date(generated.created_at).toISOString());
    const opened = await call(
      t.app,
      "POST",
      "/api/v1/tickets",
      {
        categoryId: generated.category_id,
        subject: generated.subject,
        description: generated.description,
        screenCode: generated.screen_code,
        exampleRecord: generated.example_record,
        priority: generated.priority,
      },
      { cookie },
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const number = opened.json().number as number;
    expect(number).toBe(result.firstNumber + TICKETS);

    const ticket = await t.ctx.db
      .selectFrom("ticket")
      .selectAll()
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({
      description_html: generated.description_html,
      search_terms: generated.search_terms,
      queue_due_at: generated.queue_due_at,
      queue_warn_at: generated.queue_warn_at,
      priority_order: generated.priority_order,
    });
    const clocksOf = (ticketId: string) =>
      t.ctx.db
        .selectFrom("sla_clock")
        .select([
          "metric",
          "cycle",
          "started_at",
          "target_minutes",
          "due_at",
          "warn_at",
          "met_at",
          "stopped_at",
        ])
        .where("ticket_id", "=", ticketId)
        .orderBy("metric")
        .execute();
    expect(await clocksOf(ticket.id)).toEqual(await clocksOf(generated.id));
  });

  it("ages the tickets as a help desk does: numbered as they came in, the old ones closed, the open ones new", async () => {
    const now = generatedAt;
    const tickets = await t.ctx.db
      .selectFrom("ticket")
      .select(["number", "status", "created_at", "updated_at", "resolved_at"])
      .where("number", ">=", result.firstNumber)
      // Not the one opened through the portal above.
      .where("number", "<", result.firstNumber + TICKETS)
      .orderBy("number")
      .execute();
    expect(tickets).toHaveLength(TICKETS);
    const instants = tickets.map((ticket) => ticket.created_at);
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(Math.min(...instants)).toBeGreaterThanOrEqual(now - DAYS * DAY);
    expect(Math.max(...tickets.map((ticket) => ticket.updated_at))).toBeLessThanOrEqual(now);
    const active = (ticket: { status: string }) => !["resolved", "cancelled"].includes(ticket.status);
    const activeShare = (part: typeof tickets) => part.filter(active).length / part.length;
    const quarter = TICKETS / 4;
    // Five days of life on average: almost all of the oldest quarter (15 to 20 days old) is closed,
    // most of the newest (up to 5 days) is not.
    expect(activeShare(tickets.slice(0, quarter))).toBeLessThan(0.1);
    expect(activeShare(tickets.slice(-quarter))).toBeGreaterThan(0.4);
    for (const status of ["open", "in_progress", "waiting_customer", "resolved", "cancelled"])
      expect(
        tickets.some((ticket) => ticket.status === status),
        status,
      ).toBe(true);
    for (const ticket of tickets)
      expect(ticket.resolved_at).toBe(ticket.status === "resolved" ? ticket.updated_at : null);
    // Nothing in their history or clocks is later than now.
    const latest = await t.ctx.db
      .selectFrom("ticket_event")
      .innerJoin("ticket", "ticket.id", "ticket_event.ticket_id")
      .select((eb) => eb.fn.max("ticket_event.created_at").as("at"))
      .where("ticket.number", ">=", result.firstNumber)
      .where("ticket.number", "<", result.firstNumber + TICKETS)
      .executeTakeFirstOrThrow();
    expect(Number(latest.at)).toBeLessThanOrEqual(now);
  });

  it("with the uniform history, draws any status at any age, as earlier benchmarks' data", async () => {
    const uniform = await generate(t.ctx, { tickets: TICKETS, companies: 1, history: "uniform" });
    const tickets = await t.ctx.db
      .selectFrom("ticket")
      .select(["status", "created_at"])
      .where("number", ">=", uniform.firstNumber)
      .orderBy("created_at")
      .execute();
    expect(tickets).toHaveLength(TICKETS);
    const oldest = tickets.slice(0, TICKETS / 4);
    expect(Math.min(...oldest.map((ticket) => ticket.created_at))).toBeLessThan(t.clock.now() - 200 * DAY);
    // Three in seven open, in progress or waiting, the oldest quarter as much as the rest.
    const active = oldest.filter((ticket) => !["resolved", "cancelled"].includes(ticket.status));
    expect(active.length / oldest.length).toBeGreaterThan(0.25);
  });

  it("gives the rare screen and the old project's tag their tickets (all finished but 5 for the tag)", async () => {
    const tagged = await t.ctx.db
      .selectFrom("ticket_tag")
      .innerJoin("ticket", "ticket.id", "ticket_tag.ticket_id")
      .select("ticket.status")
      .where("ticket_tag.tag", "=", OLD_PROJECT_TAG)
      .where("ticket.number", ">=", result.firstNumber)
      .where("ticket.number", "<", result.firstNumber + TICKETS)
      .execute();
    const finished = await t.ctx.db
      .selectFrom("ticket")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("status", "in", ["resolved", "cancelled"])
      .where("number", ">=", result.firstNumber)
      .where("number", "<", result.firstNumber + TICKETS)
      .executeTakeFirstOrThrow();
    // Fewer tickets than the project had: every finished one, and 5 still being worked.
    const open = tagged.filter((ticket) => !["resolved", "cancelled"].includes(ticket.status));
    expect(open).toHaveLength(5);
    expect(tagged.length - open.length).toBe(Number(finished.n));
    const onScreen = await t.ctx.db
      .selectFrom("ticket")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("screen_code", "=", RARE_SCREEN)
      .where("number", ">=", result.firstNumber)
      .executeTakeFirstOrThrow();
    expect(Number(onScreen.n)).toBeGreaterThan(0);
  });

  it.each([10_000, 100_000, 1_000_000])("keeps the rare corners as small at %i tickets", (tickets) => {
    const screens = ["ATW0001", "FIS0001", RARE_SCREEN, "FIN0001"];
    let state = 1;
    const next = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const corners = rareCornersFor(tickets, screens, next);
    let rare = 0;
    let inProject = 0;
    let openInProject = 0;
    for (let i = 0; i < tickets; i++) {
      if (corners.screen(screens[i % screens.length] as string) === RARE_SCREEN) rare++;
      const status = i % 7 < 3 ? "open" : "resolved";
      if (corners.inOldProject(status)) {
        inProject++;
        if (status === "open") openInProject++;
      }
    }
    expect(rare).toBeGreaterThan(40);
    expect(rare).toBeLessThan(80);
    expect(inProject).toBeGreaterThan(600);
    expect(inProject).toBeLessThan(1_300);
    expect(openInProject).toBe(5);
  });
});
