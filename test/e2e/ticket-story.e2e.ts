// The seed's story end to end: a customer reads the FAQ, opens a ticket with the Support Policy's example,
// finds it with the "lupa"; an agent answers and adds an internal note; the customer reads and replies.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ArticleList, CategoryList } from "../../src/contracts/kb";
import { Ticket, TicketPage } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import {
  createdTicketNumber,
  field,
  fillSeedExample,
  NOT_FOUND_LINK,
  openAnswer,
  pickCategory,
  pickScreen,
  seedExample,
} from "./support/tickets";

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

/** The browser's session cookie, to download as that user outside the page. */
async function cookieHeader(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** The category's questions in the order the API gives them. */
async function questionsOf(categoryName: string): Promise<string[]> {
  const api = await signInThroughApi(origin, demo.customer.email);
  const categories = CategoryList.parse(await api.get("/api/v1/categories"));
  const category = categories.items.find((item) => item.name === categoryName);
  if (!category) throw new Error(`no category named ${categoryName}`);
  const articles = ArticleList.parse(await api.get(`/api/v1/categories/${category.id}/articles`));
  return articles.items.map((article) => article.question);
}

/** Searches the list by number: the ticket comes first (text that merely contains the digits may follow). */
async function findInList(page: Page, number: number): Promise<void> {
  await page.getByRole("searchbox", { name: "Buscar" }).fill(String(number));
  await page.waitForURL((url) => url.searchParams.get("q") === String(number));
  const magnifiers = page.getByRole("link", { name: /^Abrir ocorrência \d+$/ });
  await expect.poll(() => magnifiers.first().getAttribute("aria-label")).toBe(`Abrir ocorrência ${number}`);
}

describe("the seed's ticket story", () => {
  it("goes from the FAQ to a ticket, an agent's answer and the customer's reply", async () => {
    const customer = await signedIn(demo.customer.email, "/portal/tickets");

    // The FAQ comes first, in its order, each answer behind its question.
    const questions = await questionsOf("Cadastros");
    expect(questions.length).toBeGreaterThan(0);
    await pickCategory(customer, "Cadastros");
    for (const question of questions) await customer.getByRole("button", { name: question }).waitFor();
    await openAnswer(customer, questions[0] ?? "");

    // Nothing solved it: on to the form, filled with the Support Policy's example.
    await customer.getByRole("button", { name: NOT_FOUND_LINK }).click();
    await customer.getByRole("heading", { name: "Descreva o problema" }).waitFor();
    expect(await field.description(customer).getAttribute("placeholder")).toBe(seedExample.description);
    await customer.getByText("Sempre informe o código da tela").waitFor();
    await fillSeedExample(customer);
    expect(await field.screen(customer).inputValue()).toBe(seedExample.screenLabel);
    await customer
      .getByRole("region", { name: "Respostas que podem ajudar" })
      .getByRole("button")
      .first()
      .waitFor();
    await saveScreenshot(customer, "ticket-new-form");

    await customer.getByRole("button", { name: "Abrir ocorrência" }).click();
    const number = await createdTicketNumber(customer);
    const confirmation = customer.getByRole("status").filter({ hasText: `Ocorrência ${number} aberta` });
    await confirmation.getByText("Aberta", { exact: true }).waitFor();
    await customer.getByRole("link", { name: `Abrir ocorrência ${number}` }).waitFor();

    // "Lista de ocorrências": search by number, open with the magnifier.
    await customer.getByRole("navigation").getByRole("link", { name: "Lista de ocorrências" }).click();
    await waitForPath(customer, "/portal/tickets");
    await findInList(customer, number);
    await saveScreenshot(customer, "ticket-list");
    await customer.getByRole("link", { name: `Abrir ocorrência ${number}` }).click();
    await waitForPath(customer, `/portal/tickets/${number}`);
    await customer.getByRole("heading", { name: seedExample.subject }).waitFor();
    await customer.getByText(seedExample.exampleRecord, { exact: true }).waitFor();
    await history(customer).getByText("Abriu a ocorrência").waitFor();

    // The agent, in another browser, answers in the console and leaves an internal note.
    const agent = await signedIn(demo.agent.email, "/console");
    await findInList(agent, number);
    await agent.getByRole("link", { name: `Abrir ocorrência ${number}` }).click();
    await waitForPath(agent, `/console/tickets/${number}`);
    const answer = `Olá, Fernanda! Reproduzimos o problema no cliente código 100 (ocorrência ${number}).`;
    await agent.getByRole("textbox", { name: "Resposta" }).fill(answer);
    await agent.getByRole("button", { name: "Responder" }).click();
    await history(agent).getByText(answer).waitFor();
    const note = `Nota só da equipe ${number}: o gatilho de e-mail do contato falha na versão 8.4.`;
    await agent.getByRole("switch", { name: "Nota interna" }).check({ force: true });
    await agent.getByRole("textbox", { name: "Resposta" }).fill(note);
    await agent.getByRole("button", { name: "Salvar nota interna" }).click();
    await history(agent).getByText(note).waitFor();
    await saveScreenshot(agent, "ticket-console");
    await agent.context().close();

    // The customer reads the answer, never the note, and replies.
    await customer.reload();
    await history(customer).getByText(answer).waitFor();
    expect(await customer.getByText(note).count()).toBe(0);
    expect(await customer.content()).not.toContain("gatilho de e-mail");
    const reply = "Obrigada! O contato Bruno é o único sem e-mail; os outros foram gravados.";
    await customer.getByRole("textbox", { name: "Resposta" }).fill(reply);
    await customer.locator('input[type="file"]').setInputFiles({
      name: "contatos-cliente-100.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("contato;email\nBruno;\nCarla;carla@paulistaalimentos.com.br\n"),
    });
    await customer.getByRole("button", { name: "Remover contatos-cliente-100.csv" }).waitFor();
    await expect.poll(() => customer.getByText("Enviando…").count()).toBe(0);
    await customer.getByRole("button", { name: "Responder" }).click();
    await history(customer).getByText(reply).waitFor();
    const download = history(customer).getByRole("link", { name: "Baixar contatos-cliente-100.csv" });
    const file = await fetch(new URL((await download.getAttribute("href")) ?? "", origin), {
      headers: { cookie: await cookieHeader(customer) },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(await customer.getByRole("textbox", { name: "Resposta" }).inputValue()).toBe("");
    await saveScreenshot(customer, "ticket-page");
    await customer.context().close();
  });

  it("thanks the customer and shows no form when an answer solved the problem", async () => {
    const questions = await questionsOf("Fiscal");
    const question = questions[0];
    if (!question) throw new Error("the Fiscal category has no answers");
    const page = await signedIn(demo.customer.email, "/portal/tickets");
    await pickCategory(page, "Fiscal");
    const answer = await openAnswer(page, question);
    const marked = page.waitForResponse((response) => response.url().endsWith("/helpful"));
    await answer.getByRole("button", { name: "Isso resolveu meu problema" }).click();
    expect((await marked).status()).toBe(200);
    await page.getByText("Que bom que resolveu!").waitFor();
    expect(await page.getByRole("button", { name: NOT_FOUND_LINK }).count()).toBe(0);
    expect(await page.getByRole("textbox", { name: "Assunto" }).count()).toBe(0);
    await page.context().close();
  });

  it("keeps everything typed when the form is refused, and says why under each field", async () => {
    const page = await signedIn(demo.customer.email, "/portal/tickets");
    await pickCategory(page, "Cadastros");
    await page.getByRole("button", { name: NOT_FOUND_LINK }).click();

    // Every field is required, checked before anything is sent.
    await page.getByRole("button", { name: "Abrir ocorrência" }).click();
    await expect.poll(() => page.getByText("Campo obrigatório.").count()).toBe(5);

    // Each message goes as soon as its field is valid, without another submit; a too-short subject
    // changes its message instead, and a field not yet touched stays marked.
    await field.subject(page).fill("Erro");
    await page.getByText("Deve ter pelo menos 5 caracteres.").waitFor();
    await field.subject(page).fill(seedExample.subject);
    await expect.poll(() => field.subject(page).getAttribute("aria-invalid")).not.toBe("true");
    await expect.poll(() => page.getByText("Campo obrigatório.").count()).toBe(4);
    await field.description(page).fill(seedExample.description);
    await expect.poll(() => page.getByText("Campo obrigatório.").count()).toBe(3);
    // Typing does not move the focus to the next marked field.
    expect(await field.description(page).evaluate((element) => element === document.activeElement)).toBe(
      true,
    );

    // A well-formed code that is not in the catalog: only the server knows, and says so under the field.
    await fillSeedExample(page);
    expect(await page.getByText("Campo obrigatório.").count()).toBe(0);
    await field.screen(page).fill("ZZZ9999");
    const refused = page.waitForResponse(
      (response) => response.url().endsWith("/api/v1/tickets") && response.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Abrir ocorrência" }).click();
    expect((await refused).status()).toBe(400);
    await page.getByText("Tela não encontrada no catálogo.").waitFor();
    await page.getByRole("alert").getByText("Verifique os campos destacados.").waitFor();
    expect(await field.subject(page).inputValue()).toBe(seedExample.subject);
    expect(await field.description(page).inputValue()).toBe(seedExample.description);
    expect(await field.screen(page).inputValue()).toBe("ZZZ9999");
    expect(await field.exampleRecord(page).inputValue()).toBe(seedExample.exampleRecord);
    expect(await field.priority(page, "Normal").getAttribute("aria-checked")).toBe("true");

    // A program renamed .png is refused by the server, with its reason beside the file.
    await page.locator('input[type="file"]').setInputFiles({
      name: "tela.png",
      mimeType: "image/png",
      buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(512, 0x90)]),
    });
    await page.getByText("Tipo de arquivo não permitido").waitFor();
    await page.getByRole("button", { name: "Remover tela.png" }).click();

    // Corrected, the same typing goes through; the server's message goes once the field is edited.
    await pickScreen(page, "ATW0001", seedExample.screenLabel);
    await expect.poll(() => page.getByText("Tela não encontrada no catálogo.").count()).toBe(0);
    await page.getByRole("button", { name: "Abrir ocorrência" }).click();
    await createdTicketNumber(page);
    await page.context().close();
  });

  it("offers a new linked ticket when a resolved one can no longer be reopened", async () => {
    const api = await signInThroughApi(origin, demo.customer.email);
    const resolved = TicketPage.parse(await api.get("/api/v1/tickets?status=resolved&limit=100"));
    const tickets = await Promise.all(
      resolved.items.map(async (item) => Ticket.parse(await api.get(`/api/v1/tickets/${item.number}`))),
    );
    const closed = tickets.find(
      (ticket) => ticket.reopenUntil !== null && Date.parse(ticket.reopenUntil) < Date.now(),
    );
    if (!closed) throw new Error("the demo data has no resolved ticket past its reopening window");

    const page = await signedIn(demo.customer.email, "/portal/tickets");
    await page.goto(`/portal/tickets/${closed.number}`);
    await page.getByText("Esta ocorrência não pode mais ser reaberta").waitFor();
    expect(await page.getByRole("textbox", { name: "Resposta" }).count()).toBe(0);
    await page.getByRole("link", { name: "Abrir nova ocorrência vinculada" }).click();
    await waitForPath(page, "/portal/new");
    await page.getByText(`Esta ocorrência ficará vinculada à ocorrência ${closed.number}.`).waitFor();

    await fillSeedExample(page);
    const created = page.waitForResponse(
      (response) => response.url().endsWith("/api/v1/tickets") && response.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Abrir ocorrência" }).click();
    const request: unknown = (await created).request().postDataJSON();
    expect(request).toMatchObject({ categoryId: closed.categoryId, relatedTicketNumber: closed.number });
    const number = await createdTicketNumber(page);
    await page.getByRole("link", { name: `Abrir ocorrência ${number}` }).click();
    await page.getByRole("link", { name: `Ocorrência ${closed.number}` }).waitFor();
    await page.context().close();
  });
});
