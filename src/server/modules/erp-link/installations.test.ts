// "Instalações do ERP" through the API: admins only (the rest of the team is forbidden, customers and
// strangers learn nothing), keys checked on save, the secret answered once, changes audited.
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { listAuditFor } from "../audit/repository";
import type { CompanyRow } from "../companies/repository";

const BASE = "/api/v1/integrations/erp-installations";
const ed25519Pem = () =>
  generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();

describe("/api/v1/integrations/erp-installations", () => {
  let t: TestApp;
  let company: CompanyRow;
  let cookies: Record<"admin" | "supervisor" | "agent" | "customerAdmin" | "customer", string>;

  beforeAll(async () => {
    t = await buildTestApp();
    company = await makeCompany(t.ctx);
    cookies = {
      admin: await loginAs(t.app, await makeUser(t.ctx, "admin")),
      supervisor: await loginAs(t.app, await makeUser(t.ctx, "supervisor")),
      agent: await loginAs(t.app, await makeUser(t.ctx, "agent")),
      customerAdmin: await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company })),
      customer: await loginAs(t.app, await makeUser(t.ctx, "customer", { company })),
    };
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, cookie = cookies.admin) =>
    call(t.app, "POST", BASE, { name: "ERP da matriz", companyId: company.id, ...body }, { cookie });

  it("answers admins only: other staff 403, customers 404, strangers 401, on every route", async () => {
    const created = await create({ algorithm: "HS256" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const routes = [
      ["GET", BASE, undefined],
      ["POST", BASE, { name: "Outro", companyId: company.id, algorithm: "HS256" }],
      ["GET", `${BASE}/${id}`, undefined],
      ["PATCH", `${BASE}/${id}`, { name: "Renomeada" }],
      ["DELETE", `${BASE}/${id}`, undefined],
    ] as const;
    const expected = { supervisor: 403, agent: 403, customerAdmin: 404, customer: 404 } as const;
    for (const [method, url, body] of routes) {
      for (const [who, status] of Object.entries(expected))
        expect(
          (await call(t.app, method, url, body, { cookie: cookies[who as keyof typeof expected] }))
            .statusCode,
          `${who} ${method} ${url}`,
        ).toBe(status);
      expect((await call(t.app, method, url, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
    }
    // Nothing above changed it.
    const read = await call(t.app, "GET", `${BASE}/${id}`, undefined, { cookie: cookies.admin });
    expect(read.json()).toMatchObject({ name: "ERP da matriz", state: "active" });
  });

  it("generates an HS256 secret, answers it once and never again", async () => {
    const created = await create({ algorithm: "HS256", createsUsers: true });
    const body = created.json();
    expect(body).toMatchObject({
      algorithm: "HS256",
      companyId: company.id,
      companyCnpj: company.cnpj,
      createsUsers: true,
      state: "active",
      lastUsedAt: null,
      publicKey: null,
    });
    expect(new TextEncoder().encode(body.secret).length).toBeGreaterThanOrEqual(32);
    const read = await call(t.app, "GET", `${BASE}/${body.id}`, undefined, { cookie: cookies.admin });
    expect(read.json()).not.toHaveProperty("secret");
    const list = await call(t.app, "GET", BASE, undefined, { cookie: cookies.admin });
    expect(JSON.stringify(list.json())).not.toContain(body.secret);
    const audit = await listAuditFor(t.ctx.db, "erp_installation", body.id);
    expect(audit.map((entry) => entry.action)).toEqual(["erp_installation.created"]);
    expect(JSON.stringify(audit)).not.toContain(body.secret);
  });

  it("refuses a short secret, a secret with a public-key algorithm, and a bad public key on its field", async () => {
    const short = await create({ algorithm: "HS256", secret: "curto-demais" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty("secret");
    const mixed = await create({ algorithm: "EdDSA", secret: "x".repeat(40) });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields).toHaveProperty("publicKey");
    const bad = await create({
      algorithm: "EdDSA",
      publicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.publicKey).toMatch(/Chave pública inválida/);
    const rsaForEd = await create({
      algorithm: "EdDSA",
      publicKey: generateKeyPairSync("rsa", { modulusLength: 2048 })
        .publicKey.export({ type: "spki", format: "pem" })
        .toString(),
    });
    expect(rsaForEd.statusCode).toBe(422);
    const weakRsa = await create({
      algorithm: "RS256",
      publicKey: generateKeyPairSync("rsa", { modulusLength: 1024 })
        .publicKey.export({ type: "spki", format: "pem" })
        .toString(),
    });
    expect(weakRsa.statusCode).toBe(422);
    const unknownCompany = await create({
      algorithm: "HS256",
      companyId: "0193a1b2-0000-7000-8000-000000000009",
    });
    expect(unknownCompany.statusCode).toBe(400);
    expect(unknownCompany.json().error.fields).toHaveProperty("companyId");
  });

  it("keeps an EdDSA public key, shows it, rotates it, pauses and revokes, each audited", async () => {
    const created = await create({ algorithm: "EdDSA", publicKey: ed25519Pem() });
    expect(created.statusCode).toBe(201);
    const { id, secret, publicKey } = created.json();
    expect(secret).toBeNull();
    expect(publicKey).toContain("BEGIN PUBLIC KEY");

    const paused = await call(
      t.app,
      "PATCH",
      `${BASE}/${id}`,
      { active: false, name: "ERP filial" },
      { cookie: cookies.admin },
    );
    expect(paused.json()).toMatchObject({ state: "inactive", name: "ERP filial" });
    const rotated = await call(
      t.app,
      "PATCH",
      `${BASE}/${id}`,
      { rotateKey: { algorithm: "HS256" } },
      { cookie: cookies.admin },
    );
    expect(rotated.json()).toMatchObject({ algorithm: "HS256", publicKey: null });
    expect(rotated.json().secret).toMatch(/^[\w-]{43}$/);
    const badRotation = await call(
      t.app,
      "PATCH",
      `${BASE}/${id}`,
      { rotateKey: { algorithm: "RS256", publicKey: "not a key" } },
      { cookie: cookies.admin },
    );
    expect(badRotation.statusCode).toBe(422);
    expect(badRotation.json().error.fields).toHaveProperty(["rotateKey.publicKey"]);

    const revoked = await call(t.app, "DELETE", `${BASE}/${id}`, undefined, { cookie: cookies.admin });
    expect(revoked.json()).toMatchObject({ state: "revoked" });
    expect(revoked.json().revokedAt).not.toBeNull();
    const afterRevoke = await call(
      t.app,
      "PATCH",
      `${BASE}/${id}`,
      { active: true },
      { cookie: cookies.admin },
    );
    expect(afterRevoke.statusCode).toBe(409);
    const audit = await listAuditFor(t.ctx.db, "erp_installation", id);
    expect(audit.map((entry) => entry.action)).toEqual([
      "erp_installation.created",
      "erp_installation.updated",
      "erp_installation.key_rotated",
      "erp_installation.revoked",
    ]);
    expect(audit[1]?.details).toMatchObject({ changes: { active: { before: true, after: false } } });
  });

  it("answers 404 for an installation that does not exist and 400 for an id that cannot be one", async () => {
    const missing = "0193a1b2-0000-7000-8000-00000000beef";
    expect(
      (await call(t.app, "GET", `${BASE}/${missing}`, undefined, { cookie: cookies.admin })).statusCode,
    ).toBe(404);
    expect((await call(t.app, "GET", `${BASE}/nope`, undefined, { cookie: cookies.admin })).statusCode).toBe(
      400,
    );
  });
});
