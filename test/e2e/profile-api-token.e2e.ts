// A customer creates a personal API token on "Meu perfil", copies the value shown once, uses it from a
// script (fetch, no cookie, no Origin) to list and open tickets, then revokes it and is refused.
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("personal API token on Meu perfil", () => {
  it("is shown once, works from a script without cookie or Origin, and stops at once when revoked", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/profile");
    await waitForPath(page, "/login");
    await signIn(page, demo.customer.email);
    await waitForPath(page, "/profile");
    await page.getByRole("heading", { name: "Tokens de API" }).waitFor();
    await page.getByRole("textbox", { name: "Nome do token" }).fill("Planilha de ocorrências");
    await page.getByRole("checkbox", { name: "tickets:read" }).check({ force: true });
    await page.getByRole("checkbox", { name: "tickets:write" }).check({ force: true });
    await page.getByRole("checkbox", { name: "kb:read" }).check({ force: true });
    // A plain customer is not offered scopes beyond its rights.
    expect(await page.getByRole("checkbox", { name: "users:write" }).count()).toBe(0);
    await page.getByRole("button", { name: "Criar token" }).click();
    await page.getByText("Copie o token agora: ele não será mostrado de novo.", { exact: false }).waitFor();
    const token = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
    expect(token).toMatch(/^ext_[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copiar token" }).waitFor();
    await saveScreenshot(page, "profile-api-token");

    const script = (method: string, path: string, body?: unknown) =>
      fetch(`${origin}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    expect((await script("GET", "/api/v1/tickets")).status).toBe(200);
    const categories = (await (await script("GET", "/api/v1/categories")).json()) as {
      items: { id: string }[];
    };
    const opened = await script("POST", "/api/v1/tickets", {
      categoryId: categories.items[0]?.id,
      subject: "Aberta pela planilha",
      description: "Ocorrência aberta por um script com token pessoal, sem cookie e sem Origin.",
      screenCode: "ATW0001",
      exampleRecord: "cliente código 100",
      priority: "normal",
      attachmentIds: [],
    });
    expect(opened.status).toBe(201);
    // Beyond the customer's rights, whatever the token says: the console is not theirs.
    expect((await script("GET", "/api/v1/console/queue")).status).toBe(404);

    await page.getByRole("button", { name: "Já copiei" }).click();
    await page.getByRole("button", { name: "Revogar", exact: true }).click();
    await page.getByRole("button", { name: "Revogar agora" }).click();
    await page.getByText("Token revogado.").waitFor();
    expect((await script("GET", "/api/v1/tickets")).status).toBe(401);
    await context.close();
  }, 60_000);

  it("lets an admin create a service token under Integrações", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/console");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await page.getByRole("link", { name: "Integrações" }).click();
    // The page opens on its first tab; tokens are the second.
    await waitForPath(page, "/console/integrations/erp");
    await page.getByRole("tab", { name: "Tokens de API" }).click();
    await waitForPath(page, "/console/integrations/tokens");
    await page.getByRole("heading", { name: "Tokens de API de serviço" }).waitFor();
    await page.getByRole("textbox", { name: "Nome do token" }).fill("Painel de BI");
    await page.getByRole("checkbox", { name: "reports:read" }).check({ force: true });
    await page.getByRole("button", { name: "Criar token" }).click();
    const token = (await page.getByTestId("new-api-token").textContent())?.trim() ?? "";
    const compliance = await fetch(`${origin}/api/v1/sla/compliance?month=2026-04`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(compliance.status).toBe(200);
    await page.getByRole("table").getByText("Todas as empresas").waitFor();
    await saveScreenshot(page, "console-service-tokens");
    await context.close();
  }, 60_000);
});
