// /api/v1/audit and audit.csv: admins only, filters by person, kind and period (São Paulo days),
// keyset pages newest first, before → after per field, and the CSV with the same filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";

describe("audit trail", () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let adminId = "";
  let otherAdminId = "";
  const settings = {
    reopenWindowDays: 7,
    slaWarningShare: 0.8,
    companyAdminsMayInvite: false,
    supportEmail: "suporte@example.com.br",
    supportSignature: "Equipe de suporte",
    attachmentRetentionMonths: 0,
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { SESSION_IDLE_MINUTES: "10080", SESSION_ABSOLUTE_HOURS: "720" } });
    t.clock.set("2026-04-10T12:00:00-03:00");
    const company = await makeCompany(t.ctx);
    const admin = await makeUser(t.ctx, "admin", { name: "Helena Prado" });
    const other = await makeUser(t.ctx, "admin", { name: "Rogério Tavares" });
    adminId = admin.id;
    otherAdminId = other.id;
    cookies.admin = await loginAs(t.app, admin);
    cookies.other = await loginAs(t.app, other);
    for (const role of ["supervisor", "agent"] as const)
      cookies[role] = await loginAs(t.app, await makeUser(t.ctx, role));
    cookies.customer_admin = await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }));
    cookies.customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));

    // Helena changes the settings on 10/04 (12:00) and on 11/04 at 23:30 São Paulo (02:30 UTC on the 12th).
    const put = (body: unknown, cookie: string) => call(t.app, "PUT", "/api/v1/settings", body, { cookie });
    expect((await put({ ...settings, reopenWindowDays: 10 }, cookies.admin)).statusCode).toBe(200);
    t.clock.set("2026-04-11T23:30:00-03:00");
    expect(
      (await put({ ...settings, reopenWindowDays: 12, supportSignature: "Equipe UNO" }, cookies.admin))
        .statusCode,
    ).toBe(200);
    // Rogério registers a company on the 12th.
    t.clock.set("2026-04-12T09:00:00-03:00");
    const created = await call(
      t.app,
      "POST",
      "/api/v1/companies",
      { name: "Auditada Comércio Ltda", cnpj: "11.222.333/0001-81", state: "SP", city: "Campinas" },
      { cookie: cookies.other },
    );
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string> = {}, cookie = cookies.admin) =>
    call(t.app, "GET", "/api/v1/audit", undefined, { cookie, query });
  const csv = (query: Record<string, string> = {}, cookie = cookies.admin) =>
    call(t.app, "GET", "/api/v1/audit.csv", undefined, { cookie, query });

  it("is the admins': the rest of the team 403, customers 404, nobody signed in 401", async () => {
    expect((await list()).statusCode).toBe(200);
    for (const [role, status] of [
      ["supervisor", 403],
      ["agent", 403],
      ["customer_admin", 404],
      ["customer", 404],
    ] as const) {
      expect((await list({}, cookies[role])).statusCode, role).toBe(status);
      expect((await csv({}, cookies[role])).statusCode, role).toBe(status);
      const actors = await call(t.app, "GET", "/api/v1/audit/actors", undefined, { cookie: cookies[role] });
      expect(actors.statusCode, role).toBe(status);
    }
    expect((await list({}, "")).statusCode).toBe(401);
    expect((await csv({}, "")).statusCode).toBe(401);
  });

  it("shows who, when, what and each field before → after, newest first", async () => {
    const { items } = (await list({ kind: "settings" })).json();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      at: "2026-04-12T02:30:00.000Z",
      actor: { id: adminId, name: "Helena Prado" },
      action: "settings.update",
      kind: "settings",
      target: { id: "settings", label: null },
    });
    expect(items[0].changes).toEqual([
      { field: "reopenWindowDays", before: 10, after: 12 },
      { field: "supportSignature", before: "Equipe de suporte", after: "Equipe UNO" },
    ]);
    expect(items[1].changes).toEqual([{ field: "reopenWindowDays", before: 7, after: 10 }]);
    const company = (await list({ kind: "company" })).json().items[0];
    expect(company).toMatchObject({
      actor: { name: "Rogério Tavares" },
      action: "company.created",
      target: { label: "Auditada Comércio Ltda" },
    });
  });

  it("filters by person, kind and period (days in São Paulo, both ends included)", async () => {
    const byOther = (await list({ actorId: otherAdminId })).json().items;
    expect(byOther.map((e: { action: string }) => e.action)).toEqual(["company.created"]);
    const byAdmin = (await list({ actorId: adminId, kind: "settings" })).json().items;
    expect(byAdmin).toHaveLength(2);
    // 23:30 on the 11th in São Paulo is the 11th, though it is the 12th in UTC.
    const on11 = (await list({ from: "2026-04-11", to: "2026-04-11" })).json().items;
    expect(on11.map((e: { at: string }) => e.at)).toEqual(["2026-04-12T02:30:00.000Z"]);
    const from12 = (await list({ from: "2026-04-12", kind: "company" })).json().items;
    expect(from12).toHaveLength(1);
    expect(
      (await list({ to: "2026-04-09" })).json().items.filter((e: { actor: unknown }) => e.actor !== null),
    ).toEqual([]);
    const actors = (
      await call(t.app, "GET", "/api/v1/audit/actors", undefined, { cookie: cookies.admin })
    ).json();
    expect(actors.items).toEqual([
      { id: adminId, name: "Helena Prado" },
      { id: otherAdminId, name: "Rogério Tavares" },
    ]);
  });

  it("pages with a keyset cursor, without repeating or skipping", async () => {
    const all = (await list({ limit: "100" })).json().items.map((e: { id: string }) => e.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await list({ limit: "2", ...(cursor && { cursor }) })
      ).json();
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("refuses bad filters field by field", async () => {
    const bad = await list({ actorId: "fulano", kind: "planet", from: "2026-13-01", limit: "0" });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["actorId", "from", "kind", "limit"]);
    const reversed = await list({ from: "2026-04-12", to: "2026-04-01" });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields).toEqual({
      to: "A data final deve ser igual ou posterior à inicial.",
    });
    const cursor = await list({ cursor: "not-a-cursor" });
    expect([cursor.statusCode, Object.keys(cursor.json().error.fields)]).toEqual([400, ["cursor"]]);
    expect((await csv({ kind: "planet" })).statusCode).toBe(400);
  });

  it("downloads the same trail as CSV: pt-BR headers, one line per field, dd/mm/aaaa hh:mm", async () => {
    const response = await csv({ kind: "settings" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe('attachment; filename="auditoria.csv"');
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Data e hora;Pessoa;Tipo;Ação;Registro;Campo;Antes;Depois;Endereço IP");
    expect(lines.slice(1).map((line) => line.split(";").slice(0, 8).join(";"))).toEqual([
      "11/04/2026 23:30;Helena Prado;Configurações;Configurações alteradas;settings;Prazo para reabrir (dias);10;12",
      "11/04/2026 23:30;Helena Prado;Configurações;Configurações alteradas;settings;Assinatura do suporte;Equipe de suporte;Equipe UNO",
      "10/04/2026 12:00;Helena Prado;Configurações;Configurações alteradas;settings;Prazo para reabrir (dias);7;10",
    ]);
    const byOther = (await csv({ actorId: otherAdminId })).body.trimEnd().split("\r\n");
    expect(byOther.slice(1).every((line) => line.includes("Rogério Tavares"))).toBe(true);
    expect(byOther.length).toBeGreaterThan(1);
  });
});
