// GET /sso/erp: a signed link from an ERP installation signs its user in once and opens the portal
// at the right place; every refused link lands on the sign-in page with its reason.
import { generateKeyPairSync } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, sessionCookieOf, type TestApp } from "../../../../test/support/app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeTicket,
  makeUser,
} from "../../../../test/support/factories";
import { runMaintenance } from "../../jobs/maintenance";
import { listAuditFor } from "../audit/repository";
import type { CompanyRow } from "../companies/repository";
import { ERP_LINK_MAX_FAILURES_PER_IP } from "./sign-in";
import { type ErpLinkRequest, signErpToken } from "./sign-link";

const BASE = "/api/v1/integrations/erp-installations";

describe("GET /sso/erp", () => {
  let t: TestApp;
  let catalog: Catalog;
  let company: CompanyRow;
  let other: CompanyRow;
  let user: MadeUser;
  let stranger: MadeUser;
  let admin: string;
  let hs: { id: string; secret: string };
  let ed: { id: string; privateKey: CryptoKey | string };
  let ipSequence = 0;

  const install = async (body: Record<string, unknown>) => {
    const response = await call(
      t.app,
      "POST",
      BASE,
      { name: "ERP", companyId: company.id, ...body },
      { cookie: admin },
    );
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string; secret: string | null };
  };
  /** A link of the HS256 installation for `user`, issued now by the test clock. */
  const link = (overrides: Partial<ErpLinkRequest> = {}) =>
    signErpToken({
      installationId: hs.id,
      algorithm: "HS256",
      key: hs.secret,
      email: user.email,
      cnpj: company.cnpj,
      issuedAt: t.clock.now(),
      ...overrides,
    });
  /** Each test its own client address, so the failure limit of one never touches another. */
  const open = (token: string, options: { cookie?: string; ip?: string } = {}) =>
    t.app.inject({
      method: "GET",
      url: `/sso/erp?token=${encodeURIComponent(token)}`,
      remoteAddress: options.ip ?? `10.0.0.${++ipSequence}`,
      headers: { host: "extranet.test", ...(options.cookie && { cookie: options.cookie }) },
    });
  const refusalOf = (response: { statusCode: number; headers: Record<string, unknown> }) => {
    expect(response.statusCode).toBe(302);
    return String(response.headers.location);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    catalog = await makeCatalog(t.ctx);
    company = await makeCompany(t.ctx);
    other = await makeCompany(t.ctx);
    user = await makeUser(t.ctx, "customer", { company });
    stranger = await makeUser(t.ctx, "customer", { company: other });
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    const created = await install({ algorithm: "HS256" });
    hs = { id: created.id, secret: created.secret ?? "" };
    const pair = generateKeyPairSync("ed25519");
    const edCreated = await install({
      algorithm: "EdDSA",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    ed = {
      id: edCreated.id,
      privateKey: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    };
  });
  afterAll(() => t.close());

  it("signs the user in, records the last use, and opens the ticket list without a screen", async () => {
    const response = await open(await link());
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/portal/tickets");
    expect(response.headers["cache-control"]).toBe("no-store");
    const me = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: sessionCookieOf(response) });
    expect(me.json()).toMatchObject({ id: user.id, role: "customer" });
    const read = await call(t.app, "GET", `${BASE}/${hs.id}`, undefined, { cookie: admin });
    expect(read.json().lastUsedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it("opens the new-ticket form on the screen's most chosen category, screen and record filled in (EdDSA)", async () => {
    // Two tickets of the screen in the other category, one in the first: the other wins.
    await makeTicket(t.ctx, catalog, user, { categoryId: catalog.otherCategoryId, screenCode: "FIN0005" });
    await makeTicket(t.ctx, catalog, user, { categoryId: catalog.otherCategoryId, screenCode: "FIN0005" });
    await makeTicket(t.ctx, catalog, user, { categoryId: catalog.categoryId, screenCode: "FIN0005" });
    const token = await signErpToken({
      installationId: ed.id,
      algorithm: "EdDSA",
      key: ed.privateKey,
      email: user.email,
      cnpj: company.cnpj,
      screen: "fin0005",
      record: "cliente código 100",
      issuedAt: t.clock.now(),
    });
    const response = await open(token);
    const location = new URL(String(response.headers.location), "http://x");
    expect(location.pathname).toBe("/portal/new");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      category: catalog.otherCategoryId,
      screen: "FIN0005",
      record: "cliente código 100",
    });
  });

  it("prefers the screen's own category, and without any shows the category step with the screen", async () => {
    const screenCategory = await call(
      t.app,
      "PATCH",
      "/api/v1/screens/FIN0005",
      { categoryId: catalog.categoryId },
      { cookie: admin },
    );
    expect(screenCategory.statusCode).toBe(200);
    expect(screenCategory.json().categoryId).toBe(catalog.categoryId);
    const own = new URL(String((await open(await link({ screen: "FIN0005" }))).headers.location), "http://x");
    expect(own.searchParams.get("category")).toBe(catalog.categoryId);
    const none = String((await open(await link({ screen: "FIS0001" }))).headers.location);
    expect(none).toBe("/portal/new?screen=FIS0001");
  });

  it("refuses the same link twice, even after signing in", async () => {
    const token = await link();
    const first = await open(token);
    expect(first.headers.location).toBe("/portal/tickets");
    expect(refusalOf(await open(token, { cookie: sessionCookieOf(first) }))).toBe("/login?erp=used");
  });

  it("refuses an expired link, one issued in the future, and a tampered one", async () => {
    const expired = await link({ issuedAt: t.clock.now() - 6 * 60_000 });
    expect(refusalOf(await open(expired))).toBe("/login?erp=expired");
    const future = await link({ issuedAt: t.clock.now() + 2 * 60_000, minutes: 1 });
    expect(refusalOf(await open(future))).toBe("/login?erp=malformed");
    const tooLong = await link({ minutes: 60 });
    expect(refusalOf(await open(tooLong))).toBe("/login?erp=malformed");
    const [header, payload, signature] = (await link()).split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? "", "base64url").toString()),
        email: stranger.email,
      }),
    ).toString("base64url");
    expect(refusalOf(await open(`${header}.${forged}.${signature}`))).toBe("/login?erp=bad_signature");
    expect(refusalOf(await open(await link({ key: "x".repeat(40) })))).toBe("/login?erp=bad_signature");
    expect(refusalOf(await open("not-a-jwt"))).toBe("/login?erp=malformed");
    const missing = await t.app.inject({ method: "GET", url: "/sso/erp", remoteAddress: "10.9.9.9" });
    expect(refusalOf(missing)).toBe("/login?erp=malformed");
  });

  it("refuses a link signed with another algorithm than the installation's", async () => {
    const pair = generateKeyPairSync("ed25519");
    const token = await new SignJWT({ email: user.email, cnpj: company.cnpj })
      .setProtectedHeader({ alg: "EdDSA" })
      .setIssuer(hs.id)
      .setAudience("extranet")
      .setJti("alg-swap")
      .setIssuedAt(Math.floor(t.clock.now() / 1000))
      .setExpirationTime(Math.floor(t.clock.now() / 1000) + 60)
      .sign(pair.privateKey);
    expect(refusalOf(await open(token))).toBe("/login?erp=bad_signature");
  });

  it("refuses another company's user, another company's CNPJ, staff, and an inactive user", async () => {
    expect(refusalOf(await open(await link({ email: stranger.email })))).toBe("/login?erp=unknown_user");
    expect(refusalOf(await open(await link({ cnpj: other.cnpj })))).toBe("/login?erp=wrong_company");
    const agent = await makeUser(t.ctx, "agent");
    expect(refusalOf(await open(await link({ email: agent.email })))).toBe("/login?erp=unknown_user");
    const gone = await makeUser(t.ctx, "customer", { company });
    await t.ctx.db.updateTable("app_user").set({ active: 0 }).where("id", "=", gone.id).execute();
    expect(refusalOf(await open(await link({ email: gone.email })))).toBe("/login?erp=unknown_user");
    expect(refusalOf(await open(await link({ email: "ninguem@example.com.br" })))).toBe(
      "/login?erp=unknown_user",
    );
  });

  it("refuses an unknown installation, a paused one and a revoked one at once", async () => {
    const unknown = await link({ installationId: "0193a1b2-0000-7000-8000-00000000dead" });
    expect(refusalOf(await open(unknown))).toBe("/login?erp=unknown_installation");
    const spare = await install({ algorithm: "HS256" });
    const spareLink = (jti: string) => link({ installationId: spare.id, key: spare.secret ?? "", jti });
    expect((await open(await spareLink("1"))).headers.location).toBe("/portal/tickets");
    await call(t.app, "PATCH", `${BASE}/${spare.id}`, { active: false }, { cookie: admin });
    expect(refusalOf(await open(await spareLink("2")))).toBe("/login?erp=unknown_installation");
    await call(t.app, "DELETE", `${BASE}/${spare.id}`, undefined, { cookie: admin });
    expect(refusalOf(await open(await spareLink("3")))).toBe("/login?erp=unknown_installation");
  });

  it("creates an unknown e-mail as a customer of the company just in time, audited, when the installation does", async () => {
    const jit = await install({ algorithm: "HS256", createsUsers: true });
    const email = "novo.usuario@empresa.com.br";
    const response = await open(
      await link({ installationId: jit.id, key: jit.secret ?? "", email, name: "Novo Usuário" }),
    );
    expect(response.headers.location).toBe("/portal/tickets");
    const me = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: sessionCookieOf(response) });
    expect(me.json()).toMatchObject({
      email,
      name: "Novo Usuário",
      role: "customer",
      company: { id: company.id },
    });
    const audit = await listAuditFor(t.ctx.db, "user", me.json().id);
    expect(audit.map((entry) => entry.action)).toEqual(["user.created_by_erp_link"]);
    expect(audit[0]?.details).toMatchObject({ installationId: jit.id, companyId: company.id });
    // Never another company's person, even with user creation on.
    expect(
      refusalOf(
        await open(await link({ installationId: jit.id, key: jit.secret ?? "", email: stranger.email })),
      ),
    ).toBe("/login?erp=unknown_user");
    // The name defaults to the e-mail's local part.
    const plain = await open(
      await link({ installationId: jit.id, key: jit.secret ?? "", email: "sem.nome@empresa.com.br" }),
    );
    const plainMe = await call(t.app, "GET", "/api/v1/me", undefined, { cookie: sessionCookieOf(plain) });
    expect(plainMe.json().name).toBe("sem.nome");
  });

  it("ends the browser's previous session when a link signs someone in", async () => {
    const before = await loginAs(t.app, stranger);
    const response = await open(await link(), { cookie: before });
    expect(response.headers.location).toBe("/portal/tickets");
    expect((await call(t.app, "GET", "/api/v1/me", undefined, { cookie: before })).statusCode).toBe(401);
  });

  it("refuses every link from an address after too many refused ones", async () => {
    const ip = "10.200.0.1";
    for (let i = 0; i < ERP_LINK_MAX_FAILURES_PER_IP; i++) await open("garbage", { ip });
    expect(refusalOf(await open(await link(), { ip }))).toBe("/login?erp=rate_limited");
    expect((await open(await link())).headers.location).toBe("/portal/tickets");
  });

  it("forgets used links once they expire (maintenance), and never serves the app under /sso", async () => {
    const before = await t.ctx.db.selectFrom("erp_link_use").select("jti").execute();
    expect(before.length).toBeGreaterThan(0);
    t.clock.advance(6 * 60_000);
    expect((await runMaintenance(t.ctx)).erpLinkUses).toBe(before.length);
    const unknownRoute = await t.app.inject({ method: "GET", url: "/sso/other" });
    expect(unknownRoute.statusCode).toBe(404);
    // A HEAD (a link checker) never spends a link.
    const token = await link();
    const head = await t.app.inject({
      method: "HEAD",
      url: `/sso/erp?token=${token}`,
      remoteAddress: "10.8.0.1",
    });
    expect(head.statusCode).toBe(404);
    expect((await open(token)).headers.location).toBe("/portal/tickets");
  });
});
