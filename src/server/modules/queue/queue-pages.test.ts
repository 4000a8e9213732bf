import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCatalog, makeCompany, makeTicket, makeUser } from "../../../../test/support/factories";
import {
  HOUR,
  NOW,
  type QueueFixture,
  queueFixture,
  type TicketSpec,
} from "../../../../test/support/queue-fixture";
import { isOverCap, QUEUE_COUNT_CAP, QueueFilters, QueueView } from "../../../contracts/queue";
import type { Priority, TicketStatus } from "../../../contracts/tickets";
import { demoCalendar, demoPlans } from "../../seed/content/plans";
import { NO_DUE } from "../sla/queue-keys";
import { queueCounts } from "./service";

// Deep pages: 60 tickets with many equal sort keys; every view and sort, paged 7 at a time, must
// concatenate to the whole ordered list (checked against a model of the rules), and every count
// must equal its view's length.
const STATUSES: TicketStatus[] = ["open", "in_progress", "waiting_customer", "resolved", "cancelled"];
const PRIORITIES: Priority[] = ["low", "normal", "high", "urgent"];
const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const OPEN_STATUSES = new Set<TicketStatus>(["open", "in_progress", "waiting_customer"]);

function specs(): Record<string, TicketSpec> {
  const all: Record<string, TicketSpec> = {};
  for (let i = 0; i < 60; i++) {
    const status = STATUSES[i % 5] as TicketStatus;
    const open = OPEN_STATUSES.has(status) && status !== "waiting_customer";
    // Few distinct values: ties in every key, so the number must break them.
    const due = open && i % 4 !== 0 ? (i % 7) - 2 : null;
    all[`k${i}`] = {
      company: i % 3 === 0 ? "b" : "a",
      category: i % 2 === 0 ? "fiscal" : "finance",
      screen: (["ATW0001", "FIS0001", "FIN0005"] as const)[i % 3] ?? "ATW0001",
      priority: PRIORITIES[(i * 7) % 4] as Priority,
      status,
      assignee: i % 4 === 1 ? "agent" : i % 4 === 2 ? "agent2" : null,
      channel: i % 5 === 2 ? "phone" : "portal",
      subject: `Ocorrência de teste número ${i}`,
      dueInHours: due,
      warnInHours: due === null ? null : due - 1,
      updatedMinutesAgo: (i * 13) % 9,
      tags: i % 6 === 0 ? ["lote"] : [],
    };
  }
  return all;
}

describe("the console queue's pages and counts", () => {
  let t: TestApp;
  let f: QueueFixture;
  const spec = specs();

  beforeAll(async () => {
    t = await buildTestApp();
    f = await queueFixture(t.ctx, t.app, spec);
  });
  afterAll(() => t.close());

  type Item = { number: number };
  const get = (url: string, query: Record<string, string>, cookie = f.cookies.agent) =>
    call(t.app, "GET", url, undefined, { cookie, query });

  async function pagesOf(query: Record<string, string>, limit: number): Promise<number[]> {
    const numbers: number[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const response = await get("/api/v1/console/queue", {
        ...query,
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      });
      expect(response.statusCode, response.body).toBe(200);
      const page: { items: Item[]; nextCursor: string | null } = response.json();
      numbers.push(...page.items.map((item) => item.number));
      cursor = page.nextCursor;
      if (!cursor) return numbers;
    }
    throw new Error("the cursor never ended");
  }

  /** The rules, written independently of the SQL: who is in a view and in which order. */
  function expected(view: string, sort: string, filter: (s: TicketSpec) => boolean): number[] {
    const agentId = "agent";
    const inView = (s: TicketSpec): boolean => {
      const open = OPEN_STATUSES.has(s.status);
      switch (view) {
        case "unassigned":
          return open && s.assignee === null;
        case "mine":
          return open && s.assignee === agentId;
        case "open":
          return open;
        case "waiting":
          return s.status === "waiting_customer";
        case "at_risk":
          return open && s.warnInHours !== null && s.warnInHours <= 0;
        default:
          return s.status === "resolved";
      }
    };
    const rows = Object.entries(spec)
      .filter(([, s]) => inView(s) && filter(s))
      .map(([key, s]) => ({
        number: f.numbers[key] ?? 0,
        due: s.dueInHours === null ? NO_DUE : NOW + s.dueInHours * HOUR,
        rank: PRIORITY_RANK[s.priority],
        updated: NOW - s.updatedMinutesAgo * 60_000,
      }));
    const effective = view === "resolved" ? "updated" : sort;
    rows.sort((x, y) => {
      if (effective === "updated") return y.updated - x.updated || y.number - x.number;
      if (effective === "priority") return x.rank - y.rank || x.due - y.due || x.number - y.number;
      return x.due - y.due || x.number - y.number;
    });
    return rows.map((row) => row.number);
  }

  const VIEWS = QueueView.options;

  it("pages every view in every sort without gaps or duplicates", async () => {
    for (const view of VIEWS)
      for (const sort of ["due", "priority", "updated"]) {
        const want = expected(view, sort, () => true);
        expect(want.length, `${view} has tickets`).toBeGreaterThan(0);
        expect(await pagesOf({ view, sort }, 7), `${view} by ${sort}`).toEqual(want);
        expect(await pagesOf({ view, sort }, 100), `${view} by ${sort}, one page`).toEqual(want);
      }
  });

  it("pages filtered views the same way", async () => {
    const companyA = f.companies.a.id;
    const cases: [Record<string, string>, (s: TicketSpec) => boolean][] = [
      [{ companyId: companyA }, (s) => s.company === "a"],
      [
        { priority: "high", categoryId: f.categories.fiscal },
        (s) => s.priority === "high" && s.category === "fiscal",
      ],
      [{ assigneeId: f.staff.agent2.id }, (s) => s.assignee === "agent2"],
      [{ tag: "lote", channel: "portal" }, (s) => (s.tags ?? []).includes("lote") && s.channel !== "phone"],
      [{ screenCode: "FIN0005", companyId: companyA }, (s) => s.screen === "FIN0005" && s.company === "a"],
      [{ q: "ocorrencia teste" }, () => true],
    ];
    for (const [query, filter] of cases)
      for (const view of ["open", "unassigned", "resolved"])
        for (const sort of ["due", "priority", "updated"]) {
          const label = `${view} by ${sort} with ${JSON.stringify(query)}`;
          expect(await pagesOf({ ...query, view, sort }, 3), label).toEqual(expected(view, sort, filter));
        }
  });

  it("counts every view in one request, under the same filters", async () => {
    const filters: Record<string, string>[] = [
      {},
      { companyId: f.companies.b.id },
      { priority: "urgent" },
      // "Não atribuídas" and "minhas" under these count a range of the assignee-filter index.
      { priority: "high", categoryId: f.categories.fiscal },
      { channel: "phone", kind: "support" },
      { tag: "lote", view: "resolved", sort: "updated" },
      { q: "ocorrencia", assigneeId: "me" },
      { q: String(f.numbers.k3) },
    ];
    for (const query of filters) {
      const response = await get("/api/v1/console/queue/counts", query);
      expect(response.statusCode, response.body).toBe(200);
      const counts = response.json();
      expect(Object.keys(counts).sort()).toEqual([...VIEWS, "cap"].sort());
      expect(counts.cap).toBe(QUEUE_COUNT_CAP);
      for (const view of VIEWS) {
        const { items } = (await get("/api/v1/console/queue", { ...query, view, limit: "100" })).json();
        expect(counts[view], `${view} with ${JSON.stringify(query)}`).toBe(items.length);
      }
    }
    expect((await get("/api/v1/console/queue/counts", {})).json()).toEqual({
      unassigned: expected("unassigned", "due", () => true).length,
      mine: expected("mine", "due", () => true).length,
      open: 36,
      waiting: 12,
      at_risk: expected("at_risk", "due", () => true).length,
      resolved: 12,
      cap: QUEUE_COUNT_CAP,
    });
    // "Minhas" is the caller's own.
    const forAgent2 = (await get("/api/v1/console/queue/counts", {}, f.cookies.agent2)).json();
    expect(forAgent2.mine).toBe(
      Object.values(spec).filter((s) => s.assignee === "agent2" && OPEN_STATUSES.has(s.status)).length,
    );
  });

  it("stops counting a view past the cap, under filters too, and reads cap + 1 there", async () => {
    const actor = { userId: f.staff.agent.id, role: "agent" as const, companyId: null };
    const exact = await queueCounts(t.ctx, actor, QueueFilters.parse({}));
    for (const cap of [5, 12, 36]) {
      const capped = await queueCounts(t.ctx, actor, QueueFilters.parse({}), cap);
      expect(capped.cap).toBe(cap);
      for (const view of VIEWS) {
        const expectedCount = exact[view] > cap ? cap + 1 : exact[view];
        expect(capped[view], `${view} capped at ${cap}`).toBe(expectedCount);
        expect(isOverCap(capped[view], cap)).toBe(exact[view] > cap);
      }
    }
    // Filters narrow first, then the cap applies: Fiscal's open tickets are fewer than the whole's.
    const fiscal = QueueFilters.parse({ categoryId: f.categories.fiscal, q: "ocorrencia" });
    const fiscalExact = await queueCounts(t.ctx, actor, fiscal);
    expect(fiscalExact.open).toBeGreaterThan(5);
    expect((await queueCounts(t.ctx, actor, fiscal, 5)).open).toBe(6);
    expect((await queueCounts(t.ctx, actor, fiscal, fiscalExact.open)).open).toBe(fiscalExact.open);
  });

  it("offers the active staff, the categories and the tags in use", async () => {
    const response = await get("/api/v1/console/queue/options", {});
    expect(response.statusCode).toBe(200);
    const options = response.json();
    expect(options.staff.map((s: { name: string }) => s.name)).toEqual([
      "Carlos Menezes",
      "Juliana Prado",
      "Marcos Teixeira",
      "Renata Albuquerque",
    ]);
    expect(options.categories.map((c: { name: string }) => c.name)).toEqual(["Fiscal", "Financeiro"]);
    expect(options.tags).toEqual(["lote"]);
  });
});

describe("the queue's deadlines come from the SLA clocks", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("lists a new ticket with its first deadline, then as due soon and breached as time passes", async () => {
    const admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const calendar = (await call(t.app, "POST", "/api/v1/calendars", demoCalendar, { cookie: admin })).json();
    const plan = (
      await call(
        t.app,
        "POST",
        "/api/v1/plans",
        { ...demoPlans[1], calendarId: calendar.id },
        { cookie: admin },
      )
    ).json();
    const company = await makeCompany(t.ctx);
    await call(t.app, "PATCH", `/api/v1/companies/${company.id}`, { planId: plan.id }, { cookie: admin });
    const catalog = await makeCatalog(t.ctx);
    const customer = await makeUser(t.ctx, "customer", { company });
    const agent = await makeUser(t.ctx, "agent");
    const number = await makeTicket(t.ctx, catalog, customer, { priority: "high" });

    const itemAt = async (iso: string) => {
      t.clock.set(iso);
      const cookie = await loginAs(t.app, agent);
      const page = (await call(t.app, "GET", "/api/v1/console/queue", undefined, { cookie })).json();
      const counts = (await call(t.app, "GET", "/api/v1/console/queue/counts", undefined, { cookie })).json();
      const ticket = (await call(t.app, "GET", `/api/v1/tickets/${number}`, undefined, { cookie })).json();
      return { item: page.items.find((i: Item) => i.number === number), counts, ticket };
    };
    type Item = { number: number };

    const opened = await itemAt("2026-04-22T13:00:00Z");
    const firstResponse = opened.ticket.sla.deadlines.find(
      (d: { metric: string }) => d.metric === "first_response",
    );
    expect(opened.item).toMatchObject({ dueAt: firstResponse.dueAt, slaState: "on_time", status: "open" });
    expect(opened.counts).toMatchObject({ open: 1, unassigned: 1, at_risk: 0 });

    const clock = await t.ctx.db
      .selectFrom("sla_clock")
      .innerJoin("ticket", "ticket.id", "sla_clock.ticket_id")
      .select(["sla_clock.warn_at", "sla_clock.due_at"])
      .where("ticket.number", "=", number)
      .where("sla_clock.metric", "=", "first_response")
      .executeTakeFirstOrThrow();
    const warned = await itemAt(new Date((clock.warn_at ?? 0) + 60_000).toISOString());
    expect(warned.item.slaState).toBe("due_soon");
    expect(warned.counts.at_risk).toBe(1);
    const breached = await itemAt(new Date((clock.due_at ?? 0) + 60_000).toISOString());
    expect(breached.item.slaState).toBe("breached");
    expect(breached.counts.at_risk).toBe(1);
  });
});
