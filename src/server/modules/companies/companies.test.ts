import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser, nextCnpj } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";

describe("companies", () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent"));
  });
  afterAll(() => t.close());

  it("an admin registers a company; the CNPJ is stored bare and audited", async () => {
    const response = await call(
      t.app,
      "POST",
      "/api/v1/companies",
      {
        name: "  Laticínios Serra Azul Ltda ",
        cnpj: "11.444.777/0001-61",
        state: "MG",
        city: "Juiz de Fora",
      },
      { cookie: admin },
    );
    expect(response.statusCode).toBe(201);
    const company = response.json();
    expect(company).toMatchObject({
      name: "Laticínios Serra Azul Ltda",
      cnpj: "11444777000161",
      state: "MG",
      city: "Juiz de Fora",
      active: true,
    });
    const audit = await listAuditFor(t.ctx.db, "company", company.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "company.created",
      actor_id: expect.any(String),
      ip: "127.0.0.1",
    });
  });

  it("refuses a CNPJ already registered, however it is punctuated", async () => {
    const cnpj = nextCnpj();
    const body = { name: "Primeira Ltda", cnpj, state: "SP", city: "Santos" };
    expect((await call(t.app, "POST", "/api/v1/companies", body, { cookie: admin })).statusCode).toBe(201);
    const formatted = `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
    const duplicate = await call(
      t.app,
      "POST",
      "/api/v1/companies",
      { ...body, cnpj: formatted },
      { cookie: admin },
    );
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toEqual({
      code: "company.cnpj_taken",
      message: "Já existe uma empresa com este CNPJ.",
      fields: { cnpj: "Já existe uma empresa com este CNPJ." },
    });
  });

  it("agents may read but not register or change companies", async () => {
    const company = await makeCompany(t.ctx);
    const body = { name: "Outra Ltda", cnpj: nextCnpj(), state: "SP", city: "Santos" };
    expect((await call(t.app, "POST", "/api/v1/companies", body, { cookie: agent })).statusCode).toBe(403);
    expect(
      (await call(t.app, "PATCH", `/api/v1/companies/${company.id}`, { active: false }, { cookie: agent }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, "GET", `/api/v1/companies/${company.id}`, undefined, { cookie: agent })).statusCode,
    ).toBe(200);
  });

  it("lists by name with keyset pagination and finds by name or CNPJ", async () => {
    const names = ["Zeta Comércio", "Alfa Indústria", "Beta Serviços", "Gama Logística", "Delta Têxtil"];
    const made = [];
    for (const name of names) made.push(await makeCompany(t.ctx, { name }));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: "2", ...(cursor && { cursor }) };
      const page = await call(t.app, "GET", "/api/v1/companies", undefined, { cookie: agent, query });
      expect(page.statusCode).toBe(200);
      const body = page.json() as { items: { name: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c) => c.name));
      cursor = body.nextCursor;
    } while (cursor);
    const all = await t.ctx.db.selectFrom("company").select("name").execute();
    expect(seen).toHaveLength(all.length);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const byName = await call(t.app, "GET", "/api/v1/companies", undefined, {
      cookie: agent,
      query: { q: "gama" },
    });
    expect(byName.json().items.map((c: { name: string }) => c.name)).toEqual(["Gama Logística"]);
    const byCnpj = await call(t.app, "GET", "/api/v1/companies", undefined, {
      cookie: agent,
      query: { q: made[1]?.cnpj.slice(0, 10) ?? "" },
    });
    expect(byCnpj.json().items.map((c: { id: string }) => c.id)).toContain(made[1]?.id);
  });

  it("deactivating a company ends its users' sessions and blocks sign-in", async () => {
    const company = await makeCompany(t.ctx);
    const user = await makeUser(t.ctx, "customer", { company });
    const cookie = await loginAs(t.app, user);
    const response = await call(
      t.app,
      "PATCH",
      `/api/v1/companies/${company.id}`,
      { active: false },
      { cookie: admin },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json().active).toBe(false);
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie })).statusCode).toBe(401);
  });

  it("a customer reads its own company", async () => {
    const company = await makeCompany(t.ctx, { name: "Minha Empresa Ltda" });
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
    const response = await call(t.app, "GET", `/api/v1/companies/${company.id}`, undefined, { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json().name).toBe("Minha Empresa Ltda");
  });

  it("needs a session", async () => {
    expect((await call(t.app, "GET", "/api/v1/companies")).statusCode).toBe(401);
  });
});
