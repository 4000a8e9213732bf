import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { buildApp } from "../../app";

// One-time links carry their token in the URL: they must point only at an origin users really reach.
describe("the origin of one-time links", () => {
  let t: TestApp;
  let admin: string;
  let companyId: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { EXTRANET_PUBLIC_URL: "" } });
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
    companyId = (await makeCompany(t.ctx)).id;
  });
  afterAll(() => t.close());

  // Same-origin as far as CSRF can tell (Host and Origin agree): only the Host decides.
  const createVia = (host: string, email: string) =>
    call(
      t.app,
      "POST",
      "/api/v1/users",
      { name: "Ana Souza", email, role: "customer", companyId },
      { cookie: admin, headers: { host, origin: `http://${host}` } },
    );

  it("without EXTRANET_PUBLIC_URL, a forged Host gets no link, a clear error, and creates nobody", async () => {
    const before = await t.ctx.db.selectFrom("app_user").select("id").execute();
    const response = await createVia("attacker.example", "ana.forged@example.com.br");
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: "link.public_url_required",
        message:
          "Não é possível gerar o link: o endereço público do portal não está configurado. Peça ao administrador do servidor para definir EXTRANET_PUBLIC_URL.",
      },
    });
    expect(response.body).not.toContain("attacker.example");
    expect(await t.ctx.db.selectFrom("app_user").select("id").execute()).toEqual(before);

    const user = await makeUser(t.ctx, "customer");
    const tokensBefore = await t.ctx.db
      .selectFrom("user_token")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    const reset = await call(t.app, "POST", `/api/v1/users/${user.id}/password-link`, undefined, {
      cookie: admin,
      headers: { host: "attacker.example", origin: "http://attacker.example" },
    });
    expect(reset.statusCode).toBe(500);
    expect(reset.json().error.code).toBe("link.public_url_required");
    const tokens = await t.ctx.db
      .selectFrom("user_token")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(tokens).toEqual(tokensBefore);
  });

  it("a Host that only starts like a loopback one is not trusted", async () => {
    for (const host of [
      "localhost.attacker.example",
      "127.0.0.1.nip.io",
      "localhost:3000@attacker.example",
    ]) {
      const response = await createVia(host, `ana.${host.length}@example.com.br`);
      expect(response.statusCode, host).toBe(500);
    }
  });

  it.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "localhost"])(
    "the embedded quick start, reached on loopback (%s), gets links to itself",
    async (host) => {
      const response = await createVia(host, `ana.${host.replace(/\W/g, "")}@example.com.br`);
      expect(response.statusCode).toBe(201);
      expect(response.json().setPasswordLink.url).toMatch(
        new RegExp(`^http://${host.replace(/[.[\]]/g, "\\$&")}/set-password#token=`),
      );
    },
  );

  it("logs the refusal for the operator", async () => {
    const lines: string[] = [];
    const app = await buildApp(t.ctx, {
      logger: { level: "error", stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      const response = await call(
        app,
        "POST",
        "/api/v1/users",
        { name: "Ana Souza", email: "ana.logged@example.com.br", role: "customer", companyId },
        { cookie: admin, headers: { host: "attacker.example", origin: "http://attacker.example" } },
      );
      expect(response.statusCode).toBe(500);
      expect(lines.map((line) => JSON.parse(line))).toContainEqual(
        expect.objectContaining({ level: 50, code: "link.public_url_required" }),
      );
    } finally {
      await app.close();
    }
  });

  it("with EXTRANET_PUBLIC_URL, links point there whatever the Host says", async () => {
    const configured = await buildTestApp(); // EXTRANET_PUBLIC_URL is the test origin
    try {
      const cookie = await loginAs(configured.app, await makeUser(configured.ctx, "admin"));
      const company = await makeCompany(configured.ctx);
      const response = await call(
        configured.app,
        "POST",
        "/api/v1/users",
        { name: "Ana Souza", email: "ana@example.com.br", role: "customer", companyId: company.id },
        { cookie, headers: { host: "attacker.example", origin: TEST_ORIGIN } },
      );
      expect(response.statusCode).toBe(201);
      expect(response.json().setPasswordLink.url.startsWith(`${TEST_ORIGIN}/set-password#token=`)).toBe(true);
    } finally {
      await configured.close();
    }
  });
});
