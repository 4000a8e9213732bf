import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../../test/support/app";
import {
  approvedEstimate,
  BILLING_NOW,
  type BillingWorld,
  consultancyTicket,
  estimateOn,
  makeBillingWorld,
} from "../../../../test/support/billing";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { formatCnpj } from "../../../contracts/cnpj";

// The monthly statement: approved hours use up the plan's included hours, the rest is billable;
// months close at midnight in São Paulo; the CSV opens right in a Brazilian spreadsheet.
describe("the monthly statement", () => {
  let w: BillingWorld;
  let cashFlow: number;
  let inactiveId: string;

  beforeAll(async () => {
    w = await makeBillingWorld();
    // Company A (4 h a month): 3 h approved on 10/04, 2 h late on 30/04 (São Paulo), 1 h on 01/05.
    cashFlow = await consultancyTicket(w, "Meu fluxo de caixa não bate com minha conta corrente, por quê?");
    w.t.clock.set("2026-04-10T15:00:00Z");
    await approvedEstimate(w, cashFlow, 180);
    const second = await consultancyTicket(w, '=HYPERLINK("http://exemplo";"clique")');
    await estimateOn(w, second, 120, { description: 'Revisão; do "plano de contas"\nsegunda linha' });
    w.t.clock.set("2026-05-01T02:45:00Z"); // 23:45 on 30/04 in São Paulo
    const estimates = (await w.agent.get(`/api/v1/tickets/${second}/estimates`)).json().items;
    await w.adminA.post(`/api/v1/tickets/${second}/estimates/${estimates[0].id}/approve`, {});
    w.t.clock.set("2026-05-01T03:15:00Z"); // 00:15 on 01/05
    await approvedEstimate(w, await consultancyTicket(w), 60);
    // A declined and a pending estimate count for nothing.
    const declined = await consultancyTicket(w);
    const declinedId = await estimateOn(w, declined, 600);
    await w.adminA.post(`/api/v1/tickets/${declined}/estimates/${declinedId}/decline`, {});
    await estimateOn(w, await consultancyTicket(w), 300);

    // Time logged: work dates decide the month, whatever the clock said when they were written.
    const time = (number: number, minutes: number, billable: boolean, workDate: string) =>
      w.agent.post(`/api/v1/tickets/${number}/time-entries`, {
        minutes,
        note: "Análise",
        billable,
        workDate,
      });
    await time(cashFlow, 100, true, "2026-04-30");
    await time(cashFlow, 20, false, "2026-04-01");
    await time(cashFlow, 45, true, "2026-03-31");
    w.t.clock.set(BILLING_NOW);

    // Company B has no plan: everything approved is billable.
    const bTicket = (
      await w.adminB.post("/api/v1/tickets", {
        categoryId: w.catalog.categoryId,
        subject: "Custos de produção por ordem",
        description: "Preciso entender o custo apurado da ordem 8812.",
        screenCode: w.catalog.screenCode,
        exampleRecord: "ordem de produção 8812",
        priority: "normal",
      })
    ).json().number;
    const { version } = (await w.agent.get(`/api/v1/tickets/${bTicket}`)).json();
    await w.agent.patch(`/api/v1/tickets/${bTicket}`, { version, kind: "consultancy" });
    const bEstimate = (
      await w.agent.post(`/api/v1/tickets/${bTicket}/estimates`, { minutes: 90, description: "Custos" })
    ).json().id;
    await w.agent.post(`/api/v1/tickets/${bTicket}/estimates/${bEstimate}/send`);
    await w.adminB.post(`/api/v1/tickets/${bTicket}/estimates/${bEstimate}/approve`, {});

    // An inactive company with nothing this month stays out; one with activity would stay in.
    const inactive = await makeCompany(w.t.ctx, { name: "Antiga Comércio Ltda" });
    inactiveId = inactive.id;
    await w.t.ctx.db.updateTable("company").set({ active: 0 }).where("id", "=", inactive.id).execute();
  });
  afterAll(() => w.t.close());

  it("adds the month's approvals per company and bills what exceeds the plan's hours", async () => {
    const response = await w.supervisor.get("/api/v1/console/statements?month=2026-04");
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.month).toBe("2026-04");
    expect(report.companies.map((row: { company: { name: string } }) => row.company.name)).toEqual([
      "Distribuidora Paulista de Alimentos Ltda",
      "Metalúrgica Vale do Aço S.A.",
    ]);
    const [a, b] = report.companies;
    expect(a).toEqual({
      company: { id: w.companyA.id, name: w.companyA.name, cnpj: w.companyA.cnpj, planName: "Profissional" },
      includedMinutes: 240,
      approvedMinutes: 300,
      usedIncludedMinutes: 240,
      billableMinutes: 60,
      loggedMinutes: 120,
      loggedBillableMinutes: 100,
    });
    expect(b).toMatchObject({
      company: { planName: null },
      includedMinutes: 0,
      approvedMinutes: 90,
      usedIncludedMinutes: 0,
      billableMinutes: 90,
      loggedMinutes: 0,
    });
    expect(report.totals).toEqual({
      includedMinutes: 240,
      approvedMinutes: 390,
      usedIncludedMinutes: 240,
      billableMinutes: 150,
      loggedMinutes: 120,
      loggedBillableMinutes: 100,
    });
    expect(report.companies.map((row: { company: { id: string } }) => row.company.id)).not.toContain(
      inactiveId,
    );
  });

  it("puts what was approved after midnight in São Paulo in the next month", async () => {
    const may = (await w.supervisor.get("/api/v1/console/statements?month=2026-05")).json();
    expect(may.companies[0]).toMatchObject({
      approvedMinutes: 60,
      usedIncludedMinutes: 60,
      billableMinutes: 0,
      loggedMinutes: 0,
    });
    const march = (await w.admin.get("/api/v1/console/statements?month=2026-03")).json();
    expect(march.companies[0]).toMatchObject({
      approvedMinutes: 0,
      loggedMinutes: 45,
      loggedBillableMinutes: 45,
    });
  });

  it("details one company's month: its approved estimates in order and its time per ticket", async () => {
    const response = await w.supervisor.get(`/api/v1/console/statements/${w.companyA.id}?month=2026-04`);
    expect(response.statusCode).toBe(200);
    const statement = response.json();
    expect(statement.figures).toMatchObject({ approvedMinutes: 300, billableMinutes: 60 });
    expect(statement.estimates).toEqual([
      expect.objectContaining({
        ticketNumber: cashFlow,
        minutes: 180,
        approvedAt: "2026-04-10T15:00:00.000Z",
        approvedBy: "Bruno Carvalho",
      }),
      expect.objectContaining({ minutes: 120, approvedAt: "2026-05-01T02:45:00.000Z" }),
    ]);
    expect(statement.time).toEqual([
      {
        ticketNumber: cashFlow,
        ticketSubject: "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
        minutes: 120,
        billableMinutes: 100,
      },
    ]);
    const unknown = await w.supervisor.get(
      "/api/v1/console/statements/01900000-0000-7000-8000-000000000000?month=2026-04",
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("exports the statement as a pt-BR CSV: “;”, decimal comma, dd/mm/aaaa, UTF-8 with BOM", async () => {
    for (const url of [
      `/api/v1/console/statements/${w.companyA.id}.csv?month=2026-04`,
      `/api/v1/console/statements/${w.companyA.id}?month=2026-04&format=csv`,
    ]) {
      const response = await w.supervisor.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="extrato-${w.companyA.cnpj}-2026-04.csv"`,
      );
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(bytes, { delimiter: ";", bom: true, relax_quotes: false });
      expect(rows.every((row) => row.length === 6)).toBe(true);
      expect(rows.slice(0, 4).map((row) => row.slice(0, 2))).toEqual([
        ["Empresa", "Distribuidora Paulista de Alimentos Ltda"],
        ["CNPJ", formatCnpj(w.companyA.cnpj)],
        ["Mês", "04/2026"],
        ["Plano", "Profissional"],
      ]);
      expect(rows[5]).toEqual(["Ocorrência", "Assunto", "Orçamento", "Aprovado em", "Aprovado por", "Horas"]);
      expect(rows[6]).toEqual([
        String(cashFlow),
        "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
        "Análise lançamento a lançamento da conta corrente.",
        "10/04/2026",
        "Bruno Carvalho",
        "3,00",
      ]);
      // Approved at 23:45 on 30/04 in São Paulo; a formula stays text; quotes, ";" and a line break survive.
      expect(rows[7]).toEqual([
        expect.any(String),
        '\'=HYPERLINK("http://exemplo";"clique")',
        'Revisão; do "plano de contas"\nsegunda linha',
        "30/04/2026",
        "Bruno Carvalho",
        "2,00",
      ]);
      expect(rows.slice(9).map((row) => [row[0], row[5]])).toEqual([
        ["Horas incluídas no plano", "4,00"],
        ["Horas aprovadas (usadas)", "5,00"],
        ["Horas faturáveis", "1,00"],
        ["Tempo registrado (horas)", "2,00"],
        ["Tempo registrado faturável (horas)", "1,67"],
      ]);
    }
  });

  it("writes the CSV's labels in the reader's language, its numbers the Brazilian way", async () => {
    const reader = await makeUser(w.t.ctx, "supervisor", { locale: "en" });
    const cookie = await loginAs(w.t.app, reader);
    const response = await call(
      w.t.app,
      "GET",
      `/api/v1/console/statements/${w.companyA.id}.csv?month=2026-04`,
      undefined,
      { cookie },
    );
    expect(response.statusCode).toBe(200);
    const rows: string[][] = parse(response.rawPayload, { delimiter: ";", bom: true });
    expect(rows[2]?.slice(0, 2)).toEqual(["Month", "04/2026"]);
    expect(rows[5]?.[3]).toBe("Approved on");
    expect(rows[6]?.slice(3)).toEqual(["10/04/2026", "Bruno Carvalho", "3,00"]);
    expect(rows.at(-3)?.[5]).toBe("1,00");
  });

  it("is for supervisors and admins: agents 403, customers 404, signed-out 401", async () => {
    const urls = [
      "/api/v1/console/statements?month=2026-04",
      `/api/v1/console/statements/${w.companyA.id}?month=2026-04`,
      `/api/v1/console/statements/${w.companyA.id}.csv?month=2026-04`,
    ];
    for (const url of urls) {
      expect((await w.admin.get(url)).statusCode, url).toBe(200);
      expect((await w.agent.get(url)).statusCode, url).toBe(403);
      expect((await w.adminA.get(url)).statusCode, url).toBe(404);
      expect((await w.customerA.get(url)).statusCode, url).toBe(404);
      expect((await w.anonymous.get(url)).statusCode, url).toBe(401);
    }
    // A bad month: the supervisor is told which field; a customer still learns nothing.
    const bad = await w.supervisor.get("/api/v1/console/statements?month=2026-13");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ month: "Mês inválido: use AAAA-MM." });
    expect((await w.supervisor.get("/api/v1/console/statements")).statusCode).toBe(400);
    expect((await w.adminA.get("/api/v1/console/statements?month=abril")).statusCode).toBe(404);
  });
});
