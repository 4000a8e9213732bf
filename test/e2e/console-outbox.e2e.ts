// E-mail in the browser: an agent answers a customer, the admin finds the e-mail the reply wrote in
// "Caixa de saída" and reads it as it was sent;
// the customer turns the optional e-mails off on "Meu perfil", and the next reply writes none.
import { describe, expect, inject, it } from "vitest";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("e-mail: Caixa de saída and the customer's choices", () => {
  it("shows the e-mail a reply wrote, and writes none once the customer turns them off", async () => {
    const stamp = Date.now();
    const customerApi = await signInThroughApi(origin, demo.customer.email);
    const { number } = (await customerApi.post("/api/v1/tickets", {
      categoryId: ((await customerApi.get("/api/v1/categories")) as { items: { id: string }[] }).items[0]?.id,
      subject: `Boleto ${stamp} não gera`,
      description: "Ao gerar o boleto do pedido 8812 a tela fecha sem mensagem. Favor verificar.",
      screenCode: "ATW0001",
      exampleRecord: "pedido 8812",
      priority: "normal",
      attachmentIds: [],
    })) as { number: number };
    const agentApi = await signInThroughApi(origin, demo.agent.email);
    await agentApi.post(`/api/v1/tickets/${number}/messages`, {
      body: `Bom dia, Fernanda. O boleto ${stamp} foi gerado de novo.`,
    });

    const { context, page } = await newPage(browser(), origin);
    await page.goto("/console/outbox");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console/outbox");
    await page.getByRole("heading", { name: "Caixa de saída" }).waitFor();
    const subject = `[#${number}] Boleto ${stamp} não gera — nova resposta do suporte`;
    await page.getByText(subject).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText(demo.customer.email).waitFor();
    await drawer.getByRole("tab", { name: "Texto" }).click();
    await drawer.getByText(`O boleto ${stamp} foi gerado de novo.`).waitFor();
    await saveScreenshot(page, "outbox-email");
    await context.close();

    // The customer turns "Andamento das ocorrências" off.
    const second = await newPage(browser(), origin);
    await second.page.goto("/profile");
    await waitForPath(second.page, "/login");
    await signIn(second.page, demo.customer.email);
    await waitForPath(second.page, "/profile");
    const toggle = second.page.getByRole("switch", { name: "Andamento das ocorrências" });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await second.page.getByRole("button", { name: "Salvar escolhas" }).click();
    await second.page.getByText("Escolhas de e-mail salvas.").waitFor();
    await second.context.close();

    try {
      await agentApi.post(`/api/v1/tickets/${number}/messages`, { body: `Segunda resposta ${stamp}.` });
      const adminApi = await signInThroughApi(origin, demo.admin.email);
      const page1 = (await adminApi.get("/api/v1/admin/outbox?limit=50")) as {
        items: { subject: string; to: string }[];
      };
      const forTicket = page1.items.filter((item) => item.subject.startsWith(`[#${number}]`));
      expect(forTicket.map((item) => item.to)).toEqual([demo.customer.email, demo.customer.email]);
    } finally {
      // The demo customer keeps her e-mails for the other journeys.
      await customerApi.put("/api/v1/me/notification-preferences", {
        ticket_updates: true,
        estimates: true,
        ticket_activity: true,
        sla_alerts: true,
      });
    }
  });
});
