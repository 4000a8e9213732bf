// Staff land in the support console; each side of the app keeps to its own audience.
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("support console", () => {
  it("greets an agent with the console, not the customer menu", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.agent.email);
    await waitForPath(page, "/console");
    await page.getByRole("banner").getByText("Console de atendimento").waitFor();
    await page.getByRole("heading", { name: "Fila" }).waitFor();
    await page.getByText("As ocorrências dos clientes chegam aqui assim que são abertas.").waitFor();
    expect(await page.getByRole("link", { name: "Abertura de ocorrência" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Lista de ocorrências" }).count()).toBe(0);
    await saveScreenshot(page, "console-home");

    // The customer portal is not for staff.
    await page.goto("/portal/tickets");
    await waitForPath(page, "/console");
    await context.close();
  });

  it("sends a customer who opens the console back to the portal", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/console");
    await waitForPath(page, "/login");
    await signIn(page, demo.customerAdmin.email);
    await waitForPath(page, "/portal/tickets");
    await page.getByRole("navigation").getByRole("link", { name: "Lista de ocorrências" }).waitFor();
    await context.close();
  });
});
