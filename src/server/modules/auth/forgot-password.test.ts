// "Esqueci minha senha" and the account e-mails, on both databases: the same answer for every
// e-mail, the link by e-mail to active accounts only, single use, 60 minutes, every session ended,
// limits per address and per client; and the invitation e-mail when staff create an account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_HOST, TEST_ORIGIN, type TestApp } from "../../../../test/support/app";
import { loginAs, type MadeUser, makeCompany, makeUser } from "../../../../test/support/factories";
import { FORGOT_MAX_PER_ACCOUNT, FORGOT_MAX_PER_IP } from "./service";

const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe("POST /api/v1/auth/forgot-password", () => {
  let t: TestApp;
  let fernanda: MadeUser;
  let admin: MadeUser;

  beforeAll(async () => {
    t = await buildTestApp();
    const company = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos" });
    fernanda = await makeUser(t.ctx, "customer", {
      company,
      name: "Fernanda Lima",
      email: "fernanda.lima@paulistaalimentos.com.br",
    });
    admin = await makeUser(t.ctx, "admin", {
      name: "Renata Albuquerque",
      email: "renata.albuquerque@uno.com.br",
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("outbox_message").execute();
    await t.ctx.db.deleteFrom("login_failure").execute();
    t.clock.advance(24 * 3_600_000);
  });

  const ask = (email: string, ip = "203.0.113.7") =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/auth/forgot-password",
      headers: { host: TEST_HOST, origin: TEST_ORIGIN },
      payload: { email },
      remoteAddress: ip,
    });
  const outbox = () => t.ctx.db.selectFrom("outbox_message").selectAll().orderBy("created_at").execute();

  it("e-mails an active account a single-use link that sets a new password and ends every session", async () => {
    const oldSession = await loginAs(t.app, fernanda);
    const res = await ask("Fernanda.Lima@paulistaalimentos.com.br");
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({});

    const [mail, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      purpose: "password_reset",
      to_address: "fernanda.lima@paulistaalimentos.com.br",
      subject: "Nova senha da Extranet UNO",
    });
    expect(mail?.text_body).toContain("Olá, Fernanda.");
    expect(mail?.text_body).toContain("Se não foi você, ignore este e-mail");
    const token = tokenIn(mail?.text_body ?? "");
    expect(token).toBeDefined();

    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "uma frase nova e comprida",
    });
    expect(set.statusCode, set.body).toBe(204);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: oldSession })).statusCode).toBe(401);
    const again = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "outra frase comprida",
    });
    expect(again.statusCode).toBe(400);
    const signIn = await call(t.app, "POST", "/api/v1/auth/login", {
      email: fernanda.email,
      password: "uma frase nova e comprida",
    });
    expect(signIn.statusCode).toBe(200);
    fernanda.password = "uma frase nova e comprida";
  });

  it("answers an unknown or inactive e-mail exactly alike, and e-mails nobody", async () => {
    const retired = await makeUser(t.ctx, "agent", { email: "rita.antiga@uno.com.br" });
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", retired.id).execute();
    const known = await ask(fernanda.email);
    await t.ctx.db.deleteFrom("outbox_message").execute();
    const unknown = await ask("ninguem@paulistaalimentos.com.br");
    const inactive = await ask("rita.antiga@uno.com.br");

    for (const res of [unknown, inactive]) {
      expect(res.statusCode).toBe(known.statusCode);
      expect(res.body).toBe(known.body);
    }
    expect(await outbox()).toEqual([]);
  });

  it("expires the link after 60 minutes", async () => {
    await ask(fernanda.email);
    const token = tokenIn((await outbox())[0]?.text_body ?? "");
    t.clock.advance(61 * 60_000);
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "tarde demais, frase",
    });
    expect(set.statusCode).toBe(400);
  });

  it("limits requests per address asked for and per client address, saying when to try again", async () => {
    for (let i = 0; i < FORGOT_MAX_PER_ACCOUNT; i++) expect((await ask(fernanda.email)).statusCode).toBe(202);
    const limited = await ask(fernanda.email, "198.51.100.9");
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Only the allowed requests wrote e-mails, each link voiding the one before.
    expect(await outbox()).toHaveLength(FORGOT_MAX_PER_ACCOUNT);
    // Unknown addresses are counted alike: the limit tells nothing about accounts.
    for (let i = 0; i < FORGOT_MAX_PER_ACCOUNT; i++)
      expect((await ask("ninguem@exemplo.com.br")).statusCode).toBe(202);
    expect((await ask("ninguem@exemplo.com.br")).statusCode).toBe(429);

    t.clock.advance(t.ctx.config.login.windowMinutes * 60_000 + 1000);
    for (let i = 0; i < FORGOT_MAX_PER_IP; i++) {
      expect((await ask(`pessoa${i}@exemplo.com.br`, "192.0.2.50")).statusCode).toBe(202);
    }
    expect((await ask("mais.uma@exemplo.com.br", "192.0.2.50")).statusCode).toBe(429);
    expect((await ask("mais.uma@exemplo.com.br", "192.0.2.51")).statusCode).toBe(202);
  });

  it("refuses a malformed e-mail with a message on the field", async () => {
    const res = await ask("não é um e-mail");
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("email");
  });

  it("e-mails the invitation when staff create an account, and never shows its token in the outbox", async () => {
    const cookie = await loginAs(t.app, admin);
    const company = await makeCompany(t.ctx);
    const created = await call(
      t.app,
      "POST",
      "/api/v1/users",
      {
        name: "Ana Rocha",
        email: "ana.rocha@valedoaco.ind.br",
        role: "customer_admin",
        companyId: company.id,
        locale: "pt-BR",
      },
      { cookie },
    );
    expect(created.statusCode, created.body).toBe(201);

    const [mail] = await outbox();
    expect(mail).toMatchObject({ purpose: "account_invitation", to_address: "ana.rocha@valedoaco.ind.br" });
    expect(mail?.text_body).toContain("Renata Albuquerque criou o seu acesso à Extranet UNO");
    expect(tokenIn(mail?.text_body ?? "")).toBeDefined();

    const shown = await call(t.app, "GET", `/api/v1/admin/outbox/${mail?.id}`, undefined, { cookie });
    expect(shown.statusCode).toBe(200);
    const { text, html } = shown.json() as { text: string; html: string };
    expect(text).toContain("#token=…");
    expect(tokenIn(text)).toBeUndefined();
    expect(tokenIn(html)).toBeUndefined();
  });
});
