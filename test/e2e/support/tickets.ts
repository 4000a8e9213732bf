// What a customer does to open a ticket: the seed's example, the steps to the form, the form's fields.
import type { Locator, Page } from "playwright-core";

/** The Support Policy's own example, as the seed tells customers to write it. */
export const seedExample = {
  subject: "E-mail do contato não gravado",
  description:
    "Cadastrei o cliente código 100 através da tela ATW0001 – Atendimento ao Cliente, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
  screenSearch: "Atendimento",
  screenLabel: "ATW0001 – Atendimento ao Cliente",
  exampleRecord: "cliente código 100",
} as const;

export const NOT_FOUND_LINK = "Caso não tenha encontrado a resposta, clique aqui";

export const field = {
  subject: (page: Page) => page.getByRole("textbox", { name: "Assunto" }),
  description: (page: Page) => page.getByRole("textbox", { name: "Descrição" }),
  screen: (page: Page) => page.getByRole("combobox", { name: "Tela do ERP" }),
  exampleRecord: (page: Page) => page.getByRole("textbox", { name: "Registro de exemplo" }),
  priority: (page: Page, label: string) => page.getByRole("radio", { name: new RegExp(`^${label}`) }),
};

/** Menu → "Abertura de ocorrência" → the category's card. */
export async function pickCategory(page: Page, category: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Abertura de ocorrência" }).click();
  await page.getByRole("heading", { name: "Abertura de ocorrência" }).waitFor();
  await page.getByRole("button", { name: new RegExp(`^${category}\\b`) }).click();
  await page.getByRole("heading", { name: `Perguntas e respostas: ${category}` }).waitFor();
}

/**
 * Opens a question of the category's FAQ and returns its answer. The click waits for the list to have
 * settled (`aria-busy` false: no refetch in flight, which on a loaded machine can still be running
 * when the first questions show); the answer is there once its "Isso resolveu" button shows.
 */
export async function openAnswer(page: Page, question: string): Promise<Locator> {
  const control = page.getByRole("button", { name: question });
  await page.locator('[aria-busy="false"]').filter({ has: control }).waitFor();
  await control.click();
  const answer = page.getByRole("region", { name: question });
  await answer.getByRole("button", { name: "Isso resolveu meu problema" }).waitFor();
  await finishedOpening(answer);
  return answer;
}

/**
 * Waits for an answer's panel to finish opening, as a person reads it before clicking in it. While the
 * panel's height still grows its overflow is hidden, and a click scrolls the panel to bring its target
 * into view; the growing panel then scrolls back, and the target moves between the press and the
 * release (traced: a mousedown on "Isso resolveu meu problema", the mouseup on the paragraph above
 * it; one run in twenty, and no click, no request).
 */
export async function finishedOpening(panel: Locator): Promise<void> {
  const handle = await panel.elementHandle();
  await handle.waitForElementState("stable");
  await handle.dispose();
}

/** Types part of the name and picks the screen from the autocomplete's options. */
export async function pickScreen(page: Page, search: string, label: string): Promise<void> {
  await field.screen(page).fill(search);
  await page.getByRole("option", { name: new RegExp(`^${label}`) }).click();
}

export async function fillSeedExample(page: Page): Promise<void> {
  await field.subject(page).fill(seedExample.subject);
  await field.description(page).fill(seedExample.description);
  await pickScreen(page, seedExample.screenSearch, seedExample.screenLabel);
  await field.exampleRecord(page).fill(seedExample.exampleRecord);
  await field.priority(page, "Normal").click();
}

/** After "Abrir ocorrência": the number from "Ocorrência 1042 aberta". */
export async function createdTicketNumber(page: Page): Promise<number> {
  const heading = page.getByRole("heading", { name: /^Ocorrência \d+ aberta$/ });
  await heading.waitFor();
  const match = /\d+/.exec((await heading.textContent()) ?? "");
  if (!match) throw new Error("the confirmation names no ticket number");
  return Number(match[0]);
}
