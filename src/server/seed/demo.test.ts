// The demo data as people meet it: the seed's consultancy example is a consultancy ticket, estimated
// by an agent, approved by the company admin and worked, so this month's statement has figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../../../test/support/app";
import { loginAs } from "../../../test/support/factories";
import { CompanyStatement, StatementReport } from "../../contracts/billing";
import { Ticket, TicketPage } from "../../contracts/tickets";
import { seedDemo } from "./demo";
import { DEMO_PASSWORD, demoCompanies, demoStaff } from "./demo-data";

const CASH_FLOW = "Meu fluxo de caixa não bate com minha conta corrente, por quê?";
const META = { actorId: null, ip: null, origin: TEST_ORIGIN };
const company = demoCompanies[0];
const bruno = company?.users.find((user) => user.role === "customer_admin");
const supervisor = demoStaff.find((user) => user.role === "supervisor");

async function seededAt(instant: string): Promise<TestApp> {
  const t = await buildTestApp();
  t.clock.set(instant);
  expect(await seedDemo(t.ctx, META)).not.toBeNull();
  return t;
}

const as = (t: TestApp, email: string | undefined) => {
  if (!email) throw new Error("the demo data lacks this person");
  return loginAs(t.app, { email, password: DEMO_PASSWORD });
};

async function statement(t: TestApp, month: string) {
  const cookie = await as(t, supervisor?.email);
  const report = StatementReport.parse(
    (await call(t.app, "GET", `/api/v1/console/statements?month=${month}`, undefined, { cookie })).json(),
  );
  const row = report.companies.find((r) => r.company.name === company?.name);
  if (!row) throw new Error("the statement lacks the demo company");
  return { report, row, cookie };
}

describe("the demo's consultancy example, seeded in the middle of a month", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await seededAt("2026-12-16T13:00:00Z"); // 10:00 on 16/12 in São Paulo
  });
  afterAll(() => t?.close());

  it("is a consultancy ticket with the estimate the company admin approved, in the customer's history", async () => {
    const cookie = await as(t, bruno?.email);
    const list = TicketPage.parse(
      (
        await call(t.app, "GET", "/api/v1/tickets", undefined, { cookie, query: { q: "fluxo de caixa" } })
      ).json(),
    );
    const summary = list.items.find((item) => item.subject === CASH_FLOW);
    if (!summary) throw new Error("the demo has no cash-flow ticket");
    const ticket = Ticket.parse(
      (await call(t.app, "GET", `/api/v1/tickets/${summary.number}`, undefined, { cookie })).json(),
    );
    expect(ticket.kind).toBe("consultancy");
    expect(ticket.status).toBe("resolved");
    const types = ticket.events.map((event) => event.type);
    expect(types.filter((type) => type.startsWith("estimate_"))).toEqual([
      "estimate_sent",
      "estimate_approved",
    ]);
    expect(types).toContain("kind_changed");
  });

  it("fills this month's statement: 2 h approved out of the 4 h included, 1 h 40 min logged", async () => {
    const { report, row, cookie } = await statement(t, "2026-12");
    expect(report.totals.approvedMinutes).toBe(120);
    expect(row).toMatchObject({
      includedMinutes: 240,
      approvedMinutes: 120,
      usedIncludedMinutes: 120,
      billableMinutes: 0,
      loggedMinutes: 100,
      loggedBillableMinutes: 100,
    });
    const detail = CompanyStatement.parse(
      (
        await call(t.app, "GET", `/api/v1/console/statements/${row.company.id}?month=2026-12`, undefined, {
          cookie,
        })
      ).json(),
    );
    expect(detail.estimates).toHaveLength(1);
    expect(detail.estimates[0]).toMatchObject({ ticketSubject: CASH_FLOW, approvedBy: bruno?.name });
  });
});

describe("the demo's consultancy example, seeded on a month's second day", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await seededAt("2026-12-02T13:00:00Z"); // 10:00 on 02/12: four days ago is last month
  });
  afterAll(() => t?.close());

  it("still happens this month, so this month's statement has its figures", async () => {
    const { row } = await statement(t, "2026-12");
    expect(row.approvedMinutes).toBe(120);
    expect(row.loggedMinutes).toBe(100);
    expect((await statement(t, "2026-11")).row.approvedMinutes).toBe(0);
  });
});
