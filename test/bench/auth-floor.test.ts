// The bench's `me-floor` server does what `GET /api/v1/me` must do and nothing else: it must answer the
// very bytes the app answers, from the app's own database and session, or it measures something else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildServer, startChildServer } from "../../bench/child-server";
import { buildTestApp, call, type TestApp } from "../support/app";
import { testPostgresUrl } from "../support/database";
import { loginAs, makeUser } from "../support/factories";

const API_HEADERS = [
  "content-security-policy",
  "cross-origin-resource-policy",
  "referrer-policy",
  "x-content-type-options",
  "x-frame-options",
  "content-type",
] as const;

describe("the bench's authentication floor", () => {
  let t: TestApp;
  let floor: ChildServer;

  beforeAll(async () => {
    t = await buildTestApp();
    // The floor server judges a session's expiry by the real clock.
    t.clock.set(new Date().toISOString());
    const { config, searchPath, dataDir } = t.database;
    floor = await startChildServer({
      label: "auth-floor",
      nodeArgs: ["--import", "tsx", "bench/auth-floor-server.ts"],
      env:
        config.dialect === "postgres"
          ? { DATABASE_URL: testPostgresUrl, PGOPTIONS: `-c search_path=${searchPath ?? "public"}` }
          : { EXTRANET_DATA_DIR: dataDir },
      readyPath: "/health",
    });
  });

  afterAll(async () => {
    await floor?.stop();
    await t?.close();
  });

  const floorMe = (cookie?: string) =>
    fetch(`${floor.origin}/api/v1/me`, cookie ? { headers: { cookie } } : {});

  it("answers the app's bytes and headers for the app's session, and 401 without one", async () => {
    const customer = await makeUser(t.ctx, "customer");
    const cookie = await loginAs(t.app, customer);
    const app = await call(t.app, "GET", "/api/v1/me", undefined, { cookie });
    const answer = await floorMe(cookie);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(app.body);
    for (const name of API_HEADERS) expect(answer.headers.get(name), name).toBe(app.headers[name]);

    const anonymous = await floorMe();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual((await call(t.app, "GET", "/api/v1/me", undefined, {})).json());
  });

  it("reads the session from the database on every request: a signed-out session is refused at once", async () => {
    const agent = await makeUser(t.ctx, "agent");
    const cookie = await loginAs(t.app, agent);
    expect((await floorMe(cookie)).status).toBe(200);
    expect((await call(t.app, "POST", "/api/v1/auth/logout", undefined, { cookie })).statusCode).toBe(204);
    expect((await floorMe(cookie)).status).toBe(401);
  });
});
