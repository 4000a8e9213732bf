import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, TEST_ORIGIN, type TestApp } from "../../../test/support/app";
import { loginAs, makeUser } from "../../../test/support/factories";

describe("CSRF defence on unsafe requests", () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    cookie = await loginAs(t.app, await makeUser(t.ctx, "customer"));
  });
  afterAll(() => t.close());

  const patchLocale = (headers: Record<string, string>) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: { host: "extranet.test", cookie, ...headers },
      payload: { locale: "en" },
    });

  it("accepts the portal's own origin", async () => {
    expect((await patchLocale({ origin: TEST_ORIGIN })).statusCode).toBe(200);
  });

  it("accepts Sec-Fetch-Site: same-origin when no Origin is sent", async () => {
    expect((await patchLocale({ "sec-fetch-site": "same-origin" })).statusCode).toBe(200);
  });

  it.each([
    ["no Origin at all", {}],
    ["another site's Origin", { origin: "https://evil.example" }],
    ["another port", { origin: "http://extranet.test:8080" }],
    ["https instead of http", { origin: "https://extranet.test" }],
    ["a sibling site", { "sec-fetch-site": "same-site" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site" }],
    [
      "a matching Sec-Fetch-Site with a foreign Origin",
      { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    ],
  ])("refuses %s with 403 and changes nothing", async (_label, headers) => {
    const before = await t.ctx.db.selectFrom("app_user").select(["locale", "updated_at"]).execute();
    const response = await patchLocale(headers);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf");
    expect(await t.ctx.db.selectFrom("app_user").select(["locale", "updated_at"]).execute()).toEqual(before);
  });

  it("guards sign-in too (login CSRF)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { host: "extranet.test", origin: "https://evil.example" },
      payload: { email: "a@b.com.br", password: "x" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("leaves safe methods alone", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { host: "extranet.test", cookie },
    });
    expect(response.statusCode).toBe(200);
  });

  it("uses EXTRANET_PUBLIC_URL as the origin when configured, whatever the Host says", async () => {
    const behindProxy = await buildTestApp({ env: { EXTRANET_PUBLIC_URL: "https://suporte.uno.com.br/" } });
    try {
      const user = await makeUser(behindProxy.ctx, "agent");
      const body = { email: user.email, password: user.password };
      const own = await call(behindProxy.app, "POST", "/api/v1/auth/login", body, {
        headers: { origin: "https://suporte.uno.com.br" },
      });
      expect(own.statusCode).toBe(200);
      const hostBased = await call(behindProxy.app, "POST", "/api/v1/auth/login", body);
      expect(hostBased.statusCode).toBe(403);
    } finally {
      await behindProxy.close();
    }
  });
});

describe("the CSRF and session checks go by the routed path, whatever the URL's encoding", () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    user = await makeUser(t.ctx, "customer");
    cookie = await loginAs(t.app, user);
  });
  afterAll(() => t.close());

  // The router decodes the path, so each of these reaches an /api route.
  const encodedApi = ["/%61pi", "/a%70i", "/%61%70%69"];

  it.each(encodedApi)("refuses a foreign sign-in through %s/v1/auth/login (login CSRF)", async (prefix) => {
    const sessionsBefore = await t.ctx.db.selectFrom("session").select("id").execute();
    const response = await t.app.inject({
      method: "POST",
      url: `${prefix}/v1/auth/login`,
      headers: { host: "extranet.test", origin: "https://evil.example" },
      payload: { email: user.email, password: user.password },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf");
    expect(await t.ctx.db.selectFrom("session").select("id").execute()).toEqual(sessionsBefore);
  });

  it.each(encodedApi)("refuses a cross-site change through %s/v1/me", async (prefix) => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `${prefix}/v1/me`,
      headers: { host: "extranet.test", cookie, origin: "https://evil.example" },
      payload: { locale: "en" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf");
  });

  it.each(encodedApi)("reads the session through %s/v1/me", async (prefix) => {
    const response = await t.app.inject({
      method: "GET",
      url: `${prefix}/v1/me`,
      headers: { host: "extranet.test", cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().email).toBe(user.email);
  });
});
