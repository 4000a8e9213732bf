// The catalog from the browser: a supervisor's screen CSV with one bad line is refused with that line
// named and nothing imported, then the corrected file is imported; "Telas com mais ocorrências" ranks a
// screen a customer just chose; an admin types a plan's target as "1 h 30 min" and reads it back so;
// the company's admin sees "Consumo do plano".
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { CategoryList } from "../../src/contracts/kb";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

async function signedInOn(path: string, email: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto(path);
  await waitForPath(page, "/login");
  await signIn(page, email);
  await waitForPath(page, path);
  return page;
}

async function chooseCsv(page: Page, name: string, text: string): Promise<void> {
  await page.locator("input[type=file]").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text, "utf8"),
  });
}

const BAD_CSV = [
  "código;nome;módulo",
  "EXP0001;Expedição de Pedidos;Logística",
  "EXP02;Romaneio de Carga;Logística",
  "EXP0003;Conferência de Volumes;Logística",
].join("\n");
const GOOD_CSV = BAD_CSV.replace("EXP02;", "EXP0002;");

describe("the catalog pages", () => {
  it("a screen CSV with a bad line is refused naming it, then the corrected file is imported", async () => {
    const page = await signedInOn("/console/screens", demo.supervisor.email);
    await page.getByRole("heading", { name: "Telas do ERP", level: 1 }).waitFor();

    await chooseCsv(page, "telas.csv", BAD_CSV);
    await page.getByRole("button", { name: "Importar", exact: true }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Nada foi importado" });
    await refusal.waitFor();
    await refusal.getByText('linha 3: código de tela inválido "EXP02"', { exact: false }).waitFor();
    await page.getByRole("textbox", { name: "Buscar" }).fill("EXP");
    await page.getByText("Nenhuma tela encontrada com esses filtros.").waitFor();
    await saveScreenshot(page, "console-catalog-import-refused");

    await chooseCsv(page, "telas-corrigidas.csv", GOOD_CSV);
    await page.getByRole("button", { name: "Importar", exact: true }).click();
    await page.getByText("3 telas importadas: 3 novas, 0 atualizadas.").waitFor();
    for (const code of ["EXP0001", "EXP0002", "EXP0003"])
      await page.getByRole("cell", { name: code, exact: true }).waitFor();

    // Deactivating one: shown as such, and no longer offered to customers.
    await page.getByRole("button", { name: "Desativar tela EXP0003" }).click();
    await page.getByText("Tela EXP0003 desativada", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Reativar tela EXP0003" }).waitFor();
    const customer = await signInThroughApi(origin, demo.customer.email);
    const offered = (await customer.get("/api/v1/screens?q=EXP")) as { items: { code: string }[] };
    expect(offered.items.map((s) => s.code)).toEqual(["EXP0001", "EXP0002"]);
    await page.context().close();
  });

  it("Telas com mais ocorrências ranks the screen of a ticket just opened", async () => {
    const customer = await signInThroughApi(origin, demo.customer.email);
    const categories = CategoryList.parse(await customer.get("/api/v1/categories"));
    const categoryId = categories.items[0]?.id ?? "";
    for (const subject of ["Romaneio não imprime", "Romaneio com peso errado"])
      await customer.post("/api/v1/tickets", {
        categoryId,
        subject,
        description: "Ao gerar o romaneio da carga 5512 a tela EXP0002 mostra erro.",
        screenCode: "EXP0002",
        exampleRecord: "carga 5512",
        priority: "normal",
      });

    const page = await signedInOn("/console/screens", demo.agent.email);
    await page.getByRole("tab", { name: "Telas com mais ocorrências" }).click();
    const chart = page.getByRole("region", { name: /^Ocorrências abertas por tela/ });
    await chart.waitFor();
    await chart.getByText("EXP0002").waitFor();
    await chart.getByText("Romaneio de Carga", { exact: false }).waitFor();
    // Agents read the catalog but do not change it.
    await page.getByRole("tab", { name: "Catálogo" }).click();
    await page.getByRole("textbox", { name: "Buscar" }).fill("romaneio");
    await page.getByRole("cell", { name: "EXP0002", exact: true }).waitFor();
    expect(await page.getByRole("button", { name: /^Desativar tela/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Importar", exact: true }).count()).toBe(0);
    await page.getByRole("tab", { name: "Telas com mais ocorrências" }).click();
    await chart.waitFor();
    await saveScreenshot(page, "console-catalog-top-screens");
    await page.context().close();
  });

  it("an admin types a plan's target in hours and minutes", async () => {
    const page = await signedInOn("/console/plans", demo.admin.email);
    await page.getByRole("button", { name: "Novo plano" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Nome" }).fill("Plantão Logística");
    const firstResponse = dialog.getByRole("textbox", { name: "Urgente — Primeira resposta" });
    await firstResponse.fill("90 minutos e meia");
    await dialog.getByText("Use horas e minutos, como 4 h, 1 h 30 min ou 45 min.").waitFor();
    await firstResponse.fill("1h30");
    await firstResponse.blur();
    expect(await firstResponse.inputValue()).toBe("1 h 30 min");
    await dialog.getByRole("button", { name: "Salvar plano" }).click();
    await page.getByText("Plano salvo.", { exact: false }).waitFor();
    const card = page.getByRole("region", { name: "Plantão Logística" });
    await card.getByText("1 h 30 min", { exact: false }).first().waitFor();
    await saveScreenshot(page, "console-catalog-plan-target");

    // Nobody has it: archiving is accepted; the demo's plans in use are refused with who uses them.
    await card.getByRole("button", { name: "Arquivar Plantão Logística" }).click();
    await page.getByText("Plantão Logística arquivado", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Arquivar Profissional" }).click();
    await page.getByText("Este plano não pode ser arquivado: é o plano de", { exact: false }).waitFor();
    await page.context().close();
  });

  it("the company's admin sees Consumo do plano", async () => {
    const page = await signedInOn("/portal/tickets", demo.customerAdmin.email);
    await page.getByRole("link", { name: "Consumo do plano" }).click();
    await waitForPath(page, "/portal/consumption");
    const figures = page.getByRole("region", { name: "Horas de consultoria do mês" });
    await figures.waitFor();
    for (const label of ["Incluídas", "Aprovadas", "Usadas do plano", "Restantes"])
      await figures.getByText(label, { exact: true }).waitFor();
    await page.getByRole("link", { name: "Baixar extrato (CSV)" }).waitFor();
    await saveScreenshot(page, "portal-consumption");
    await page.context().close();

    // A plain customer is not offered the page.
    const customer = await signedInOn("/portal/tickets", demo.customer.email);
    await customer.getByRole("link", { name: "Lista de ocorrências" }).waitFor();
    expect(await customer.getByRole("link", { name: "Consumo do plano" }).count()).toBe(0);
    await customer.context().close();
  });
});
