// Working a ticket in the console: answering with a canned response inserted by keystroke, seeing a
// colleague on the same ticket, and a change refused because someone else changed the ticket first.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Ticket } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

/** A fresh ticket from Fernanda (Distribuidora Paulista, plan Profissional), opened through the API. */
async function customerTicket(subject: string): Promise<number> {
  const customer = await signInThroughApi(origin, demo.customer.email);
  const staff = await signInThroughApi(origin, demo.agent.email);
  const categories = (await staff.get("/api/v1/categories")) as { items: { id: string }[] };
  const categoryId = categories.items[0]?.id;
  if (!categoryId) throw new Error("the demo data has no categories");
  const ticket = Ticket.parse(
    await customer.post("/api/v1/tickets", {
      categoryId,
      subject,
      description: "Cliquei em Faturar no pedido 5521 e a nota fiscal não foi impressa. Favor verificar.",
      screenCode: "ATW0001",
      exampleRecord: "pedido 5521",
      priority: "normal",
    }),
  );
  return ticket.number;
}

async function signedInOn(email: string, path: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto(path);
  await waitForPath(page, "/login");
  await signIn(page, email);
  await waitForPath(page, path);
  await page.getByRole("heading", { name: "Histórico" }).waitFor();
  return page;
}

describe("working a ticket in the console", () => {
  it("an agent answers with a canned response: inserted by keystroke, filled in, sent, read by the customer", async () => {
    const number = await customerTicket("Nota fiscal não imprimiu ao faturar");
    const agent = await signedInOn(demo.agent.email, `/console/tickets/${number}`);

    const reply = agent.getByRole("textbox", { name: "Resposta" });
    await reply.click();
    await reply.fill("Olá!\n");
    // Ctrl+Shift+R opens the picker, even while typing (and does not reload the page).
    await agent.keyboard.press("Control+Shift+R");
    const picker = agent.getByRole("dialog", { name: "Inserir resposta pronta" });
    await picker.getByRole("textbox", { name: "Buscar resposta pronta" }).fill("exemplo");
    await picker.getByRole("option", { name: /Solicitar exemplo/, selected: true }).waitFor();
    await agent.keyboard.press("Enter");
    await picker.waitFor({ state: "hidden" });

    // The placeholders came back filled in for this ticket, after what was already written.
    await expect.poll(() => reply.inputValue()).toContain("Olá, Fernanda!");
    const text = await reply.inputValue();
    expect(text.startsWith("Olá!\nOlá, Fernanda!")).toBe(true);
    expect(text).toContain(`Para analisarmos a ocorrência ${number}`);
    expect(text).toContain("prazos do seu plano Profissional");
    expect(text).not.toMatch(/\{(cliente|nome|ocorrencia|plano)\}/);

    // Still editable before sending; "\" at the start of a line opens the picker again.
    await reply.press("Control+End");
    await reply.type("\n\\");
    await picker.waitFor();
    await agent.keyboard.press("Escape");
    await picker.waitFor({ state: "hidden" });
    expect(await reply.inputValue()).not.toMatch(/\\$/);
    await reply.type("Obrigada!");

    await agent.getByRole("button", { name: "Responder" }).click();
    await agent.getByText("Resposta enviada.").waitFor();
    await agent.context().close();

    const customer = await signedInOn(demo.customer.email, `/portal/tickets/${number}`);
    await customer.getByText(`Para analisarmos a ocorrência ${number}`).waitFor();
    await customer.getByText("Olá, Fernanda!").waitFor();
    await customer.getByText("Obrigada!").waitFor();
    await customer.context().close();
  });

  it("a second agent sees the first one viewing, then replying, then gone", async () => {
    const number = await customerTicket("Cadastro de cliente não grava o e-mail");
    const path = `/console/tickets/${number}`;
    const juliana = await signedInOn(demo.agent.email, path);
    const carlos = await signedInOn(demo.supervisor.email, path);

    const presence = (page: Page) => page.getByRole("region", { name: "Na ocorrência agora" });
    await presence(carlos).getByText("Juliana Prado está vendo").waitFor();
    await presence(juliana).getByText("Carlos Menezes está vendo").waitFor();

    await juliana.getByRole("textbox", { name: "Resposta" }).fill("Verificando o cadastro…");
    await presence(carlos).getByText("Juliana Prado está respondendo").waitFor({ timeout: 15_000 });

    // Juliana leaves the ticket: Carlos no longer sees her.
    await juliana.getByRole("link", { name: "Fila" }).first().click();
    await waitForPath(juliana, "/console");
    await presence(carlos).waitFor({ state: "detached", timeout: 15_000 });
    await juliana.context().close();
    await carlos.context().close();
  });

  it("a stale change says who changed what meanwhile, reloads, and applies again on request", async () => {
    const number = await customerTicket("Relatório de vendas com total errado");
    const path = `/console/tickets/${number}`;
    // Juliana's live connection is down: her page does not learn of Carlos's change by itself.
    const { page: juliana } = await newPage(browser(), origin);
    await juliana.route("**/api/v1/events", (route) => route.abort());
    await juliana.goto(path);
    await waitForPath(juliana, "/login");
    await signIn(juliana, demo.agent.email);
    await waitForPath(juliana, path);
    await juliana.getByRole("heading", { name: "Histórico" }).waitFor();

    const carlos = await signInThroughApi(origin, demo.supervisor.email);
    const seen = Ticket.parse(await carlos.get(`/api/v1/tickets/${number}`));
    await carlos.patch(`/api/v1/tickets/${number}`, { version: seen.version, status: "in_progress" });

    await juliana.getByRole("button", { name: "Atribuir a mim" }).click();
    const alert = juliana
      .getByRole("alert")
      .filter({ hasText: "Enquanto você editava, a ocorrência mudou:" });
    await alert.getByText("Carlos Menezes: Status alterado de aberta para em andamento").waitFor();
    await alert.getByText("A ocorrência foi recarregada com os dados atuais.").waitFor();
    await expect
      .poll(() => juliana.getByRole("combobox", { name: "Status" }).inputValue())
      .toBe("Em andamento");

    await alert.getByRole("button", { name: "Reaplicar minha alteração" }).click();
    await juliana.getByText("Atribuída a Juliana Prado").waitFor();
    await expect
      .poll(() => juliana.getByRole("combobox", { name: "Responsável" }).inputValue())
      .toBe("Juliana Prado");
    expect(await alert.count()).toBe(0);
    await juliana.context().close();
  });

  it("keyboard shortcuts: ? lists them, a assigns to me, n starts an internal note, r a reply", async () => {
    const number = await customerTicket("Boleto gerado com vencimento errado");
    const agent = await signedInOn(demo.agent.email, `/console/tickets/${number}`);

    await agent.keyboard.press("Shift+?");
    const help = agent.getByRole("dialog", { name: "Atalhos de teclado" });
    await help.getByRole("cell", { name: "Atribuir a mim" }).waitFor();
    await help.getByRole("cell", { name: "Inserir resposta pronta" }).waitFor();
    await agent.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });

    await agent.keyboard.press("a");
    await agent.getByText("Ocorrência atribuída a você.").waitFor();
    await expect
      .poll(() => agent.getByRole("combobox", { name: "Responsável" }).inputValue())
      .toBe("Juliana Prado");

    await agent.keyboard.press("n");
    await expect.poll(() => agent.getByRole("switch", { name: "Nota interna" }).isChecked()).toBe(true);
    // The key that chose the note was not typed into it.
    await agent.keyboard.type("Falar com @carlos.menezes");
    expect(await agent.getByRole("textbox", { name: "Resposta" }).inputValue()).toBe(
      "Falar com @carlos.menezes",
    );
    await agent.getByRole("button", { name: "Salvar nota interna" }).click();
    await agent.getByText("Nota interna salva.").waitFor();
    await agent.locator(".mention", { hasText: "@carlos.menezes" }).waitFor();

    await agent.locator("body").click({ position: { x: 5, y: 300 } });
    await agent.keyboard.press("r");
    await expect.poll(() => agent.getByRole("switch", { name: "Nota interna" }).isChecked()).toBe(false);
    await expect
      .poll(() => agent.evaluate(() => document.activeElement?.getAttribute("placeholder")))
      .toBe("Escreva a resposta ao cliente.");
    await agent.context().close();
  });
});
