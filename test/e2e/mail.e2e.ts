// E-mail end to end, through the real SMTP server of the journeys (support/mail-drop.ts): a customer
// who forgot the password asks for a link, reads it in the e-mail, sets a new password, and the old
// session is gone; an admin finds a failed e-mail in "Caixa de saída", reads why, and sends it again.
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { Me } from "../../src/contracts/auth";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { waitForMail } from "./support/mail-drop";

const origin = inject("origin");
const mailDir = inject("mailDir");
const browser = browserForThisFile();

/** The one-time link an e-mail carries. */
async function linkIn(raw: string): Promise<string> {
  const text = (await simpleParser(raw)).text ?? "";
  const link = /(https?:\/\/\S+\/set-password#token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no link in:\n${text}`);
  return link;
}

async function newCustomer(email: string, name: string): Promise<void> {
  const customerApi = await signInThroughApi(origin, demo.customer.email);
  const company = Me.parse(await customerApi.get("/api/v1/me")).company;
  if (!company) throw new Error("the demo customer has no company");
  const adminApi = await signInThroughApi(origin, demo.admin.email);
  await adminApi.post("/api/v1/users", { name, email, role: "customer", companyId: company.id });
}

async function setPasswordThroughApi(link: string, password: string): Promise<void> {
  const token = new URL(link).hash.replace("#token=", "");
  const response = await fetch(`${origin}/api/v1/auth/set-password`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ token, password }),
  });
  if (response.status !== 204) throw new Error(`set-password answered ${response.status}`);
}

describe("e-mail, end to end", () => {
  it("'Esqueci minha senha': the link read from the e-mail sets a new password and ends the old session", async () => {
    const stamp = Date.now();
    const email = `gustavo.reis.${stamp}@paulistaalimentos.com.br`;
    await newCustomer(email, "Gustavo Reis");
    // The invitation arrives by e-mail; Gustavo sets his first password with it and signs in.
    const invitation = await waitForMail(mailDir, email, /Definir minha senha/);
    await setPasswordThroughApi(await linkIn(invitation), "primeira senha do Gustavo");
    const oldSession = await signInThroughApi(origin, email, "primeira senha do Gustavo");
    expect(Me.parse(await oldSession.get("/api/v1/me")).email).toBe(email);

    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await page.getByRole("link", { name: "Esqueci minha senha" }).click();
    await waitForPath(page, "/forgot-password");
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Enviar link" }).click();
    await page.getByText(`Se houver uma conta ativa com o e-mail ${email}`).waitFor();

    const reset = await waitForMail(mailDir, email, /Nova senha da Extranet/);
    const parsed = await simpleParser(reset);
    expect(parsed.subject).toBe("Nova senha da Extranet UNO");
    expect(parsed.text).toContain("Se não foi você, ignore este e-mail");
    await page.goto(await linkIn(reset));
    await page.getByRole("heading", { name: "Definir senha" }).waitFor();
    await page.getByLabel("Nova senha", { exact: true }).fill("nova senha do Gustavo");
    await page.getByLabel("Repita a nova senha", { exact: true }).fill("nova senha do Gustavo");
    await page.getByRole("button", { name: "Definir senha" }).click();
    await page.getByText("Senha definida. Entre com seu e-mail e a nova senha.").waitFor();
    await signIn(page, email, "nova senha do Gustavo");
    await page.getByRole("navigation").getByRole("link", { name: "Abertura de ocorrência" }).waitFor();
    await saveScreenshot(page, "forgot-password-done");
    await context.close();

    // The session opened with the old password is gone.
    await expect(oldSession.get("/api/v1/me")).rejects.toThrow(/answered 401/);
  });

  it("an admin reads a failed e-mail in 'Caixa de saída' and sends it again", async () => {
    const stamp = Date.now();
    const email = `caixa.cheia.${stamp}@paulistaalimentos.com.br`;
    await newCustomer(email, "Marina Couto");
    const adminApi = await signInThroughApi(origin, demo.admin.email);
    type Page = {
      items: { id: string; to: string; state: string; attempts: number; lastError: string | null }[];
    };
    const failedOne = async () =>
      ((await adminApi.get("/api/v1/admin/outbox?state=failed&limit=100")) as Page).items.find(
        (i) => i.to === email,
      );
    const deadline = Date.now() + 15_000;
    while (!(await failedOne())) {
      if (Date.now() > deadline) throw new Error("the invitation never failed");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const { context, page } = await newPage(browser(), origin);
    await page.goto("/console/outbox?state=failed");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console/outbox");
    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByText("Caixa postal inexistente").waitFor();
    await row.getByRole("button", { name: "Seu acesso à Extranet UNO" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText("Falhou").waitFor();
    await drawer.getByRole("button", { name: "Reenviar" }).click();
    await page.getByText("E-mail colocado de novo na fila de envio.").waitFor();
    await saveScreenshot(page, "outbox-resend");
    await context.close();

    // Sent again: the server refused it once more, for the same reason, after a new attempt.
    const audit = (await adminApi.get("/api/v1/audit?kind=outbox_message")) as {
      items: { action: string }[];
    };
    expect(audit.items.map((entry) => entry.action)).toContain("outbox.resend");
    const again = Date.now() + 15_000;
    for (;;) {
      const mail = await failedOne();
      if (mail && mail.attempts === 1 && mail.lastError?.includes("Caixa postal inexistente")) break;
      if (Date.now() > again) throw new Error(`not attempted again: ${JSON.stringify(mail)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
