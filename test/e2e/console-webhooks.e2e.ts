// Integrações → Webhooks: an admin registers an endpoint (a receiver on this machine), copies the
// signing secret the console shows once, a customer opens a ticket, and the receiver gets one signed
// `ticket.created` that the secret verifies; the endpoint's "Entregas" then lists it as delivered,
// with the receiver's answer. Its own server: only it may call an address on this machine.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { type RunningServer, startServer } from "./support/server";
import { seedExample } from "./support/tickets";

const browser = browserForThisFile();

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("webhooks in the console", () => {
  let receiver: WebhookReceiver;
  let server: RunningServer;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startServer({ WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("registers an endpoint, shows its secret once, and lists the signed delivery of a new ticket", async () => {
    const { context, page } = await newPage(browser(), server.origin);
    await page.goto("/console");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await page.getByRole("link", { name: "Integrações" }).click();
    await waitForPath(page, "/console/integrations/erp");
    await page.getByRole("tab", { name: "Webhooks" }).click();
    await waitForPath(page, "/console/integrations/webhooks");
    await page.getByText("Nenhum webhook cadastrado.").waitFor();

    await page.getByRole("button", { name: "Novo webhook" }).click();
    await page.getByRole("textbox", { name: "Endereço (URL)" }).fill(receiver.url);
    await page.getByRole("checkbox", { name: "Ocorrência aberta" }).check({ force: true });
    await page.getByRole("button", { name: "Cadastrar" }).click();
    const secret = await page.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Fechar" }).click();
    const row = page
      .getByRole("table", { name: "Webhooks" })
      .getByRole("row")
      .filter({ hasText: receiver.url });
    await row.getByText("Nenhuma entrega ainda").waitFor();

    // A customer opens a ticket, as the portal's form does.
    const customer = await signInThroughApi(server.origin, demo.customer.email);
    const categories = (await customer.get("/api/v1/categories")) as { items: { id: string }[] };
    const screens = (await customer.get("/api/v1/screens?q=ATW0001")) as { items: { code: string }[] };
    const opened = (await customer.post("/api/v1/tickets", {
      categoryId: categories.items[0]?.id,
      subject: seedExample.subject,
      description: seedExample.description,
      screenCode: screens.items[0]?.code,
      exampleRecord: seedExample.exampleRecord,
      priority: "normal",
    })) as { number: number };

    const hit = await until("the webhook", () => receiver.received[0]);
    const payload = new Webhook(secret).verify(hit.body, hit.headers) as {
      type: string;
      data: { ticket: { number: number } };
    };
    expect(payload.type).toBe("ticket.created");
    expect(payload.data.ticket.number).toBe(opened.number);

    // The panel says the last delivery went through; its list shows it with the receiver's answer.
    await page.reload();
    await row.getByText("OK (204)").waitFor();
    await row.getByRole("link", { name: "Entregas" }).click();
    await page.getByRole("heading", { name: `Entregas para ${receiver.url}` }).waitFor();
    const delivery = page
      .getByRole("table", { name: "Entregas" })
      .getByRole("row")
      .filter({ hasText: "Ocorrência aberta" });
    await delivery.getByText("Entregue").waitFor();
    await delivery.getByRole("cell", { name: "204", exact: true }).waitFor();
    await saveScreenshot(page, "console-webhook-deliveries");
    expect(receiver.received).toHaveLength(1);
    await context.close();
  }, 90_000);
});
