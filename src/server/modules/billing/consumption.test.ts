// "Consumo do plano": a company's admin reads its own month (figures, approved estimates, CSV) and
// nothing of another company's; staff time stays internal.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  approvedEstimate,
  type BillingWorld,
  type Caller,
  consultancyTicket,
  makeBillingWorld,
} from "../../../../test/support/billing";

describe("plan consumption for the company's admin", () => {
  let w: BillingWorld;
  const url = (companyId: string, query = "month=2026-04") =>
    `/api/v1/companies/${companyId}/plan-consumption?${query}`;

  beforeAll(async () => {
    w = await makeBillingWorld();
    w.t.clock.set("2026-04-10T15:00:00Z");
    const cashFlow = await consultancyTicket(
      w,
      "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
    );
    await approvedEstimate(w, cashFlow, 90);
    await w.agent.post(`/api/v1/tickets/${cashFlow}/time-entries`, {
      minutes: 75,
      note: "Análise interna",
      billable: true,
      workDate: "2026-04-10",
    });
    w.t.clock.set("2026-04-29T13:00:00Z");
  });
  afterAll(() => w.t.close());

  it("shows included, approved, used, remaining and billable hours with the approved estimates", async () => {
    const response = await w.adminA.get(url(w.companyA.id));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      month: "2026-04",
      company: {
        id: w.companyA.id,
        name: "Distribuidora Paulista de Alimentos Ltda",
        planName: "Profissional",
      },
      figures: {
        includedMinutes: 240,
        approvedMinutes: 90,
        usedIncludedMinutes: 90,
        billableMinutes: 0,
        remainingMinutes: 150,
      },
      estimates: [{ minutes: 90, approvedBy: "Bruno Carvalho" }],
    });
    // The team's logged time is internal.
    expect(body).not.toHaveProperty("time");
    expect(body.figures).not.toHaveProperty("loggedMinutes");
  });

  it("downloads the CSV without the internal time", async () => {
    const response = await w.adminA.get(url(w.companyA.id, "month=2026-04&format=csv"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="extrato-\d{14}-2026-04\.csv"$/,
    );
    const rows: string[][] = parse(response.body, { delimiter: ";", bom: true, relaxColumnCount: true });
    const labels = rows.map((row) => row[0]);
    expect(labels).toContain("Horas incluídas restantes");
    expect(labels).not.toContain("Tempo registrado (horas)");
    expect(rows.find((row) => row[0] === "Horas incluídas restantes")?.[5]).toBe("2,50");
  });

  it("a month with nothing approved shows every included hour remaining", async () => {
    const march = (await w.adminA.get(url(w.companyA.id, "month=2026-03"))).json();
    expect(march.figures).toMatchObject({ approvedMinutes: 0, remainingMinutes: 240 });
    expect(march.estimates).toEqual([]);
  });

  describe("who may read which company's", () => {
    const cases: [string, (x: BillingWorld) => Caller | Omit<Caller, "user">, number][] = [
      ["admin", (x) => x.admin, 200],
      ["supervisor", (x) => x.supervisor, 200],
      ["agent", (x) => x.agent, 403],
      ["customer_admin of the company", (x) => x.adminA, 200],
      ["customer_admin of another company", (x) => x.adminB, 404],
      ["customer of the company", (x) => x.customerA, 403],
      ["anonymous", (x) => x.anonymous, 401],
    ];
    it.each(cases)("%s", async (_label, who, status) => {
      const caller = who(w);
      expect((await caller.get(url(w.companyA.id))).statusCode).toBe(status);
      expect((await caller.get(url(w.companyA.id, "month=2026-04&format=csv"))).statusCode).toBe(status);
    });

    it("another company's looks exactly like a missing one, even with bad input", async () => {
      const other = await w.adminB.get(url(w.companyA.id));
      const missing = await w.adminB.get(url("0190b3c8-0000-7000-8000-000000000000"));
      expect(other.json()).toEqual(missing.json());
      expect((await w.adminB.get(url(w.companyA.id, "month=abril"))).statusCode).toBe(404);
    });

    it("refuses a bad month on the field", async () => {
      const response = await w.adminA.get(url(w.companyA.id, "month=2026-13"));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty("month");
    });

    it("tells the portal whether to offer the page", async () => {
      expect((await w.adminA.get("/api/v1/me")).json().abilities.readPlanConsumption).toBe(true);
      expect((await w.customerA.get("/api/v1/me")).json().abilities.readPlanConsumption).toBe(false);
      expect((await w.admin.get("/api/v1/me")).json().abilities.readPlanConsumption).toBe(false);
    });
  });
});
