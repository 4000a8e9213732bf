// "Suporte UNO ERP": a tiny ERP page served here shows the link; clicking it lands the customer
// signed in on "Abertura de ocorrência", the screen's FAQ first and the form filled with the screen
// and the record. The same link again, an expired one, a tampered one, one for another company's
// user and one of an unknown installation each land on the sign-in page saying why.
import { generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ErpLinkRequest, signErpToken } from "../../src/server/modules/erp-link/sign-link";
import { type ApiSession, signInThroughApi } from "./support/api";
import { browserForThisFile, newPage, saveScreenshot } from "./support/browser";
import { demo, signIn, waitForPath } from "./support/journeys";
import { field, NOT_FOUND_LINK } from "./support/tickets";

const origin = inject("origin");
const browser = browserForThisFile();
const PAULISTA_CNPJ = "11222333000181";

/** The ERP's home screen: "Suporte UNO ERP" on the right, pointing at whatever link the test set. */
function startErp(): { server: Server; setLink: (link: string) => void; url: () => string } {
  let link = "";
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="pt-BR"><head><title>UNO ERP</title></head>
<body><main style="display:flex;justify-content:space-between"><h1>UNO ERP – Atendimento ao Cliente (ATW0001)</h1>
<aside><a id="suporte" href="${link.replace(/"/g, "&quot;")}">Suporte UNO ERP</a></aside></main></body></html>`);
  });
  server.listen(0, "127.0.0.1");
  return {
    server,
    setLink: (next) => {
      link = next;
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  };
}

describe("the ERP link", () => {
  const erp = startErp();
  let admin: ApiSession;
  let hs: { id: string; secret: string };
  let ed: { id: string; privateKey: string };

  const linkOf = async (
    request: Partial<ErpLinkRequest> & Pick<ErpLinkRequest, "installationId" | "algorithm" | "key">,
  ) =>
    `${origin}/sso/erp?token=${await signErpToken({ email: demo.customer.email, cnpj: PAULISTA_CNPJ, ...request })}`;
  const hsLink = (request: Partial<ErpLinkRequest> = {}) =>
    linkOf({ installationId: hs.id, algorithm: "HS256", key: hs.secret, ...request });

  beforeAll(async () => {
    if (!erp.server.listening) await once(erp.server, "listening");
    admin = await signInThroughApi(origin, demo.admin.email);
    const companies = (await admin.get("/api/v1/companies?q=Paulista")) as {
      items: { id: string; cnpj: string }[];
    };
    const company = companies.items.find((item) => item.cnpj === PAULISTA_CNPJ);
    if (!company) throw new Error("the demo company is missing");
    const created = (await admin.post("/api/v1/integrations/erp-installations", {
      name: "UNO ERP – matriz",
      companyId: company.id,
      algorithm: "HS256",
      createsUsers: false,
    })) as { id: string; secret: string };
    hs = created;
    const pair = generateKeyPairSync("ed25519");
    const edCreated = (await admin.post("/api/v1/integrations/erp-installations", {
      name: "UNO ERP – filial",
      companyId: company.id,
      algorithm: "EdDSA",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
      createsUsers: false,
    })) as { id: string };
    ed = {
      id: edCreated.id,
      privateKey: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
    // ATW0001 opens on "Cadastros" ("Telas do ERP").
    const categories = (await admin.get("/api/v1/categories")) as { items: { id: string; name: string }[] };
    const cadastros = categories.items.find((category) => category.name === "Cadastros");
    await admin.patch("/api/v1/screens/ATW0001", { categoryId: cadastros?.id });
  });
  afterAll(async () => {
    erp.server.close();
  });

  /** Opens the ERP page in a fresh browser, clicks "Suporte UNO ERP", and returns the page. */
  const clickFromErp = async (link: string, reuse?: Awaited<ReturnType<typeof newPage>>) => {
    erp.setLink(link);
    const opened = reuse ?? (await newPage(browser(), origin));
    await opened.page.goto(erp.url());
    await opened.page.getByRole("link", { name: "Suporte UNO ERP" }).click();
    return opened;
  };
  const expectRefusal = async (opened: Awaited<ReturnType<typeof newPage>>, text: string) => {
    await waitForPath(opened.page, "/login");
    const alert = opened.page.getByTestId("erp-refusal");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(text);
    expect(new URL(opened.page.url()).search).toMatch(/^\?erp=/);
  };

  it("lands signed in on the screen's FAQ, then the form with the screen and the record filled in (EdDSA)", async () => {
    const link = await linkOf({
      installationId: ed.id,
      algorithm: "EdDSA",
      key: ed.privateKey,
      screen: "ATW0001",
      record: "cliente código 100",
    });
    const opened = await clickFromErp(link);
    const { page } = opened;
    await waitForPath(page, "/portal/new");
    await page.getByRole("heading", { name: "Perguntas e respostas: Cadastros" }).waitFor();
    await page.getByText("Como cadastrar os contatos de um cliente que recebem o XML e o boleto?").waitFor();
    await saveScreenshot(page, "erp-link-faq");
    await page.getByRole("button", { name: NOT_FOUND_LINK }).click();
    await page.getByRole("heading", { name: "Descreva o problema" }).waitFor();
    expect(await field.screen(page).inputValue()).toBe("ATW0001");
    expect(await field.exampleRecord(page).inputValue()).toBe("cliente código 100");
    await saveScreenshot(page, "erp-link-form");

    // The same link again: already used, even though this browser is signed in.
    await clickFromErp(link, opened);
    await expectRefusal(opened, "já foi utilizado");
    await page.getByRole("link", { name: /^Continuar como / }).waitFor();
    await saveScreenshot(page, "erp-link-used");
    await opened.context.close();
  });

  it("opens the ticket list for a link without a screen (HS256)", async () => {
    const opened = await clickFromErp(await hsLink());
    await waitForPath(opened.page, "/portal/tickets");
    await opened.context.close();
  });

  it("refuses an expired link", async () => {
    const opened = await clickFromErp(await hsLink({ issuedAt: Date.now() - 10 * 60_000 }));
    await expectRefusal(opened, "expirou");
    // The normal sign-in is right there.
    await opened.page.getByRole("button", { name: "Entrar" }).waitFor();
    await saveScreenshot(opened.page, "erp-link-expired");
    await opened.context.close();
  });

  it("refuses a tampered link", async () => {
    const [header, payload, signature] = (await hsLink()).split("token=")[1]?.split(".") ?? [];
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, email: demo.customerAdmin.email })).toString(
      "base64url",
    );
    const opened = await clickFromErp(`${origin}/sso/erp?token=${header}.${forged}.${signature}`);
    await expectRefusal(opened, "assinatura do link não confere");
    await opened.context.close();
  });

  it("refuses a link for another company's user", async () => {
    const opened = await clickFromErp(await hsLink({ email: "ana.rocha@valedoaco.ind.br" }));
    await expectRefusal(opened, "não corresponde a um usuário ativo desta empresa");
    await opened.context.close();
  });

  it("refuses a link of an unknown installation", async () => {
    const opened = await clickFromErp(
      await hsLink({ installationId: "0193a1b2-0000-7000-8000-00000000dead" }),
    );
    await expectRefusal(opened, "não está cadastrada");
    await opened.context.close();
  });

  it('lets the admin register an installation in "Integrações", see its secret once, and revoke it', async () => {
    const { context, page } = await newPage(browser(), origin);
    await page.goto("/login");
    await signIn(page, demo.admin.email);
    await page.getByRole("navigation").getByRole("link", { name: "Integrações" }).click();
    await waitForPath(page, "/console/integrations/erp");
    await page.getByRole("heading", { name: "Instalações do ERP" }).waitFor();
    await page.getByRole("button", { name: "Nova instalação" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nome").fill("ERP do teste de navegador");
    await dialog
      .getByRole("textbox", { name: "Empresa" })
      .or(dialog.getByRole("combobox", { name: "Empresa" }))
      .first()
      .fill("Paulista");
    await page.getByRole("option", { name: demo.customer.company }).click();
    await dialog.getByRole("button", { name: "Salvar" }).click();
    const secret = page.getByTestId("erp-secret");
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThanOrEqual(43);
    await saveScreenshot(page, "erp-installation-secret");
    await page.getByRole("dialog").getByRole("button", { name: "Fechar" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    const row = page.getByRole("row", { name: /ERP do teste de navegador/ });
    await row.getByText("Nunca usada").waitFor();
    await row.getByText("Ativa").waitFor();
    await saveScreenshot(page, "erp-installations");
    page.once("dialog", (confirm) => void confirm.accept());
    await row.getByRole("button", { name: "Revogar" }).click();
    await row.getByText("Revogada").waitFor();
    await context.close();
  });
});
