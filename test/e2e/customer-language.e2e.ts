// A customer signs in, finds the seed's menu and their company, and switches to English for good.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

// The journeys share one demo server: give the account its Portuguese back for the files after this one.
afterAll(async () => {
  const api = await signInThroughApi(origin, demo.customer.email);
  await api.patch("/api/v1/me", { locale: "pt-BR" });
});

const menu = (page: Page) => page.getByRole("navigation");
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe("customer portal in the user's language", () => {
  it("remembers English on the account, not just in the browser", async () => {
    const { context, page } = await newPage(browser(), origin);

    // Signed out, the portal sends the customer to sign in, in Portuguese.
    await page.goto("/");
    await waitForPath(page, "/login");
    await page.getByRole("heading", { name: "Entrar" }).waitFor();
    expect(await htmlLang(page)).toBe("pt-BR");

    await signIn(page, demo.customer.email);
    await waitForPath(page, "/portal/tickets");
    await menu(page).getByRole("link", { name: "Abertura de ocorrência" }).waitFor();
    await menu(page).getByRole("link", { name: "Lista de ocorrências" }).waitFor();
    await page.getByRole("banner").getByText(demo.customer.company).waitFor();
    await page.getByRole("heading", { name: "Olá, Fernanda!" }).waitFor();
    await saveScreenshot(page, "customer-home");

    // Switching language changes the interface at once and is saved on the account.
    const saved = page.waitForResponse(
      (response) => response.url().endsWith("/api/v1/me") && response.request().method() === "PATCH",
    );
    await page.getByLabel("Idioma").selectOption("en");
    expect((await saved).status()).toBe(200);
    await menu(page).getByRole("link", { name: "Open a ticket" }).waitFor();
    await menu(page).getByRole("link", { name: "My company's tickets" }).waitFor();
    expect(await menu(page).getByRole("link", { name: "Abertura de ocorrência" }).count()).toBe(0);
    expect(await htmlLang(page)).toBe("en");

    await page.getByRole("button", { name: "Sign out" }).click();
    await waitForPath(page, "/login");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();

    // Forget the browser's choice: only the account can bring English back.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole("heading", { name: "Entrar" }).waitFor();

    await signIn(page, demo.customer.email);
    await waitForPath(page, "/portal/tickets");
    await menu(page).getByRole("link", { name: "Open a ticket" }).waitFor();
    await page.getByRole("heading", { name: "My company's tickets" }).waitFor();
    expect(await htmlLang(page)).toBe("en");

    await page.getByRole("button", { name: "Sign out" }).click();
    await waitForPath(page, "/login");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("button", { name: "Sign in" }).waitFor();

    // Signed out for real: the portal sends the visitor back to sign in.
    await page.goto("/portal/tickets");
    await waitForPath(page, "/login");
    await context.close();
  });
});
