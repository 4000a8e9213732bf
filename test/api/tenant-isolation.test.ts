// A customer never sees, nor learns the existence of, another company's data: every route that
// reaches a company or a user by id answers exactly as it does for an id that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../support/app";
import { loginAs, makeCompany, makeUser } from "../support/factories";

const MISSING = "0192f2a0-0000-7000-8000-000000000000";

describe("tenant isolation", () => {
  let t: TestApp;
  let ids: { companyB: string; userB: string; adminB: string };
  let cookies: { customerA: string; adminA: string };
  beforeAll(async () => {
    t = await buildTestApp();
    const a = await makeCompany(t.ctx, { name: "Empresa A" });
    const b = await makeCompany(t.ctx, { name: "Empresa B" });
    const userB = await makeUser(t.ctx, "customer", { company: b });
    const adminB = await makeUser(t.ctx, "customer_admin", { company: b });
    ids = { companyB: b.id, userB: userB.id, adminB: adminB.id };
    cookies = {
      customerA: await loginAs(t.app, await makeUser(t.ctx, "customer", { company: a })),
      adminA: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company: a })),
    };
  });
  afterAll(() => t.close());

  const routes = (id: (key: keyof typeof ids) => string) =>
    [
      ["GET", `/api/v1/companies/${id("companyB")}`, undefined],
      ["PATCH", `/api/v1/companies/${id("companyB")}`, { name: "Tomada" }],
      ["GET", `/api/v1/users/${id("userB")}`, undefined],
      ["GET", `/api/v1/users/${id("adminB")}`, undefined],
      ["PATCH", `/api/v1/users/${id("userB")}`, { active: false }],
      ["POST", `/api/v1/users/${id("userB")}/password-link`, undefined],
      ["GET", `/api/v1/users?companyId=${id("companyB")}`, undefined],
      [
        "POST",
        "/api/v1/users",
        { name: "Intrusa", email: "intrusa@example.com.br", role: "customer", companyId: id("companyB") },
      ],
    ] as const;

  for (const who of ["customerA", "adminA"] as const) {
    it(`${who} gets 404 for company B's records, the same answer as for a record that does not exist`, async () => {
      const real = routes((key) => ids[key]);
      const missing = routes(() => MISSING);
      for (let i = 0; i < real.length; i++) {
        const [method, url, body] = real[i] ?? [];
        const [, missingUrl] = missing[i] ?? [];
        if (!method || !url || !missingUrl) throw new Error("route table out of step");
        const answer = await call(t.app, method, url, body, { cookie: cookies[who] });
        const control = await call(t.app, method, missingUrl, body, { cookie: cookies[who] });
        expect(answer.statusCode, `${method} ${url}`).toBe(404);
        expect(answer.body, `${method} ${url}`).toBe(control.body);
      }
    });
  }

  it("lists never carry another company's rows", async () => {
    const list = await call(t.app, "GET", "/api/v1/users", undefined, { cookie: cookies.adminA });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.map((u: { id: string }) => u.id);
    expect(listed).not.toContain(ids.userB);
    expect(listed).not.toContain(ids.adminB);
    expect(
      (await call(t.app, "GET", "/api/v1/companies", undefined, { cookie: cookies.adminA })).statusCode,
    ).toBe(404);
  });

  it("nothing of company B changed", async () => {
    const b = await t.ctx.db
      .selectFrom("company")
      .selectAll()
      .where("id", "=", ids.companyB)
      .executeTakeFirstOrThrow();
    expect(b.name).toBe("Empresa B");
    const users = await t.ctx.db
      .selectFrom("app_user")
      .select(["email", "active"])
      .where("company_id", "=", ids.companyB)
      .execute();
    expect(users).toHaveLength(2);
    expect(users.every((u) => u.active === 1)).toBe(true);
    const tokens = await t.ctx.db
      .selectFrom("user_token")
      .select("id")
      .where("user_id", "=", ids.userB)
      .execute();
    expect(tokens).toHaveLength(1); // only the link made when the factory created the user
  });
});
