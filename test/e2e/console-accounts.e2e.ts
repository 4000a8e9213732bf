// Accounts from the browser: the admin registers a company and its first user and copies the one-time
// link; the new user opens it, sets a password and signs in. Then "Pessoas da empresa": while the
// settings keep accounts with the support team, the page says so in the Support Policy's words; once
// company admins may invite, the new company admin invites a colleague and deactivates another.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { withCheckDigits } from "../../src/contracts/cnpj";
import { Settings } from "../../src/contracts/settings";
import { CreatedUser } from "../../src/contracts/users";
import { type ApiSession, signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";

const origin = inject("origin");
const browser = browserForThisFile();

const stamp = Date.now();
const cnpjDigits = withCheckDigits(`${String(stamp % 100_000_000).padStart(8, "0")}0001`);
const cnpjFormatted = `${cnpjDigits.slice(0, 2)}.${cnpjDigits.slice(2, 5)}.${cnpjDigits.slice(5, 8)}/${cnpjDigits.slice(8, 12)}-${cnpjDigits.slice(12)}`;
const companyName = `Laticínios Serra Azul ${stamp} Ltda`;
const firstUser = { name: "Ana Souza", email: `ana.souza.${stamp}@serraazul.com.br` };
const PASSWORD = "queijo minas padrao 2026";

async function setCompanyAdminsMayInvite(admin: ApiSession, allowed: boolean): Promise<void> {
  const current = Settings.parse(await admin.get("/api/v1/settings"));
  const saved = Settings.parse(
    await admin.put("/api/v1/settings", { ...current, companyAdminsMayInvite: allowed }),
  );
  expect(saved.companyAdminsMayInvite).toBe(allowed);
}

async function setPasswordThroughLink(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { name: "Definir senha" }).waitFor();
  await page.getByLabel("Nova senha", { exact: true }).fill(password);
  await page.getByLabel("Repita a nova senha", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Definir senha" }).click();
  await waitForPath(page, "/login");
}

describe("accounts in the console", () => {
  let companyId = "";

  it("the admin registers a company and its first user and copies the link; the user sets a password and signs in", async () => {
    const { context, page } = await newPage(browser(), origin);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await page.goto("/console/companies");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console/companies");
    await page.getByRole("heading", { name: "Empresas" }).waitFor();

    await page.getByRole("button", { name: "Nova empresa" }).click();
    const form = page.getByRole("dialog", { name: "Cadastrar empresa" });
    await form.getByLabel("Razão social").fill(companyName);
    // A wrong check digit is caught on the field before anything is sent.
    await form.getByLabel("CNPJ").fill(`${cnpjDigits.slice(0, 13)}${(Number(cnpjDigits[13]) + 1) % 10}`);
    await form.getByLabel("Cidade").click();
    await form.getByText("CNPJ inválido: confira os dígitos.").waitFor();
    await form.getByLabel("CNPJ").fill(cnpjDigits);
    await form.getByLabel("Cidade").fill("Juiz de Fora");
    expect(await form.getByLabel("CNPJ").inputValue()).toBe(cnpjFormatted);
    await form.getByRole("combobox", { name: "UF" }).fill("MG");
    await page.getByRole("option", { name: "MG", exact: true }).click();
    await form.getByRole("combobox", { name: "Plano de suporte" }).click();
    await page.getByRole("option", { name: "Profissional" }).click();
    await form.getByRole("button", { name: "Cadastrar" }).click();

    await page.waitForURL((url) => url.pathname.startsWith("/console/companies/"));
    companyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await page.getByRole("heading", { name: companyName }).waitFor();
    await page.getByText(`CNPJ ${cnpjFormatted} · Juiz de Fora/MG`).waitFor();
    await page.getByText("Plano: Profissional").waitFor();
    await page.getByText("Nenhuma pessoa cadastrada nesta empresa.").waitFor();
    await page.getByTestId("consultancy-included").getByText("4 h").waitFor();

    // The same CNPJ again is refused on its field.
    await page.goto("/console/companies");
    await page.getByRole("button", { name: "Nova empresa" }).click();
    const again = page.getByRole("dialog", { name: "Cadastrar empresa" });
    await again.getByLabel("Razão social").fill("Outra Empresa Ltda");
    await again.getByLabel("CNPJ").fill(cnpjFormatted);
    await again.getByLabel("Cidade").fill("Santos");
    await again.getByRole("combobox", { name: "UF" }).fill("SP");
    await page.getByRole("option", { name: "SP", exact: true }).click();
    await again.getByRole("button", { name: "Cadastrar" }).click();
    await again.getByText("Já existe uma empresa com este CNPJ.").waitFor();
    await again.getByRole("button", { name: "Cancelar" }).click();

    // Its first user, the company's admin, from the company's page.
    await page.getByRole("textbox", { name: "Buscar por nome ou CNPJ" }).fill(cnpjFormatted);
    await page.getByRole("link", { name: companyName }).click();
    await page.getByRole("button", { name: "Convidar pessoa" }).click();
    const invite = page.getByRole("dialog", { name: "Convidar usuário" });
    await invite.getByLabel("Nome").fill(firstUser.name);
    await invite.getByLabel("E-mail").fill(firstUser.email);
    expect(await invite.getByRole("combobox", { name: "Papel" }).inputValue()).toBe(
      "Administrador da empresa",
    );
    await invite.getByRole("button", { name: "Convidar" }).click();

    const shown = page.getByRole("dialog", { name: "Link para definir a senha" });
    await shown.getByText(`Copie agora e envie a ${firstUser.name}`).waitFor();
    const link = await shown.getByTestId("password-link").inputValue();
    expect(link.startsWith(`${origin}/set-password#token=`)).toBe(true);
    await shown.getByRole("button", { name: "Copiar link" }).click();
    await shown.getByRole("button", { name: "Copiado" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await saveScreenshot(page, "console-accounts-link");
    await shown.getByRole("button", { name: "Fechar" }).click();
    await page.getByText(firstUser.email).waitFor();
    await page.getByText("Aguardando senha").waitFor();
    await context.close();

    // Ana opens the link, chooses a password and signs in to the portal.
    const user = await newPage(browser(), origin);
    await setPasswordThroughLink(user.page, link, PASSWORD);
    await signIn(user.page, firstUser.email, PASSWORD);
    await waitForPath(user.page, "/portal/tickets");
    await user.page.getByRole("banner").getByText(firstUser.name).waitFor();
    await user.context.close();
  });

  it("Pessoas da empresa: the support team's words while invitations are closed; invite and deactivate once they are open", async () => {
    expect(companyId).not.toBe("");
    const admin = await signInThroughApi(origin, demo.admin.email);
    // A colleague with a password, for Ana to deactivate later.
    const colleague = CreatedUser.parse(
      await admin.post("/api/v1/users", {
        name: "Rodrigo Mendes",
        email: `rodrigo.mendes.${stamp}@serraazul.com.br`,
        role: "customer",
        companyId,
      }),
    );
    const token = new URL(colleague.setPasswordLink.url).hash.replace("#token=", "");
    await fetch(`${origin}/api/v1/auth/set-password`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ token, password: PASSWORD }),
    });

    await setCompanyAdminsMayInvite(admin, false);
    try {
      const { context, page } = await newPage(browser(), origin);
      await page.goto("/portal/people");
      await waitForPath(page, "/login");
      await signIn(page, firstUser.email, PASSWORD);
      await waitForPath(page, "/portal/people");
      await page.getByRole("heading", { name: "Pessoas da empresa" }).waitFor();
      await page.getByText("caso não tenha, solicite à equipe de suporte UNO").waitFor();
      await page.getByText("Rodrigo Mendes").waitFor();
      expect(await page.getByRole("button", { name: "Desativar" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Convidar" }).count()).toBe(0);

      await setCompanyAdminsMayInvite(admin, true);
      await page.reload();
      await page.getByRole("heading", { name: "Convidar colega" }).waitFor();
      await page.getByLabel("Nome").fill("Beatriz Lopes");
      await page.getByLabel("E-mail").fill(`beatriz.lopes.${stamp}@serraazul.com.br`);
      await page.getByRole("button", { name: "Convidar" }).click();
      await page.getByText(`Convite registrado para beatriz.lopes.${stamp}@serraazul.com.br.`).waitFor();

      await page.getByRole("button", { name: "Desativar" }).click();
      const confirm = page.getByRole("dialog", { name: "Rodrigo Mendes" });
      await confirm.getByText("Rodrigo Mendes não poderá mais entrar").waitFor();
      await confirm.getByRole("button", { name: "Desativar" }).click();
      await page.getByText("Inativo").waitFor();
      await confirm.waitFor({ state: "hidden" });
      await saveScreenshot(page, "portal-people");
      await context.close();

      // Rodrigo can no longer sign in.
      const login = await fetch(`${origin}/api/v1/auth/login`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ email: colleague.user.email, password: PASSWORD }),
      });
      expect(login.status).toBe(401);
    } finally {
      await setCompanyAdminsMayInvite(admin, false);
    }
  });

  it("Usuários: the admin finds a locked account and unlocks it; the last admin's demotion is refused in words", async () => {
    // Ana mistypes her password until sign-in is locked.
    for (let attempt = 0; attempt < 5; attempt++) {
      await fetch(`${origin}/api/v1/auth/login`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ email: firstUser.email, password: `senha errada ${attempt}` }),
      });
    }
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/console/users");
    await waitForPath(page, "/login");
    await signIn(page, demo.admin.email);
    await waitForPath(page, "/console/users");
    await page.getByRole("textbox", { name: "Buscar por nome ou e-mail" }).fill(firstUser.email);
    // The search answers: only Ana's row under the header.
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.getByText(/^Bloqueado até/).waitFor();
    await page.getByRole("button", { name: `Ações de ${firstUser.name}` }).click();
    await page.getByRole("menuitem", { name: "Desbloquear" }).click();
    await page.getByText(`Acesso de ${firstUser.name} desbloqueado.`).waitFor();
    await page
      .getByRole("row", { name: new RegExp(firstUser.name) })
      .getByText("Ativo")
      .waitFor();
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ email: firstUser.email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);

    // Renata is the only active admin: making herself a supervisor is refused with the reason.
    await page.getByRole("textbox", { name: "Buscar por nome ou e-mail" }).fill("renata");
    await choose(page, "Papel", "Administrador");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    await page.getByRole("button", { name: "Ações de Renata Albuquerque" }).click();
    await page.getByRole("menuitem", { name: "Alterar papel" }).click();
    const dialog = page.getByRole("dialog", { name: "Papel de Renata Albuquerque" });
    await dialog.getByRole("combobox", { name: "Papel" }).click();
    await page.getByRole("option", { name: "Supervisor", exact: true }).click();
    await dialog.getByRole("button", { name: "Salvar" }).click();
    await dialog.getByText(/última conta de administrador ativa/).waitFor();
    await saveScreenshot(page, "console-users-last-admin");
    await context.close();
  });
});

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}
