// The sign-in page: its look, the API's messages in Portuguese, and the way back to the page asked for.
import { describe, expect, inject, it } from "vitest";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("sign-in page", () => {
  it("shows the brand, the form and how to get an account", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await page.getByText("Extranet UNO").waitFor();
    await page.getByText("Portal de relacionamento com o cliente").waitFor();
    await page.getByText("Não tem login? Solicite à equipe de suporte UNO.").waitFor();
    expect(await page.title()).toBe("Entrar · Extranet UNO");
    await saveScreenshot(page, "login");

    await page.getByRole("link", { name: "Esqueci minha senha" }).click();
    await waitForPath(page, "/forgot-password");
    await page.getByText("Informe o e-mail da sua conta.").waitFor();
    // The same answer whether or not the e-mail has an account.
    await page.getByLabel("E-mail").fill("ninguem@paulistaalimentos.com.br");
    await page.getByRole("button", { name: "Enviar link" }).click();
    await page
      .getByText(
        "Se houver uma conta ativa com o e-mail ninguem@paulistaalimentos.com.br, enviamos para ele um link",
      )
      .waitFor();
    await saveScreenshot(page, "forgot-password-sent");
    await page.getByRole("link", { name: "Voltar para entrar" }).click();
    await waitForPath(page, "/login");
    await context.close();
  });

  it("says the e-mail or password is wrong, in Portuguese", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.customerAdmin.email, "senha-errada-123");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("E-mail ou senha incorretos.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await saveScreenshot(page, "login-wrong-password");
    await context.close();
  });

  it("puts the API's field messages under the fields", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, "fernanda.lima", "");
    await page.getByText("E-mail inválido.").waitFor();
    await page.getByText("Campo obrigatório.").waitFor();
    await page.getByRole("alert").getByText("Verifique os campos destacados.").waitFor();
    await context.close();
  });

  it("returns to the page the user asked for, and never to another site", async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/profile");
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/profile");
    await signIn(page, demo.customerAdmin.email);
    await waitForPath(page, "/profile");
    await page.getByRole("heading", { name: "Meu perfil" }).waitFor();
    await context.close();

    const second = await newPage(browser(), origin);
    await second.page.goto("/login?next=//evil.example/phish");
    await signIn(second.page, demo.customerAdmin.email);
    await waitForPath(second.page, "/portal/tickets");
    expect(new URL(second.page.url()).origin).toBe(origin);
    await second.context.close();
  });
});
