// The console's queue as a working day uses it: a ticket a customer opens in the portal shows up in
// a console that is already open, without reloading; the keyboard moves, opens and switches views;
// "?" lists the shortcuts; a supervisor's saved view reaches the team.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { createdTicketNumber, field, NOT_FOUND_LINK, pickCategory, pickScreen } from "./support/tickets";

const origin = inject("origin");
const browser = browserForThisFile();

/** Signs in on a fresh browser and lands on `path` (the console keeps the address it was asked for). */
async function signedInOn(email: string, path: string, landing: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto(path);
  await waitForPath(page, "/login");
  await signIn(page, email);
  await waitForPath(page, landing);
  return page;
}

const rows = (page: Page) => page.locator("[data-queue-row]");
const selectedNumber = async (page: Page) =>
  Number(await page.locator("[data-selected] td").first().textContent());
const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) });
const tabCount = async (page: Page, name: string) =>
  Number((await tab(page, name).textContent())?.replace(/\D/g, ""));

describe("the console's queue", () => {
  it("shows a ticket a customer just opened in a console already open, without reloading", async () => {
    // The agent's queue, newest activity first, is open and live before the customer starts.
    const agent = await signedInOn(demo.agent.email, "/console?sort=updated", "/console");
    expect(new URL(agent.url()).searchParams.get("sort")).toBe("updated");
    await agent.getByRole("status").getByText("ao vivo").waitFor();
    await rows(agent).first().waitFor();
    await expect.poll(() => tabCount(agent, "Não atribuídas")).toBeGreaterThan(0);
    const unassignedBefore = await tabCount(agent, "Não atribuídas");
    await agent.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    const customer = await signedInOn(demo.customer.email, "/portal/tickets", "/portal/tickets");
    await pickCategory(customer, "Fiscal");
    await customer.getByRole("button", { name: NOT_FOUND_LINK }).click();
    const subject = `Nota fiscal de devolução rejeitada ${Date.now() % 100_000}`;
    await field.subject(customer).fill(subject);
    await field
      .description(customer)
      .fill(
        "Ao emitir a NF-e de devolução pela tela FIS0001 a SEFAZ rejeita com o código 539. Favor verificar.",
      );
    await pickScreen(customer, "FIS0001", "FIS0001");
    await field.exampleRecord(customer).fill("NF-e série 1 número 4521");
    await field.priority(customer, "Alta").click();
    await customer.getByRole("button", { name: "Abrir ocorrência" }).click();
    const opened = Date.now();
    const number = await createdTicketNumber(customer);

    // Live: the row arrives within seconds (without the stream the queue would only poll every 30 s).
    const row = agent.locator("[data-queue-row]").filter({ hasText: subject });
    await row.waitFor({ timeout: 5_000 });
    expect(Date.now() - opened).toBeLessThan(5_000);
    expect(Number(await row.locator("td").first().textContent())).toBe(number);
    await row.getByText("Sem responsável").waitFor();
    await row.getByText(/^vence em \d+ (min|h|d)$/).waitFor();
    await expect.poll(() => tabCount(agent, "Não atribuídas")).toBe(unassignedBefore + 1);
    expect(await agent.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await saveScreenshot(agent, "console-queue-live");
    await customer.context().close();
    await agent.context().close();
  });

  it("moves through the queue, opens tickets and switches views from the keyboard", async () => {
    const page = await signedInOn(demo.agent.email, "/console", "/console");
    await expect.poll(() => rows(page).count()).toBeGreaterThan(2);
    const numbers = (await rows(page).locator("td:first-child").allTextContents()).map(Number);

    expect(await selectedNumber(page)).toBe(numbers[0]);
    await page.keyboard.press("j");
    expect(await selectedNumber(page)).toBe(numbers[1]);
    await page.keyboard.press("ArrowDown");
    expect(await selectedNumber(page)).toBe(numbers[2]);
    await page.keyboard.press("k");
    expect(await selectedNumber(page)).toBe(numbers[1]);

    // Enter (or o) opens the selected ticket; "back" finds the queue as it was.
    await page.keyboard.press("Enter");
    await waitForPath(page, `/console/tickets/${numbers[1]}`);
    await page.getByRole("heading", { name: "Histórico" }).waitFor();
    await page.goBack();
    await waitForPath(page, "/console");
    await rows(page).first().waitFor();

    // Number keys switch views; the address follows.
    await page.keyboard.press("2");
    await expect.poll(() => tab(page, "Minhas").getAttribute("aria-selected")).toBe("true");
    expect(new URL(page.url()).searchParams.get("view")).toBe("mine");
    await page.keyboard.press("6");
    await expect.poll(() => tab(page, "Finalizadas").getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("combobox", { name: "Ordenar por" }).isDisabled()).toBe(true);
    await page.keyboard.press("3");
    await expect.poll(() => new URL(page.url()).searchParams.get("view")).toBe(null);

    // "/" goes to the search box; typing there is text, not shortcuts.
    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Buscar" });
    await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type(String(numbers[2]));
    await page.waitForURL((url) => url.searchParams.get("q") === String(numbers[2]));
    await expect.poll(() => rows(page).first().locator("td").first().textContent()).toBe(String(numbers[2]));
    expect(new URL(page.url()).searchParams.get("view")).toBe(null);
    await page.keyboard.press("Escape");
    await page.keyboard.press("o");
    await waitForPath(page, `/console/tickets/${numbers[2]}`);
    await page.context().close();
  });

  it("fits a laptop's width, the open button of every row in sight, and opens a ticket from its number", async () => {
    const page = await signedInOn(demo.agent.email, "/console", "/console");
    await expect.poll(() => rows(page).count()).toBeGreaterThan(2);
    // 1366 × 768, the commonest laptop screen: nothing to scroll sideways to reach a row's button.
    for (const width of [1366, 1280]) {
      await page.setViewportSize({ width, height: 768 });
      const table = page.locator("table").filter({ has: page.locator("[data-queue-row]") });
      const overflow = await table.evaluate((element) => {
        const container = element.parentElement as HTMLElement;
        return container.scrollWidth - container.clientWidth;
      });
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
      const open = rows(page)
        .first()
        .getByRole("link", { name: /^Abrir ocorrência/ });
      const box = await open.boundingBox();
      expect(box && box.x + box.width, `${width} px`).toBeLessThanOrEqual(width);
    }
    const number = Number(await rows(page).nth(1).locator("td").first().textContent());
    await rows(page)
      .nth(1)
      .getByRole("link", { name: String(number), exact: true })
      .click();
    await waitForPath(page, `/console/tickets/${number}`);
    await page.context().close();
  });

  it('lists every shortcut on "?" and from the keyboard button', async () => {
    const page = await signedInOn(demo.agent.email, "/console", "/console");
    await rows(page).first().waitFor();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Atalhos de teclado" });
    await help.waitFor();
    for (const line of [
      "Mostrar esta lista de atalhos",
      "Próxima ocorrência",
      "Ocorrência anterior",
      "Abrir a ocorrência selecionada",
      "Ir para a busca",
      "Visão “Vence em breve / violado”",
    ])
      await help.getByText(line).waitFor();
    await help.getByRole("table", { name: "Fila" }).getByText("J", { exact: true }).waitFor();
    await saveScreenshot(page, "console-queue-shortcuts");
    // While the overlay is open the queue's keys wait.
    const before = await selectedNumber(page);
    await page.keyboard.press("j");
    expect(await selectedNumber(page)).toBe(before);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "Atalhos de teclado" }).click();
    await help.waitFor();
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.context().close();
  });

  it("lets a supervisor save the current filters as a view the whole team can apply", async () => {
    const supervisor = await signedInOn(
      demo.supervisor.email,
      "/console?priority=high&sort=priority",
      "/console",
    );
    await supervisor.getByRole("button", { name: "Visões salvas" }).click();
    await supervisor.getByRole("button", { name: "Salvar visão atual…" }).click();
    const dialog = supervisor.getByRole("dialog", { name: "Salvar a visão atual" });
    const name = `Altas por prioridade ${Date.now() % 100_000}`;
    await dialog.getByRole("textbox", { name: "Nome da visão" }).fill(name);
    await dialog.getByRole("checkbox", { name: "Compartilhar com a equipe" }).check();
    await dialog.getByRole("button", { name: "Salvar visão" }).click();
    await supervisor.getByText(`Visão “${name}” salva.`).waitFor();
    await supervisor.getByRole("button", { name: `Visões salvas: ${name}` }).waitFor();
    // Renamed: same filters, new name.
    const renamed = `${name} (revisada)`;
    await supervisor.getByRole("button", { name: `Visões salvas: ${name}` }).click();
    await supervisor.getByRole("button", { name: `Renomear a visão ${name}` }).click();
    const rename = supervisor.getByRole("dialog", { name: "Renomear visão" });
    await rename.getByRole("textbox", { name: "Nome da visão" }).fill(renamed);
    await rename.getByRole("button", { name: "Salvar visão" }).click();
    await supervisor.getByText(`Visão “${renamed}” salva.`).waitFor();
    await supervisor.getByRole("button", { name: `Visões salvas: ${renamed}` }).waitFor();
    await supervisor.context().close();

    // An agent finds it among the team's views, may not delete it, and applying it sets the filters.
    const agent = await signedInOn(demo.agent.email, "/console", "/console");
    await agent.getByRole("button", { name: "Visões salvas" }).click();
    const view = agent.getByRole("button", { name: renamed, exact: true });
    await view.waitFor();
    expect(await agent.getByRole("button", { name: `Excluir a visão ${renamed}` }).count()).toBe(0);
    await view.click();
    await agent.waitForURL((url) => url.searchParams.get("priority") === "high");
    expect(new URL(agent.url()).searchParams.get("sort")).toBe("priority");
    await expect
      .poll(() => agent.getByRole("combobox", { name: "Prioridade" }).first().inputValue())
      .toBe("Alta");
    // Agents keep personal views only: sharing is not offered to them.
    await agent.getByRole("button", { name: `Visões salvas: ${renamed}` }).click();
    await agent.getByRole("button", { name: "Salvar visão atual…" }).click();
    const own = agent.getByRole("dialog", { name: "Salvar a visão atual" });
    await own.getByRole("textbox", { name: "Nome da visão" }).waitFor();
    expect(await own.getByRole("checkbox").count()).toBe(0);
    await agent.context().close();
  });
});
