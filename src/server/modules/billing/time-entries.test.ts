import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BILLING_NOW,
  type BillingWorld,
  type Caller,
  consultancyTicket,
  makeBillingWorld,
  openTicket,
} from "../../../../test/support/billing";
import { listAuditFor } from "../audit/repository";

// Time entries ("apontamento de horas"): the team's own record, never a customer's to see.
describe("time entries", () => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await makeBillingWorld();
  });
  afterAll(() => w.t.close());
  beforeEach(() => w.t.clock.set(BILLING_NOW));

  const entries = (number: number) => `/api/v1/tickets/${number}/time-entries`;
  const log = (who: Caller, number: number, body: Record<string, unknown>) =>
    who.post(entries(number), { minutes: 30, note: "Análise do log", billable: false, ...body });

  it("logs minutes with a note, today's São Paulo date by default, and totals them", async () => {
    const number = await consultancyTicket(w);
    // 23:30 on 30/04 in São Paulo, already 1 May in UTC.
    w.t.clock.set("2026-05-01T02:30:00Z");
    const first = await log(w.agent, number, { minutes: 100, note: "Conciliação com o OFX", billable: true });
    expect(first.statusCode).toBe(201);
    expect(first.json().items).toEqual([
      {
        id: expect.any(String),
        ticketNumber: number,
        user: { id: w.agent.user.id, name: "Juliana Prado", staff: true },
        minutes: 100,
        note: "Conciliação com o OFX",
        billable: true,
        workDate: "2026-04-30",
        createdAt: "2026-05-01T02:30:00.000Z",
        canDelete: true,
      },
    ]);
    await log(w.otherAgent, number, { minutes: 20, note: "Ligação com o cliente", workDate: "2026-04-28" });
    const list = await w.agent.get(entries(number));
    expect(list.statusCode).toBe(200);
    expect(list.json().totals).toEqual({ minutes: 120, billableMinutes: 100, nonBillableMinutes: 20 });
    expect(
      list.json().items.map((e: { workDate: string; canDelete: boolean }) => [e.workDate, e.canDelete]),
    ).toEqual([
      ["2026-04-30", true],
      ["2026-04-28", false],
    ]);
    const audit = await listAuditFor(w.t.ctx.db, "ticket", await ticketId(number));
    expect(audit.filter((row) => row.action === "time_entry.create")).toHaveLength(2);
  });

  it("refuses bad minutes, a missing note and a future work date, field by field", async () => {
    const number = await openTicket(w, w.customerA);
    const bad = await w.agent.post(entries(number), { minutes: 1441, note: "  ", billable: "sim" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      minutes: "Deve ser no máximo 1440.",
      note: "Campo obrigatório.",
      billable: "Valor inválido.",
    });
    expect((await log(w.agent, number, { minutes: 0 })).json().error.fields).toEqual({
      minutes: "Deve ser no mínimo 1.",
    });
    expect((await log(w.agent, number, { note: "x".repeat(501) })).statusCode).toBe(400);
    expect((await log(w.agent, number, { workDate: "30/04/2026" })).json().error.fields).toEqual({
      workDate: "Data inválida: use AAAA-MM-DD.",
    });
    // 22:00 on 29/04 in São Paulo: 30/04 is tomorrow there, though it is already the 30th in UTC.
    w.t.clock.set("2026-04-30T01:00:00Z");
    const future = await log(w.agent, number, { workDate: "2026-04-30" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ workDate: "A data do trabalho não pode estar no futuro." });
    expect((await log(w.agent, number, { workDate: "2026-04-29" })).statusCode).toBe(201);
    expect((await log(w.agent, 999_999, {})).statusCode).toBe(404);
  });

  it("lets the author delete an entry, a supervisor any, another agent none", async () => {
    const number = await openTicket(w, w.customerA);
    const id = (await log(w.agent, number, {})).json().items[0].id;
    const url = `${entries(number)}/${id}`;
    expect((await w.otherAgent.delete(url)).statusCode).toBe(403);
    expect((await w.customerA.delete(url)).statusCode).toBe(404);
    expect((await w.anonymous.delete(url)).statusCode).toBe(401);
    const deleted = await w.agent.delete(url);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({
      items: [],
      totals: { minutes: 0, billableMinutes: 0, nonBillableMinutes: 0 },
    });
    const again = await w.agent.delete(url);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("time_entry.not_found");

    const other = (await log(w.otherAgent, number, {})).json().items[0].id;
    // An entry is reached through its own ticket only.
    const elsewhere = await openTicket(w, w.customerA);
    expect((await w.supervisor.delete(`${entries(elsewhere)}/${other}`)).statusCode).toBe(404);
    expect((await w.supervisor.delete(`${entries(number)}/${other}`)).statusCode).toBe(200);
    const actions = (await listAuditFor(w.t.ctx.db, "ticket", await ticketId(number))).map(
      (row) => row.action,
    );
    expect(actions.filter((action) => action === "time_entry.delete")).toHaveLength(2);
  });

  it("is the team's only: customers get 404 on every address and never see a note", async () => {
    const number = await openTicket(w, w.customerA);
    await log(w.agent, number, { note: "Cliente com contrato antigo; cobrar à parte" });
    for (const who of [w.customerA, w.adminA]) {
      expect((await who.get(entries(number))).statusCode).toBe(404);
      expect((await log(who, number, {})).statusCode).toBe(404);
      // A bad body tells a customer nothing either.
      expect((await who.post(entries(number), { minutes: "x" })).statusCode).toBe(404);
      expect((await who.get("/api/v1/console/time-entries")).statusCode).toBe(404);
      expect((await who.get("/api/v1/console/time-entries?from=ontem")).statusCode).toBe(404);
      const ticket = await who.get(`/api/v1/tickets/${number}`);
      expect(ticket.statusCode).toBe(200);
      expect(ticket.body).not.toMatch(/contrato antigo/);
    }
    expect((await w.anonymous.get(entries(number))).statusCode).toBe(401);
    expect((await w.anonymous.get("/api/v1/console/time-entries")).statusCode).toBe(401);
  });

  it("lists a person's time over a range, newest day first, page by page, with the range's totals", async () => {
    const number = await openTicket(w, w.customerA, "Relatório de vendas por vendedor");
    const days = ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03"];
    for (const [index, workDate] of days.entries())
      await log(w.supervisor, number, { workDate, minutes: 10 * (index + 1), billable: index % 2 === 0 });
    await log(w.admin, number, { workDate: "2026-04-02", minutes: 45 });

    const mine = "/api/v1/console/time-entries?from=2026-03-31&to=2026-04-02&limit=2";
    const first = await w.supervisor.get(mine);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    // The supervisor asked for no one in particular: everyone's, the admin's 45 minutes included.
    expect(page1.items.map((e: { workDate: string; minutes: number }) => [e.workDate, e.minutes])).toEqual([
      ["2026-04-02", 45],
      ["2026-04-02", 40],
    ]);
    expect(page1.items[0]).toMatchObject({
      ticketSubject: "Relatório de vendas por vendedor",
      companyName: w.companyA.name,
    });
    expect(page1.totals).toEqual({ minutes: 135, billableMinutes: 30, nonBillableMinutes: 105 });
    const page2 = (await w.supervisor.get(`${mine}&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
    expect(page2.items.map((e: { minutes: number }) => e.minutes)).toEqual([30, 20]);
    expect(page2.nextCursor).toBeNull();

    const onlySupervisor = await w.supervisor.get(
      `/api/v1/console/time-entries?userId=${w.supervisor.user.id}&from=2026-03-01&to=2026-04-30`,
    );
    expect(onlySupervisor.json().totals.minutes).toBe(150);
    expect((await w.supervisor.get("/api/v1/console/time-entries?cursor=nonsense")).statusCode).toBe(400);
  });

  it("shows an agent only their own time, and refuses another agent's (403)", async () => {
    const number = await openTicket(w, w.customerA);
    await log(w.otherAgent, number, { minutes: 15, workDate: "2026-02-10" });
    const own = await w.otherAgent.get("/api/v1/console/time-entries?from=2026-02-01&to=2026-02-28");
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((e: { user: { id: string } }) => e.user.id)).toEqual([w.otherAgent.user.id]);
    const agentsOwn = await w.agent.get("/api/v1/console/time-entries?from=2026-02-01&to=2026-02-28");
    expect(agentsOwn.json().items).toEqual([]);
    const theirs = await w.agent.get(`/api/v1/console/time-entries?userId=${w.otherAgent.user.id}`);
    expect(theirs.statusCode).toBe(403);
    const byName = await w.agent.get(
      `/api/v1/console/time-entries?userId=${w.agent.user.id}&from=2026-02-01`,
    );
    expect(byName.statusCode).toBe(200);
  });

  async function ticketId(number: number): Promise<string> {
    const row = await w.t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirst();
    return row?.id ?? "";
  }
});
