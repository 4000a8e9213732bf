// Staff handle a ticket in the console: status and priority with the ticket's version, and what a stale
// version (someone else changed it meanwhile) looks like.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { QueuePage } from "../../src/contracts/queue";
import { TicketPage } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

async function agentOn(path: string, options: { offline?: boolean } = {}): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  // Without the live stream the tab keeps what it loaded until it asks again.
  if (options.offline) await page.route("**/api/v1/events", (route) => route.abort());
  await page.goto(path);
  await waitForPath(page, "/login");
  await signIn(page, demo.agent.email);
  await waitForPath(page, path);
  await page.getByRole("heading", { name: "Histórico" }).waitFor();
  return page;
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("ticket handling in the console", () => {
  it("changes status and priority; another tab on the ticket follows live, without reload", async () => {
    const api = await signInThroughApi(origin, demo.agent.email);
    const open = TicketPage.parse(await api.get("/api/v1/tickets?status=in_progress&limit=1")).items[0];
    if (!open) throw new Error("the demo data has no ticket in progress");
    const path = `/console/tickets/${open.number}`;
    const priority = open.priority === "urgent" ? "Baixa" : "Urgente";

    const first = await agentOn(path);
    const second = await agentOn(path);

    await choose(first, "Status", "Aguardando cliente");
    await first.getByText("Ocorrência atualizada.").waitFor();
    await first.getByText("Status alterado de em andamento para aguardando cliente").waitFor();

    // The second tab learns of the change through the live stream: new status, new history line.
    await expect
      .poll(() => second.getByRole("combobox", { name: "Status" }).inputValue())
      .toBe("Aguardando cliente");
    await second.getByText("Status alterado de em andamento para aguardando cliente").waitFor();

    // Now current, its own change goes through, and the first tab follows in turn.
    await choose(second, "Prioridade", priority);
    await second.getByText("Prioridade alterada de").waitFor();
    await first.getByText("Prioridade alterada de").waitFor();
    await first.context().close();
    await second.context().close();
  });

  it("refuses a stale change from a tab that missed the live update, explains it and reloads", async () => {
    const api = await signInThroughApi(origin, demo.agent.email);
    const open = TicketPage.parse(await api.get("/api/v1/tickets?status=in_progress&limit=1")).items[0];
    if (!open) throw new Error("the demo data has no ticket in progress");
    const path = `/console/tickets/${open.number}`;
    const priority = open.priority === "urgent" ? "Baixa" : "Urgente";

    const first = await agentOn(path);
    const second = await agentOn(path, { offline: true });

    await choose(first, "Status", "Aguardando cliente");
    await first.getByText("Ocorrência atualizada.").waitFor();
    await first.getByText("Status alterado de em andamento para aguardando cliente").waitFor();

    // The second tab still holds the old version: the server refuses, the page says so and reloads.
    await choose(second, "Prioridade", priority);
    await second.getByRole("alert").getByText("A ocorrência foi recarregada com os dados atuais.").waitFor();
    await expect
      .poll(() => second.getByRole("combobox", { name: "Status" }).inputValue())
      .toBe("Aguardando cliente");

    // Now current, the same change goes through.
    await choose(second, "Prioridade", priority);
    await second.getByText("Prioridade alterada de").waitFor();
    await first.context().close();
    await second.context().close();
  });
});

describe("the console's queue", () => {
  it('shows every company\'s open tickets 25 at a time, with "Carregar mais" for the rest', async () => {
    const customer = await signInThroughApi(origin, demo.customer.email);
    const staff = await signInThroughApi(origin, demo.agent.email);
    const all = async () =>
      QueuePage.parse(await staff.get("/api/v1/console/queue?view=open&limit=100")).items;
    const first = (await all())[0];
    if (!first) throw new Error("the demo data has no open tickets");
    for (let count = (await all()).length; count <= 26; count += 1)
      await customer.post("/api/v1/tickets", {
        categoryId: first.category.id,
        subject: `Ocorrência de carga ${count}`,
        description: "Aberta pelo teste para que a fila tenha mais de uma página.",
        screenCode: "ATW0001",
        exampleRecord: "cliente código 100",
        priority: "low",
      });
    const total = (await all()).length;

    const { page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.agent.email);
    await waitForPath(page, "/console");
    const magnifiers = page.getByRole("link", { name: /^Abrir ocorrência \d+$/ });
    await expect.poll(() => magnifiers.count()).toBe(25);
    await page.getByRole("columnheader", { name: "Empresa" }).waitFor();
    await page.getByRole("button", { name: "Carregar mais" }).click();
    await expect.poll(() => magnifiers.count()).toBe(total);
    expect(await page.getByRole("button", { name: "Carregar mais" }).count()).toBe(0);
    await page.context().close();
  });
});
