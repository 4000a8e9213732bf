// A new customer account gets its password through the one-time link the support team hands over.
import { describe, expect, inject, it } from "vitest";
import { CompanyPage } from "../../src/contracts/companies";
import { CreatedUser } from "../../src/contracts/users";
import { signInThroughApi } from "./support/api";
import { browserForThisFile, newPage } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

describe("set password by one-time link", () => {
  it("lets a new customer choose a password and sign in with it", async () => {
    const admin = await signInThroughApi(origin, demo.admin.email);
    const companies = CompanyPage.parse(await admin.get("/api/v1/companies"));
    const company = companies.items.find((item) => item.name === demo.customer.company);
    if (!company) throw new Error(`demo company ${demo.customer.company} is missing`);
    const email = `patricia.gomes.${Date.now()}@paulistaalimentos.com.br`;
    const created = CreatedUser.parse(
      await admin.post("/api/v1/users", {
        name: "Patrícia Gomes",
        email,
        role: "customer",
        companyId: company.id,
      }),
    );
    const link = created.setPasswordLink.url;
    expect(link.startsWith(`${origin}/set-password#token=`)).toBe(true);

    const { context, page } = await newPage(browser(), origin);
    await page.goto(link);
    await page.getByRole("heading", { name: "Definir senha" }).waitFor();
    // The secret leaves the address bar once read.
    await page.waitForURL((url) => url.pathname === "/set-password" && url.hash === "");

    const password = "pao de queijo com cafe";
    await page.getByLabel("Nova senha", { exact: true }).fill("curta");
    await page.getByLabel("Repita a nova senha", { exact: true }).fill("curta");
    await page.getByRole("button", { name: "Definir senha" }).click();
    await page.getByText("Deve ter pelo menos 10 caracteres.").waitFor();
    await page
      .getByText("Pelo menos 10 caracteres. Uma frase é mais fácil de lembrar e mais segura.")
      .waitFor();

    await page.getByLabel("Nova senha", { exact: true }).fill(password);
    await page.getByLabel("Repita a nova senha", { exact: true }).fill(`${password}!`);
    await page.getByRole("button", { name: "Definir senha" }).click();
    await page.getByText("As senhas não conferem.").waitFor();

    await page.getByLabel("Repita a nova senha", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Definir senha" }).click();
    await waitForPath(page, "/login");
    await page.getByText("Senha definida. Entre com seu e-mail e a nova senha.").waitFor();

    await signIn(page, email, password);
    await waitForPath(page, "/portal/tickets");
    await page.getByRole("navigation").getByRole("link", { name: "Abertura de ocorrência" }).waitFor();
    await page.getByRole("banner").getByText("Patrícia Gomes").waitFor();
    await context.close();

    // The link works once.
    const again = await newPage(browser(), origin);
    await again.page.goto(link);
    await again.page.getByRole("heading", { name: "Definir senha" }).waitFor();
    await again.page.getByLabel("Nova senha", { exact: true }).fill(password);
    await again.page.getByLabel("Repita a nova senha", { exact: true }).fill(password);
    await again.page.getByRole("button", { name: "Definir senha" }).click();
    await again.page
      .getByRole("alert")
      .getByText("Este link é inválido, já foi usado ou expirou. Peça um novo à equipe de suporte.")
      .waitFor();
    await again.context.close();
  });
});
