// A customer reads a fresh ticket's deadlines ("Prazos (SLA)") and how the first response's was calculated;
// on the demo's consultancy ticket, customer and staff read why there are none.
import { describe, expect, inject, it } from "vitest";
import { CategoryList } from "../../src/contracts/kb";
import { Ticket, TicketPage } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { seedExample } from "./support/tickets";

const origin = inject("origin");
const browser = browserForThisFile();

/** Opened through the API just now, so its first response is still "no prazo". */
async function openTicket(): Promise<number> {
  const api = await signInThroughApi(origin, demo.customer.email);
  const category = CategoryList.parse(await api.get("/api/v1/categories")).items[0];
  if (!category) throw new Error("the demo data has no category");
  // Only the number: the rest of the ticket is the page's to show.
  const ticket = Ticket.pick({ number: true }).parse(
    await api.post("/api/v1/tickets", {
      categoryId: category.id,
      subject: seedExample.subject,
      description: seedExample.description,
      screenCode: "ATW0001",
      exampleRecord: seedExample.exampleRecord,
      priority: "low",
    }),
  );
  return ticket.number;
}

describe("a ticket's deadlines", () => {
  it("shows the customer its deadlines and how the first response's was calculated", async () => {
    const number = await openTicket();
    const path = `/portal/tickets/${number}`;
    const { context, page } = await newPage(browser(), origin);
    await page.goto(path);
    await waitForPath(page, "/login");
    await signIn(page, demo.customer.email);
    await waitForPath(page, path);

    const deadlines = page.getByRole("region", { name: "Prazos (SLA)" });
    const firstResponse = deadlines.getByRole("listitem").filter({ hasText: "Primeira resposta até" });
    await firstResponse.getByText("no prazo", { exact: true }).waitFor();
    await firstResponse.getByRole("button", { name: "Como este prazo foi calculado" }).click();
    const lines = firstResponse.getByRole("list").getByRole("listitem");
    await lines.first().waitFor();
    expect(await lines.count()).toBeGreaterThan(0);
    await context.close();
  });

  it("says on the demo's consultancy ticket that consultancy has no SLA deadlines, and why", async () => {
    const api = await signInThroughApi(origin, demo.customerAdmin.email);
    const page = TicketPage.parse(await api.get("/api/v1/tickets?q=fluxo%20de%20caixa&limit=20"));
    const consultancy = page.items.find((item) => item.subject.startsWith("Meu fluxo de caixa não bate"));
    if (!consultancy) throw new Error("the demo data has no consultancy ticket");

    for (const [email, path] of [
      [demo.customerAdmin.email, `/portal/tickets/${consultancy.number}`],
      [demo.agent.email, `/console/tickets/${consultancy.number}`],
    ] as const) {
      const { context, page: tab } = await newPage(browser(), origin);
      await tab.goto(path);
      await waitForPath(tab, "/login");
      await signIn(tab, email);
      await waitForPath(tab, path);
      const deadlines = tab.getByRole("region", { name: "Prazos (SLA)" });
      await deadlines.getByText("Consultoria não tem prazos de SLA.").waitFor();
      await deadlines.getByText(/apesar do produto estar em condições operacionais/).waitFor();
      expect(await deadlines.getByRole("listitem").count()).toBe(0);
      // The demo's estimate, approved by the company admin, is in the history.
      await tab.getByText("Orçamento de consultoria aprovado").first().waitFor();
      await saveScreenshot(tab, `consultancy-deadlines-${path.startsWith("/portal") ? "portal" : "console"}`);
      await context.close();
    }
  });
});
