// "Categorias e perguntas" end to end: a supervisor writes an answer as a draft and publishes it; a
// customer finds it in the FAQ by typing "nao consigo …" (no accent) and marks it as the answer; a search that
// found nothing shows up in the supervisor's "Buscas sem resposta", and the answer's measures count
// the customer's view and "Isso resolveu meu problema".
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ArticleList, CategoryList } from "../../src/contracts/kb";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { finishedOpening, pickCategory } from "./support/tickets";

const origin = inject("origin");
const browser = browserForThisFile();

const stamp = String(Date.now()).slice(-6);
const QUESTION = `Não consigo transferir saldo entre depósitos (lote ${stamp})`;
const ANSWER = `Use a tela **EST0004 – Transferência entre depósitos** e confira o lote ${stamp}.\n\n- O saldo precisa estar liberado\n- <b>HTML</b> não é exibido`;
// Ranked search answers a sentence with any of its words, so what finds nothing shares no word with the FAQ.
const NOTHING = `zqfatura${stamp} duplicidadex`;

async function signedIn(email: string, landing: string): Promise<Page> {
  const { page } = await newPage(browser(), origin);
  await page.goto("/login");
  await signIn(page, email);
  await waitForPath(page, landing);
  return page;
}

/** What the customer's FAQ lists in Estoque right now (published answers only). */
async function customerQuestions(): Promise<string[]> {
  const api = await signInThroughApi(origin, demo.customer.email);
  const categories = CategoryList.parse(await api.get("/api/v1/categories"));
  const stock = categories.items.find((category) => category.name === "Estoque");
  if (!stock) throw new Error("the demo data has no Estoque category");
  const articles = ArticleList.parse(await api.get(`/api/v1/categories/${stock.id}/articles`));
  return articles.items.map((article) => article.question);
}

const articleRow = (page: Page) => page.getByTestId("kb-article").filter({ hasText: QUESTION });

describe("the knowledge base, written and measured", () => {
  it("goes from a supervisor's draft to a customer's answer and back to the measures", async () => {
    // The supervisor writes a draft in Estoque, watching the preview the server renders.
    const supervisor = await signedIn(demo.supervisor.email, "/console");
    await supervisor.getByRole("navigation").getByRole("link", { name: "Categorias e perguntas" }).click();
    await waitForPath(supervisor, "/console/kb");
    await supervisor.getByRole("button", { name: /^\d+\s*Estoque/ }).click();
    await supervisor.getByRole("heading", { name: "Estoque", level: 2 }).waitFor();
    await supervisor.getByRole("button", { name: "Nova pergunta" }).click();
    const editor = supervisor.getByRole("dialog", { name: "Nova pergunta" });
    await editor.getByRole("textbox", { name: "Pergunta" }).fill(QUESTION);
    await editor.getByRole("textbox", { name: "Resposta (Markdown)" }).fill(ANSWER);
    const preview = editor.getByTestId("kb-preview");
    await preview.locator("strong", { hasText: "EST0004 – Transferência entre depósitos" }).waitFor();
    await preview.getByText("<b>HTML</b> não é exibido").waitFor();
    expect(await preview.locator("b").count()).toBe(0);
    await saveScreenshot(supervisor, "console-kb-editor");
    await editor.getByRole("button", { name: "Salvar" }).click();
    await editor.waitFor({ state: "detached" });
    await articleRow(supervisor).getByText("Rascunho").waitFor();
    await articleRow(supervisor)
      .getByText(/Editada por Carlos Menezes em \d{2}\/\d{2}\/\d{4}/)
      .waitFor();
    expect(await customerQuestions()).not.toContain(QUESTION);

    // Published: now customers read it.
    await articleRow(supervisor).getByRole("button", { name: QUESTION }).click();
    const editing = supervisor.getByRole("dialog", { name: "Editar pergunta" });
    await editing.getByRole("combobox", { name: "Situação" }).click();
    await supervisor.getByRole("option", { name: "Publicada" }).click();
    await editing.getByRole("button", { name: "Salvar" }).click();
    await editing.waitFor({ state: "detached" });
    await articleRow(supervisor).getByText("Publicada").waitFor();
    expect(await customerQuestions()).toContain(QUESTION);

    // The customer searches the FAQ: one search finds nothing, "nao consigo transferir", typed without the accent, finds the answer.
    const customer = await signedIn(demo.customer.email, "/portal/tickets");
    await pickCategory(customer, "Estoque");
    const search = customer.getByRole("searchbox", { name: "Buscar nas perguntas e respostas" });
    await search.fill(NOTHING);
    await customer.getByText("Nenhuma pergunta encontrada.").waitFor();
    await search.fill("nao consigo transferir");
    const viewed = customer.waitForResponse((response) => response.url().endsWith("/views"));
    await customer.getByRole("button", { name: QUESTION }).click();
    expect((await viewed).status()).toBe(200);
    const answer = customer.getByRole("region", { name: QUESTION });
    await answer.locator("strong", { hasText: "EST0004" }).waitFor();
    await finishedOpening(answer);
    await answer.getByRole("button", { name: "Isso resolveu meu problema" }).click();
    await customer.getByRole("heading", { name: "Que bom que resolveu!" }).waitFor();

    // Back in the console: the answer's measures, and the search that found nothing.
    await supervisor.reload();
    await supervisor.getByRole("button", { name: /^\d+\s*Estoque/ }).click();
    const row = articleRow(supervisor);
    await expect.poll(() => row.textContent()).toContain("Visualizações: 1");
    expect(await row.textContent()).toContain("Resolveu: 1");
    expect(await row.textContent()).toContain("Sem ocorrência depois: 100%");
    await saveScreenshot(supervisor, "console-kb-articles");

    await supervisor.getByRole("tab", { name: "Buscas sem resposta" }).click();
    await supervisor.waitForURL((url) => url.searchParams.get("tab") === "unanswered");
    const missed = supervisor.getByRole("row", { name: new RegExp(NOTHING) });
    await missed.waitFor();
    expect(await missed.getByRole("cell").nth(1).textContent()).toBe("1");
    await saveScreenshot(supervisor, "console-kb-unanswered");
  });
});
