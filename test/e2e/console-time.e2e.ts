// "Tempo registrado": an agent logs time on a ticket; the supervisor finds the entry and the month's
// totals on /console/time, for the whole team and for the agent alone.
import { DateTime } from "luxon";
import { describe, expect, inject, it } from "vitest";
import { AgentTimeEntryPage, TicketTimeEntries } from "../../src/contracts/billing";
import { CategoryList } from "../../src/contracts/kb";
import { Ticket } from "../../src/contracts/tickets";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

const NOTE = `Conferência dos lançamentos com o cliente ${Date.now()}`;

/** "1,5 h": how the page writes hours in pt-BR. */
const hours = (minutes: number) =>
  `${new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 2 }).format(minutes / 60)} h`;

describe("logged time", () => {
  it("the supervisor sees an agent's time entry and the month's totals", async () => {
    const today = DateTime.now().setZone("America/Sao_Paulo");
    const customerApi = await signInThroughApi(origin, demo.customer.email);
    const categories = CategoryList.parse(await customerApi.get("/api/v1/categories")).items;
    const category = categories.find((candidate) => candidate.name === "Financeiro");
    if (!category) throw new Error("the demo data has no Financeiro category");
    const ticket = Ticket.parse(
      await customerApi.post("/api/v1/tickets", {
        categoryId: category.id,
        subject: "Conciliação bancária não confere com o extrato",
        description: "Lançamentos duplicados na conta Itaú em outubro.",
        screenCode: "FIN0005",
        exampleRecord: "conta Itaú ag. 0912 c/c 45120-3",
        priority: "normal",
      }),
    );

    const agentApi = await signInThroughApi(origin, demo.agent.email);
    const logged = TicketTimeEntries.parse(
      await agentApi.post(`/api/v1/tickets/${ticket.number}/time-entries`, {
        minutes: 45,
        note: NOTE,
        billable: true,
      }),
    );
    const entry = logged.items.find((item) => item.note === NOTE);
    if (!entry) throw new Error("the logged entry is missing");

    const supervisorApi = await signInThroughApi(origin, demo.supervisor.email);
    const from = today.startOf("month").toISODate();
    const to = today.endOf("month").toISODate();
    const team = AgentTimeEntryPage.parse(
      await supervisorApi.get(`/api/v1/console/time-entries?from=${from}&to=${to}&limit=1`),
    ).totals;

    const { page } = await newPage(browser(), origin);
    await page.goto("/console");
    await waitForPath(page, "/login");
    await signIn(page, demo.supervisor.email);
    await waitForPath(page, "/console");
    await page.getByRole("navigation").getByRole("link", { name: "Tempo registrado" }).click();
    await waitForPath(page, "/console/time");

    await expect.poll(() => page.getByTestId("time-total").textContent()).toContain(hours(team.minutes));
    expect(await page.getByTestId("time-billable").textContent()).toContain(hours(team.billableMinutes));
    expect(await page.getByTestId("time-non-billable").textContent()).toContain(
      hours(team.nonBillableMinutes),
    );
    const row = page.getByRole("row", { name: new RegExp(NOTE) });
    await row.getByRole("link", { name: `#${ticket.number}` }).waitFor();
    await row.getByText(today.toFormat("dd/MM/yyyy")).waitFor();
    await row.getByText(entry.user.name).waitFor();
    await row.getByText("45 min").waitFor();
    await row.getByText("faturável", { exact: true }).waitFor();
    await saveScreenshot(page, "console-time-team");

    // The agent alone: the same entry, the agent's own totals.
    await page.getByRole("combobox", { name: "Pessoa" }).click();
    await page.getByRole("option", { name: entry.user.name, exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("user")).toBe(entry.user.id);
    const mine = AgentTimeEntryPage.parse(
      await supervisorApi.get(`/api/v1/console/time-entries?userId=${entry.user.id}&from=${from}&to=${to}`),
    ).totals;
    await expect.poll(() => page.getByTestId("time-total").textContent()).toContain(hours(mine.minutes));
    await page.getByRole("row", { name: new RegExp(NOTE) }).waitFor();
    await page.context().close();
  });
});
