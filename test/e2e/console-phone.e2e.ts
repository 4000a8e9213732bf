// The console's phone log, calls, merges and links: an agent logs Fernanda Lima's call as a ticket she
// then finds in her list; a call and a related ticket on an existing one; a duplicate merged, and the
// customer sent on to the ticket that continues.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { Ticket } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { field, pickScreen } from "./support/tickets";

const origin = inject("origin");
const browser = browserForThisFile();

const history = (page: Page) => page.getByRole("region", { name: "Histórico" });

async function signedIn(email: string, landing: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto("/login");
  await signIn(page, email);
  await waitForPath(page, landing);
  return page;
}

/** Opens a ticket as Fernanda through the API: the setup the journeys below do not need to click. */
async function customerTicket(subject: string): Promise<Ticket> {
  const fernanda = await signInThroughApi(origin, demo.customer.email);
  const categories = (await fernanda.get("/api/v1/categories")) as { items: { id: string; name: string }[] };
  const category = categories.items.find((item) => item.name === "Faturamento") ?? categories.items[0];
  if (!category) throw new Error("the demo data has no categories");
  return Ticket.parse(
    await fernanda.post("/api/v1/tickets", {
      categoryId: category.id,
      subject,
      description: "Cliquei em Faturar no pedido 45872 e a NF não foi impressa.",
      screenCode: "FAT0002",
      exampleRecord: "pedido 45872",
      priority: "normal",
    }),
  );
}

async function choose(page: Page, label: string, typed: string | null, option: string): Promise<void> {
  const input = page.getByRole("combobox", { name: label });
  if (typed === null) await input.click();
  else await input.fill(typed);
  await page.getByRole("option", { name: option }).click();
}

describe("phone calls in the console", () => {
  it("logs Fernanda Lima's call as a ticket of Paulista, which she finds in her list", async () => {
    const agent = await signedIn(demo.agent.email, "/console");
    await agent.getByRole("navigation").getByRole("link", { name: "Registrar ligação" }).click();
    await agent.getByRole("heading", { name: "Registrar ligação" }).waitFor();

    // Sending it empty marks every field, as the portal's form does.
    await agent.getByRole("button", { name: "Registrar ocorrência" }).click();
    await agent.getByText("Escolha a empresa primeiro.").waitFor();

    await choose(agent, "Empresa", "Paulista", demo.customer.company);
    // Each message changes or goes as its field is filled, before the next submit.
    await expect.poll(() => agent.getByText("Escolha a empresa primeiro.").count()).toBe(0);
    await choose(agent, "Usuário", null, "Fernanda Lima");
    await choose(agent, "Categoria", null, "Faturamento");
    await field.subject(agent).fill("Não imprimiu a NF quando cliquei em Faturar!");
    await field
      .description(agent)
      .fill(
        "Fernanda ligou: ao clicar em Faturar no pedido 45872 a NF-e foi autorizada mas o DANFE não saiu.",
      );
    await pickScreen(agent, "Faturamento de", "FAT0002 – Faturamento de Pedidos");
    await field.exampleRecord(agent).fill("pedido 45872");
    await field.priority(agent, "Alta").click();
    await agent.getByRole("textbox", { name: "Duração da ligação (min)" }).fill("12");
    await expect.poll(() => agent.getByText("Campo obrigatório.").count()).toBe(0);
    await agent.getByRole("button", { name: "Registrar ocorrência" }).click();

    await agent.waitForURL((url) => /^\/console\/tickets\/\d+$/.test(url.pathname));
    const number = Number(new URL(agent.url()).pathname.split("/").at(-1));
    await agent.getByText(`Ocorrência #${number} registrada para Fernanda Lima.`).waitFor();
    await history(agent).getByText("Registrou por telefone: Juliana Prado").waitFor();
    await history(agent).getByText("Ligação registrada (12 min)").waitFor();
    await agent.getByText("Telefone", { exact: true }).waitFor();
    await agent.context().close();

    const fernanda = await signedIn(demo.customer.email, "/portal/tickets");
    await fernanda.getByRole("link", { name: `Abrir ocorrência ${number}` }).click();
    await waitForPath(fernanda, `/portal/tickets/${number}`);
    await fernanda.getByRole("heading", { name: /Não imprimiu a NF quando cliquei em Faturar!/ }).waitFor();
    await history(fernanda).getByText("Registrou por telefone: Juliana Prado").waitFor();
    await history(fernanda).getByText("Ligação registrada (12 min)").waitFor();
    await fernanda.context().close();
  });

  it("logs a call on a ticket and links another; the customer reads the summary and the link", async () => {
    const ticket = await customerTicket("Lote vencido aparece disponível no pedido");
    const related = await customerTicket("Bloqueio automático de lotes vencidos");
    const agent = await signedIn(demo.agent.email, "/console");
    await agent.goto(`/console/tickets/${ticket.number}`);
    await history(agent).waitFor();

    await agent.getByRole("button", { name: "Registrar ligação" }).click();
    const dialog = agent.getByRole("dialog", { name: "Ligação sobre esta ocorrência" });
    await dialog.getByRole("textbox", { name: "Duração (min)" }).fill("7");
    await dialog
      .getByRole("textbox", { name: "Resumo da ligação" })
      .fill("Combinamos **bloquear o lote** L2304.");
    await dialog.getByRole("button", { name: "Registrar ligação" }).click();
    await agent.getByText("Ligação registrada.").waitFor();
    await history(agent).getByText("Ligação registrada (7 min)").waitFor();
    await history(agent).locator("strong", { hasText: "bloquear o lote" }).waitFor();

    await agent.getByRole("textbox", { name: "Vincular ocorrência" }).fill(String(related.number));
    await agent.getByRole("button", { name: "Vincular", exact: true }).click();
    const relatedList = agent.getByRole("region", { name: "Ocorrências vinculadas" });
    await relatedList.getByRole("link", { name: `Ocorrência ${related.number}` }).waitFor();
    await agent.context().close();

    const fernanda = await signedIn(demo.customer.email, "/portal/tickets");
    await fernanda.goto(`/portal/tickets/${ticket.number}`);
    await history(fernanda).locator("strong", { hasText: "bloquear o lote" }).waitFor();
    await expect.poll(() => fernanda.getByText("Em andamento").first().isVisible()).toBe(true);
    const theirList = fernanda.getByRole("region", { name: "Ocorrências vinculadas" });
    await theirList.getByRole("link", { name: `Ocorrência ${related.number}` }).click();
    await waitForPath(fernanda, `/portal/tickets/${related.number}`);
    await history(fernanda).getByText(`Vinculada à ocorrência #${ticket.number}`).waitFor();
    await fernanda.context().close();
  });

  it("merges a duplicate; the customer sees the banner pointing to the ticket that continues", async () => {
    const duplicate = await customerTicket("NF não impressa (liguei de novo)");
    const target = await customerTicket("NF não impressa ao faturar o pedido 45872");
    const agent = await signedIn(demo.agent.email, "/console");
    await agent.goto(`/console/tickets/${duplicate.number}`);
    await history(agent).waitFor();

    await agent.getByRole("button", { name: "Mesclar em…" }).click();
    const dialog = agent.getByRole("dialog", { name: "Mesclar em outra ocorrência" });
    await dialog
      .getByRole("textbox", { name: "Ocorrência que continua (número)" })
      .fill(String(target.number));
    await dialog.getByText(target.subject, { exact: false }).waitFor();
    await dialog.getByRole("button", { name: `Mesclar #${duplicate.number} em #${target.number}` }).click();
    await agent.getByText(`Esta ocorrência foi mesclada na #${target.number} — continue por lá.`).waitFor();
    await history(agent)
      .getByText(`Mesclada na ocorrência #${target.number}, onde o atendimento continua`)
      .waitFor();
    expect(await agent.getByRole("button", { name: "Responder" }).count()).toBe(0);
    await agent.context().close();

    const fernanda = await signedIn(demo.customer.email, "/portal/tickets");
    await fernanda.goto(`/portal/tickets/${duplicate.number}`);
    await fernanda
      .getByText(`Esta ocorrência foi mesclada na #${target.number} — continue por lá.`)
      .waitFor();
    expect(await fernanda.getByRole("button", { name: "Responder" }).count()).toBe(0);
    expect(await fernanda.getByRole("button", { name: "Abrir nova ocorrência vinculada" }).count()).toBe(0);
    await fernanda
      .getByRole("status")
      .getByRole("link", { name: `Ir para a ocorrência #${target.number}` })
      .click();
    await waitForPath(fernanda, `/portal/tickets/${target.number}`);
    await history(fernanda).getByText(`Ocorrência #${duplicate.number} mesclada nesta`).waitFor();
    await fernanda.getByRole("button", { name: "Responder" }).waitFor();
    await fernanda.context().close();
  });
});
