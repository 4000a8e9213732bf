// The SLA's staff side: the admin builds a calendar and a plan and previews a deadline; the supervisor
// reads the month's compliance per company; an agent is offered neither the page nor the report.
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ComplianceReport } from "../../src/contracts/sla";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

const CALENDAR = "Plantão de sábado";
const PLAN = "Essencial Sábado";

async function openPlansPage(page: Page): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Planos e prazos" }).click();
  await waitForPath(page, "/console/plans");
}

describe("SLA administration", () => {
  it("lets the admin create a calendar and a plan, then preview a deadline with them", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console");
    await openPlansPage(page);

    // A calendar open on weekdays 08–18 and on Saturday mornings, closed on Christmas Eve.
    await page.getByRole("button", { name: "Novo calendário" }).click();
    const calendarForm = page.getByRole("dialog", { name: "Novo calendário" });
    await calendarForm.getByRole("textbox", { name: "Nome", exact: true }).fill(CALENDAR);
    for (const day of ["Segunda", "Terça", "Quarta", "Quinta", "Sexta"])
      await calendarForm.getByLabel(day, { exact: true }).fill("08:00–18:00");
    await calendarForm.getByLabel("Sábado", { exact: true }).fill("08:00–12:00");
    await calendarForm.getByLabel("Dias sem atendimento", { exact: true }).fill("24/12/2026");
    await calendarForm.getByRole("button", { name: "Salvar calendário" }).click();
    await page.getByText("Calendário salvo.").waitFor();
    await calendarForm.waitFor({ state: "detached" });
    const calendars = page.getByRole("region", { name: "Calendários de atendimento" });
    await calendars.getByRole("heading", { name: CALENDAR }).waitFor();

    // A plan on that calendar: normal tickets answered within 2 business hours, solved within 8.
    await page.getByRole("button", { name: "Novo plano" }).click();
    const planForm = page.getByRole("dialog", { name: "Novo plano" });
    await planForm.getByRole("textbox", { name: "Nome", exact: true }).fill(PLAN);
    await planForm.getByRole("combobox", { name: "Calendário" }).click();
    await page.getByRole("option", { name: CALENDAR, exact: true }).click();
    await planForm
      .getByLabel("Descrição", { exact: true })
      .fill("Atendimento também aos sábados pela manhã.");
    await planForm.getByLabel("Normal — Primeira resposta", { exact: true }).fill("2 h");
    await planForm.getByLabel("Normal — Solução", { exact: true }).fill("8 h");
    await planForm.getByRole("button", { name: "Salvar plano" }).click();
    await page.getByText("Plano salvo.").waitFor();
    await planForm.waitFor({ state: "detached" });

    const plan = page.getByRole("region", { name: PLAN });
    const normal = plan.getByRole("row", { name: /Normal/ });
    await normal.waitFor();
    expect(await normal.getByRole("cell").allTextContents()).toEqual(["2 h úteis", "4 h úteis", "8 h úteis"]);
    await plan.getByText("Sábado, 08:00–12:00").waitFor();

    // Opened on Friday 24/04/2026 at 17:00: one hour that evening, the rest on Saturday morning and Monday.
    const simulator = page.getByRole("region", { name: "Simular prazo" });
    await simulator.getByRole("combobox", { name: "Plano" }).click();
    await page.getByRole("option", { name: PLAN, exact: true }).click();
    await simulator.getByLabel("Aberta em").fill("2026-04-24T17:00");
    await simulator.getByRole("button", { name: "Simular" }).click();
    const firstResponse = simulator.getByRole("region", { name: "Primeira resposta até" });
    await firstResponse.getByText("25/04/2026 09:00", { exact: true }).waitFor();
    await firstResponse.getByText("25/04/2026 08:00–09:00: 1 h contada", { exact: true }).waitFor();
    const resolution = simulator.getByRole("region", { name: "Solução até" });
    await resolution.getByText("27/04/2026 11:00", { exact: true }).waitFor();
    await resolution.getByText("Total: 8 h úteis; vence em 27/04/2026 11:00", { exact: true }).waitFor();
    await saveScreenshot(page, "plans-admin-editors");
    await context.close();
  });
});

/** The month it is at the support desk, and the one before: "2026-11", "2026-10". */
function thisAndLastMonth(): [string, string] {
  const now = DateTime.now().setZone("America/Sao_Paulo").startOf("month");
  return [now.toFormat("yyyy-MM"), now.minus({ months: 1 }).toFormat("yyyy-MM")];
}

const MONTH_NAMES = [
  "Janeiro",
  "Fevereiro",
  "Março",
  "Abril",
  "Maio",
  "Junho",
  "Julho",
  "Agosto",
  "Setembro",
  "Outubro",
  "Novembro",
  "Dezembro",
];
const monthLabel = (month: string) => {
  const [year, number] = month.split("-");
  return `${MONTH_NAMES[Number(number) - 1]} de ${year}`;
};

/** pt-BR's percent: "66,7%", "100%"; a dash when nothing was decided. */
const percent = (share: number | null) =>
  share === null ? "—" : `${String(Math.round(share * 1000) / 10).replace(".", ",")}%`;

type Figures = Pick<ComplianceReport["companies"][number], "tickets" | "firstResponse" | "resolution">;
const cellsOf = (figures: Figures) => [
  String(figures.tickets),
  ...[figures.firstResponse, figures.resolution].flatMap((outcome) => [
    String(outcome.met),
    String(outcome.breached),
    String(outcome.pending),
    percent(outcome.shareMet),
  ]),
];

function totalOf(report: ComplianceReport): Figures {
  const sum = (pick: (figures: Figures) => Figures["firstResponse"]) => {
    const met = report.companies.reduce((n, company) => n + pick(company).met, 0);
    const breached = report.companies.reduce((n, company) => n + pick(company).breached, 0);
    const pending = report.companies.reduce((n, company) => n + pick(company).pending, 0);
    return { met, breached, pending, shareMet: met + breached > 0 ? met / (met + breached) : null };
  };
  return {
    tickets: report.companies.reduce((n, company) => n + company.tickets, 0),
    firstResponse: sum((figures) => figures.firstResponse),
    resolution: sum((figures) => figures.resolution),
  };
}

const lowestShare = (figures: Figures) => {
  const shares = [figures.firstResponse.shareMet, figures.resolution.shareMet].filter((s) => s !== null);
  return shares.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...shares);
};

/** The page shows the API's figures for the month: every company's row, the total, worst first. */
async function expectReportShown(page: Page, report: ComplianceReport): Promise<void> {
  if (report.companies.length === 0) {
    await page.getByText("Nenhuma ocorrência com prazo foi aberta neste mês.").waitFor();
    return;
  }
  const table = page.getByRole("region", { name: "Cumprimento por empresa" });
  const cellsOfRow = (name: string | RegExp) => () =>
    table.getByRole("row", { name }).getByRole("cell").allTextContents();
  // Polled: the month just picked may still be loading.
  const shown = { timeout: 10_000 };
  await expect.poll(cellsOfRow(/^Total/), shown).toEqual(cellsOf(totalOf(report)));
  for (const company of report.companies)
    await expect.poll(cellsOfRow(company.companyName), shown).toEqual(cellsOf(company));

  const order = await table.locator("tbody").getByRole("rowheader").allTextContents();
  expect(order).toHaveLength(report.companies.length);
  const byName = new Map(report.companies.map((company) => [company.companyName, company]));
  const worst = order.map((name) => {
    const company = byName.get(name);
    if (!company) throw new Error(`the page shows a company the API did not name: ${name}`);
    return lowestShare(company);
  });
  expect(worst).toEqual([...worst].sort((a, b) => a - b));

  const first = report.companies.find((company) => company.firstResponse.shareMet !== null);
  if (first) {
    const { met, breached, shareMet } = first.firstResponse;
    await page
      .getByRole("region", { name: "Prazos cumpridos por empresa" })
      .getByText(`Primeira resposta: ${percent(shareMet)} cumpridos (${met} de ${met + breached})`)
      .first()
      .waitFor();
  }
}

describe("SLA compliance", () => {
  it("shows the supervisor each company's deadlines met and breached, as the API counts them", async () => {
    const [thisMonth, lastMonth] = thisAndLastMonth();
    const api = await signInThroughApi(origin, demo.supervisor.email);
    const reportOf = async (month: string) =>
      ComplianceReport.parse(await api.get(`/api/v1/sla/compliance?month=${month}`));
    // The demo's tickets were opened over the last few weeks: one of the two months has them.
    const [current, previous] = [await reportOf(thisMonth), await reportOf(lastMonth)];
    expect(current.companies.length + previous.companies.length).toBeGreaterThan(0);

    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.supervisor.email);
    await waitForPath(page, "/console");
    await page.getByRole("navigation").getByRole("link", { name: "Cumprimento do SLA" }).click();
    await waitForPath(page, "/console/compliance");
    await page.getByRole("heading", { name: "Cumprimento do SLA" }).waitFor();
    const monthPicker = page.getByRole("combobox", { name: "Mês" });
    expect(await monthPicker.inputValue()).toBe(monthLabel(thisMonth));

    for (const month of [lastMonth, thisMonth]) {
      await monthPicker.click();
      await page.getByRole("option", { name: monthLabel(month), exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("month") === month);
      await expectReportShown(page, await reportOf(month));
    }
    expect(await page.getByRole("combobox", { name: "Mês" }).inputValue()).toBe(monthLabel(thisMonth));
    await saveScreenshot(page, "sla-compliance");
    await context.close();
  });

  it("offers an agent neither the page nor the report", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.agent.email);
    await waitForPath(page, "/console");
    await page.getByRole("navigation").getByRole("link", { name: "Planos e prazos" }).waitFor();
    expect(await page.getByRole("link", { name: "Cumprimento do SLA" }).count()).toBe(0);

    const [thisMonth] = thisAndLastMonth();
    const answer = await page.request.get(`/api/v1/sla/compliance?month=${thisMonth}`);
    expect(answer.status()).toBe(403);

    await page.goto("/console/compliance");
    await page.getByRole("heading", { name: "Página não encontrada" }).waitFor();
    await context.close();
  });
});
