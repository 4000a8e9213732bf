// Consultancy from end to end: an agent reclassifies a customer's ticket as consultancy, logs time and
// sends an hours estimate; the company admin approves it in the portal; the supervisor finds its hours
// in the month's statement, on the page and in the CSV download.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { EstimateList, StatementReport } from "../../src/contracts/billing";
import { CategoryList } from "../../src/contracts/kb";
import { Ticket } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

const REASON = "Para achar a diferença é preciso conferir a sua conta lançamento a lançamento.";
const ESTIMATE = "Conciliação do mês com o extrato OFX, lançamento a lançamento.";

/** "6 h", "1,5 h": how the pages write hours in pt-BR. */
const hours = (minutes: number) =>
  `${new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 2 }).format(minutes / 60)} h`;

async function signedInOn(path: string, email: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto(path);
  await waitForPath(page, "/login");
  await signIn(page, email);
  await waitForPath(page, path);
  return page;
}

describe("consultancy billing", () => {
  it("an agent reclassifies a ticket and sends an estimate, the customer approves it, the statement counts it", async () => {
    const month = DateTime.now().setZone("America/Sao_Paulo").toFormat("yyyy-MM");
    const supervisorApi = await signInThroughApi(origin, demo.supervisor.email);
    const statementNow = async () => {
      const report = StatementReport.parse(
        await supervisorApi.get(`/api/v1/console/statements?month=${month}`),
      );
      const row = report.companies.find((company) => company.company.name === demo.customer.company);
      if (!row) throw new Error(`the statement has no ${demo.customer.company}`);
      return row;
    };
    const before = await statementNow();

    // Fernanda opens the seed's consultancy example.
    const customerApi = await signInThroughApi(origin, demo.customer.email);
    const ticket = Ticket.parse(
      await customerApi.post("/api/v1/tickets", {
        categoryId: await financeCategoryId(customerApi),
        subject: "Meu fluxo de caixa não bate com minha conta corrente, por quê?",
        description: "O saldo realizado da conta Itaú ficou R$ 3.418,90 maior que o extrato do banco.",
        screenCode: "FIN0005",
        exampleRecord: "conta Itaú ag. 0912 c/c 45120-3",
        priority: "normal",
      }),
    );
    const number = ticket.number;

    // The agent: consultancy, with the reason the customer will read.
    const agent = await signedInOn(`/console/tickets/${number}`, demo.agent.email);
    const consultancy = agent.getByRole("region", { name: "Consultoria" });
    await consultancy.getByRole("button", { name: "Classificar como consultoria" }).click();
    await consultancy.getByRole("textbox", { name: "Motivo (o cliente verá)" }).fill(REASON);
    await consultancy.getByRole("button", { name: "Reclassificar" }).click();
    await agent.getByText("Ocorrência reclassificada.").waitFor();
    await agent.getByText(/^Reclassificada como consultoria/).waitFor();

    // Time spent on the phone with the customer, billable on a consultancy ticket by default.
    const time = agent.getByRole("region", { name: "Tempo" });
    await time.getByRole("textbox", { name: "Minutos" }).fill("90");
    await time.getByRole("textbox", { name: "O que foi feito" }).fill("Ligação para entender a divergência");
    expect(await time.getByRole("checkbox", { name: "Faturável" }).isChecked()).toBe(true);
    await time.getByRole("button", { name: "Registrar tempo" }).click();
    await time.getByText("Total 1 h 30 min · faturável 1 h 30 min · não faturável 0 min").waitFor();

    // A 6-hour estimate: a draft the customer cannot see, then sent.
    await consultancy.getByRole("textbox", { name: "Horas", exact: true }).fill("6");
    await consultancy.getByRole("textbox", { name: "O que a análise vai cobrir" }).fill(ESTIMATE);
    await consultancy.getByRole("button", { name: "Salvar rascunho" }).click();
    await consultancy.getByText("Rascunho", { exact: true }).waitFor();
    const adminApi = await signInThroughApi(origin, demo.customerAdmin.email);
    expect(EstimateList.parse(await adminApi.get(`/api/v1/tickets/${number}/estimates`)).items).toEqual([]);
    await consultancy.getByRole("button", { name: "Enviar ao cliente" }).click();
    await consultancy.getByText("Aguardando aprovação", { exact: true }).waitFor();
    await saveScreenshot(agent, "console-billing-agent");
    await agent.context().close();

    // The company admin reads why, and approves.
    const customer = await signedInOn(`/portal/tickets/${number}`, demo.customerAdmin.email);
    const callout = customer.getByRole("note");
    await callout.getByText("Esta ocorrência foi classificada como consultoria").waitFor();
    await callout.getByText(/análise específica de uma situação do cliente/).waitFor();
    await callout.getByText(REASON).waitFor();
    const card = customer.getByRole("region", { name: "Orçamento de horas aguardando aprovação" });
    await card.getByText("6 h", { exact: true }).waitFor();
    await card.getByText(ESTIMATE).waitFor();
    await card.getByRole("button", { name: "Aprovar" }).click();
    const dialog = customer.getByRole("dialog", { name: "Aprovar o orçamento de 6 h?" });
    await dialog.getByRole("textbox", { name: "Observação (opcional)" }).fill("Pode seguir; anexo o OFX.");
    await dialog.getByRole("button", { name: "Aprovar" }).click();
    await customer.getByText("Orçamento aprovado.").waitFor();
    await customer.getByText(/^Aprovado em .* por Bruno Carvalho$/).waitFor();
    await customer.getByText("Orçamento de consultoria aprovado").waitFor();
    await saveScreenshot(customer, "console-billing-portal-approved");
    await customer.context().close();

    // The supervisor: the month's statement, on the page and in the CSV.
    const after = await statementNow();
    expect(after.approvedMinutes).toBe(before.approvedMinutes + 360);
    expect(after.loggedBillableMinutes).toBe(before.loggedBillableMinutes + 90);
    expect(after.billableMinutes).toBe(Math.max(0, after.approvedMinutes - after.includedMinutes));

    const supervisor = await signedInOn("/console", demo.supervisor.email);
    await supervisor.getByRole("navigation").getByRole("link", { name: "Extrato mensal" }).click();
    await waitForPath(supervisor, "/console/statements");
    const row = supervisor.getByRole("row", { name: new RegExp(demo.customer.company) });
    await expect
      .poll(() => row.getByRole("cell").allTextContents())
      .toEqual([
        "Profissional",
        hours(after.includedMinutes),
        hours(after.approvedMinutes),
        hours(after.billableMinutes),
        // The adjective agrees: "1 h faturável", "3,17 h faturáveis".
        `${hours(after.loggedMinutes)} (${hours(after.loggedBillableMinutes)} ${after.loggedBillableMinutes === 60 ? "faturável" : "faturáveis"})`,
        "Detalhar",
      ]);
    await supervisor
      .getByRole("region", { name: "Horas usadas e incluídas por empresa" })
      .getByText(`${hours(after.approvedMinutes)} usadas de ${hours(after.includedMinutes)} incluídas`, {
        exact: false,
      })
      .waitFor();
    await saveScreenshot(supervisor, "console-billing-statement");

    await row.getByRole("link", { name: `Detalhar ${demo.customer.company}` }).click();
    await waitForPath(supervisor, `/console/statements/${after.company.id}`);
    const approved = supervisor.getByRole("region", { name: "Orçamentos aprovados no mês" });
    const line = approved.getByRole("row", { name: new RegExp(`#${number}`) });
    await line.getByText(ESTIMATE).waitFor();
    await line.getByText("Bruno Carvalho").waitFor();
    await line.getByText("6 h", { exact: true }).waitFor();

    const [download] = await Promise.all([
      supervisor.waitForEvent("download"),
      supervisor.getByRole("link", { name: "Exportar CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`extrato-${after.company.cnpj}-${month}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { delimiter: ";", bom: true });
    const ours = rows.find((r) => r[0] === String(number));
    expect(ours?.slice(2)).toEqual([
      ESTIMATE,
      DateTime.now().setZone("America/Sao_Paulo").toFormat("dd/MM/yyyy"),
      "Bruno Carvalho",
      "6,00",
    ]);
    const total = (label: string) => rows.find((r) => r[0] === label)?.[5];
    const decimal = (minutes: number) => (minutes / 60).toFixed(2).replace(".", ",");
    expect(total("Horas aprovadas (usadas)")).toBe(decimal(after.approvedMinutes));
    expect(total("Horas faturáveis")).toBe(decimal(after.billableMinutes));
    expect(total("Horas incluídas no plano")).toBe(decimal(after.includedMinutes));
    await supervisor.context().close();
  });
});

async function financeCategoryId(api: { get: (path: string) => Promise<unknown> }): Promise<string> {
  const categories = CategoryList.parse(await api.get("/api/v1/categories")).items;
  const finance = categories.find((category) => category.name === "Financeiro");
  if (!finance) throw new Error("the demo data has no Financeiro category");
  return finance.id;
}
