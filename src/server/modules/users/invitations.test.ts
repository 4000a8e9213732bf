import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { letCompanyAdminsInvite, loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

const tokenOf = (url: string) => new URL(url).hash.replace("#token=", "");

/** What a caller can observe of an answer, short of the clock: status, body and content headers. */
const observable = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  body: response.body,
  type: response.headers["content-type"],
  length: response.headers["content-length"],
});

// A company admin must not learn whether an e-mail is in use in another company (or by staff).
describe("a company admin's invitations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await letCompanyAdminsInvite(t.ctx, true);
  });
  afterAll(() => t.close());

  const invite = (cookie: string, companyId: string, email: string) =>
    call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Carla Dias", email, role: "customer", companyId },
      { cookie },
    );

  it("answer byte for byte alike for a free e-mail and one used in another company or by staff", async () => {
    const [a, c] = [await makeCompany(t.ctx), await makeCompany(t.ctx)];
    const adminA = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a }));
    const adminC = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: c }));
    const email = "carla.dias@example.com.br";

    const free = await invite(adminC, c.id, email);
    const takenElsewhere = await invite(adminA, a.id, email);
    expect(free.statusCode).toBe(202);
    expect(free.json()).toEqual({ status: "invited", email });
    expect(observable(takenElsewhere)).toEqual(observable(free));

    const agent = await makeUser(t.ctx, "agent");
    const staffEmail = await invite(adminA, a.id, agent.email);
    const freeToo = await invite(adminA, a.id, "outra.pessoa@example.com.br");
    expect(observable(staffEmail).body.replace(agent.email, "<e-mail>")).toBe(
      observable(freeToo).body.replace("outra.pessoa@example.com.br", "<e-mail>"),
    );
    expect(staffEmail.statusCode).toBe(freeToo.statusCode);

    // Nothing was created for the e-mail in use; staff can read what happened in the audit trail.
    const accounts = await t.ctx.db
      .selectFrom("app_user")
      .select("company_id")
      .where("email", "=", email)
      .execute();
    expect(accounts).toEqual([{ company_id: c.id }]);
    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_id", "=", a.id)
      .where("action", "=", "user.invitation_ignored")
      .execute();
    expect(audit.map((row) => JSON.parse(row.details).email).sort()).toEqual([agent.email, email].sort());
  });

  it("leave nothing a company admin can tell apart later: invited accounts stay hidden until a password is set", async () => {
    const [a, b] = [await makeCompany(t.ctx), await makeCompany(t.ctx)];
    const adminA = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a }));
    const existing = await makeUser(t.ctx, "customer", { company: b });
    expect((await invite(adminA, a.id, existing.email)).statusCode).toBe(202);
    expect((await invite(adminA, a.id, "novo.colega@example.com.br")).statusCode).toBe(202);

    const listed = async () =>
      (await call(t.app, "GET", "/api/v1/users", undefined, { cookie: adminA }))
        .json()
        .items.map((u: { email: string }) => u.email);
    expect(await listed()).not.toContain("novo.colega@example.com.br");
    expect(await listed()).not.toContain(existing.email);

    // The support team sees the new account and hands over its link; once used, the company sees it.
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const staffList = await call(t.app, "GET", "/api/v1/users", undefined, {
      cookie: agent,
      query: { companyId: a.id },
    });
    const invited = staffList
      .json()
      .items.find((u: { email: string }) => u.email === "novo.colega@example.com.br");
    expect(invited).toMatchObject({ hasPassword: false, companyId: a.id, role: "customer" });
    const hidden = await call(t.app, "GET", `/api/v1/users/${invited.id}`, undefined, { cookie: adminA });
    expect(hidden.statusCode).toBe(404);
    const link = await call(t.app, "POST", `/api/v1/users/${invited.id}/password-link`, undefined, {
      cookie: agent,
    });
    expect(link.statusCode).toBe(201);
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(link.json().url),
      password: "uma senha bem longa",
    });
    expect(set.statusCode).toBe(204);
    expect(await listed()).toContain("novo.colega@example.com.br");
  });

  it("staff keep the precise answer: 201 with the link, 409 for an e-mail in use", async () => {
    const company = await makeCompany(t.ctx);
    const existing = await makeUser(t.ctx, "customer", { company: await makeCompany(t.ctx) });
    const agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const taken = await invite(agent, company.id, existing.email);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("user.email_taken");
    const created = await invite(agent, company.id, "pessoa.nova@example.com.br");
    expect(created.statusCode).toBe(201);
    expect(created.json().setPasswordLink.url).toContain("/set-password#token=");
  });

  it("e-mail the set-password link to the invited colleague only, and nothing for an e-mail in use", async () => {
    const company = await makeCompany(t.ctx);
    const admin = await loginAs(
      t.app,
      await makeUser(t.ctx, "customer_admin", { company, name: "Bruno Carvalho" }),
    );
    const taken = await makeUser(t.ctx, "agent");
    await t.ctx.db.deleteFrom("outbox_message").execute();

    expect((await invite(admin, company.id, "joana.reis@example.com.br")).statusCode).toBe(202);
    expect((await invite(admin, company.id, taken.email)).statusCode).toBe(202);

    const mails = await t.ctx.db.selectFrom("outbox_message").selectAll().execute();
    expect(mails.map((m) => [m.purpose, m.to_address])).toEqual([
      ["account_invitation", "joana.reis@example.com.br"],
    ]);
    expect(mails[0]?.text_body).toContain("Bruno Carvalho criou o seu acesso");
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mails[0]?.text_body ?? "")?.[1] ?? "";
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token,
      password: "frase longa da Joana",
    });
    expect(set.statusCode).toBe(204);
  });
});
