// The support policy as a customer reads it, and the admin's deadline simulator across a holiday.
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("support policy and deadlines", () => {
  it("shows a customer its own plan, its deadlines and what consultancy is", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.customer.email);
    await waitForPath(page, "/portal/tickets");
    await page.getByRole("navigation").getByRole("link", { name: "Política de Suporte" }).click();
    await waitForPath(page, "/portal/policy");

    const plan = page.getByRole("region", { name: "Profissional" });
    await plan.getByText("Seu plano").waitFor();
    const normal = plan.getByRole("row", { name: /Normal/ });
    expect(await normal.getByRole("cell").allTextContents()).toEqual([
      "4 h úteis",
      "4 h úteis",
      "24 h úteis",
    ]);
    await plan.getByText("Segunda a sexta, 08:00–12:00 e 13:00–18:00").waitFor();
    // Customers read the zone as they say it, not its IANA id.
    await plan.getByText("Horário de Brasília", { exact: true }).waitFor();
    expect(await page.getByText(/America\/Sao_Paulo/).count()).toBe(0);
    await page.getByRole("heading", { name: "Diferença entre Suporte e Consultoria" }).waitFor();
    await page.getByText(/apesar do produto estar em condições operacionais/).waitFor();
    await saveScreenshot(page, "policy-customer");
    await context.close();
  });

  it("lets the admin simulate a deadline across Tiradentes", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console");
    await page.getByRole("navigation").getByRole("link", { name: "Planos e prazos" }).click();
    await waitForPath(page, "/console/plans");

    const simulator = page.getByRole("region", { name: "Simular prazo" });
    await simulator.getByRole("combobox", { name: "Plano" }).click();
    await page.getByRole("option", { name: "Profissional", exact: true }).click();
    await simulator.getByLabel("Aberta em").fill("2026-04-20T16:00");
    await simulator.getByRole("button", { name: "Simular" }).click();

    await simulator
      .getByRole("region", { name: "Primeira resposta até" })
      .getByText("22/04/2026 10:00", { exact: true })
      .waitFor();
    await simulator
      .getByRole("region", { name: "Solução até" })
      .getByText("24/04/2026 12:00", { exact: true })
      .waitFor();
    await simulator.getByText("Como este prazo foi calculado").first().waitFor();
    await simulator
      .getByText(/Tiradentes/)
      .first()
      .waitFor();
    await saveScreenshot(page, "plans-simulate");
    await context.close();
  });
});
