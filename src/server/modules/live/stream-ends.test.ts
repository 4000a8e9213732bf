import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import { loginAs, makeCompany, makeUser } from "../../../../test/support/factories";
import { connectSse, type SseClient } from "../../../../test/support/sse";
import { MAX_STREAMS_PER_SESSION, MAX_STREAMS_PER_USER } from "./routes";

/** Far below the 60 s a stream waits before re-checking its session by itself. */
const AT_ONCE_MS = 2_000;
const tokenOf = (url: string) => new URL(url).hash.replace("#token=", "");

// A stream ends with the right to it: sign-out, password change or reset, deactivation.
describe("live streams end with the session", () => {
  let t: TestApp;
  let origin: string;
  let admin: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.ctx.live.ready();
    admin = await loginAs(t.app, await makeUser(t.ctx, "admin"));
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.close();
  });

  const stream = async (cookie: string) => {
    const client = await connectSse(`${origin}/api/v1/events`, cookie);
    open.push(client);
    expect(client.status).toBe(200);
    await client.next((m) => m.event === "ready");
    return client;
  };

  it("sign-out ends that session's streams at once, and no other session's", async () => {
    const user = await makeUser(t.ctx, "agent");
    const [first, second] = [await loginAs(t.app, user), await loginAs(t.app, user)];
    const [a1, a2, b] = [await stream(first), await stream(first), await stream(second)];
    expect((await call(t.app, "POST", "/api/v1/auth/logout", undefined, { cookie: first })).statusCode).toBe(
      204,
    );
    expect(await a1.endsWithin(AT_ONCE_MS)).toBe(true);
    expect(await a2.endsWithin(AT_ONCE_MS)).toBe(true);
    expect(await b.endsWithin(300)).toBe(false);
    // The internal event that ended them never reaches a browser.
    expect(b.messages.map((m) => m.event)).toEqual(["ready"]);
    expect([...a1.messages, ...a2.messages].map((m) => m.event)).toEqual(["ready", "ready"]);
  });

  it("disabling a user ends all their streams", async () => {
    const user = await makeUser(t.ctx, "customer");
    const bystander = await stream(await loginAs(t.app, await makeUser(t.ctx, "customer")));
    const streams = [await stream(await loginAs(t.app, user)), await stream(await loginAs(t.app, user))];
    const disabled = await call(
      t.app,
      "PATCH",
      `/api/v1/users/${user.id}`,
      { active: false },
      { cookie: admin },
    );
    expect(disabled.statusCode).toBe(200);
    for (const client of streams) expect(await client.endsWithin(AT_ONCE_MS)).toBe(true);
    expect(await bystander.endsWithin(300)).toBe(false);
  });

  it("deactivating a company ends its users' streams, not other companies'", async () => {
    const [company, other] = [await makeCompany(t.ctx), await makeCompany(t.ctx)];
    const inside = [
      await stream(await loginAs(t.app, await makeUser(t.ctx, "customer", { company }))),
      await stream(await loginAs(t.app, await makeUser(t.ctx, "customer_admin", { company }))),
    ];
    const outside = await stream(await loginAs(t.app, await makeUser(t.ctx, "customer", { company: other })));
    const deactivated = await call(
      t.app,
      "PATCH",
      `/api/v1/companies/${company.id}`,
      { active: false },
      { cookie: admin },
    );
    expect(deactivated.statusCode).toBe(200);
    for (const client of inside) expect(await client.endsWithin(AT_ONCE_MS)).toBe(true);
    expect(await outside.endsWithin(300)).toBe(false);
  });

  it("a password change ends all the user's streams, the caller's session's included", async () => {
    const user = await makeUser(t.ctx, "customer");
    const [mine, elsewhere] = [await loginAs(t.app, user), await loginAs(t.app, user)];
    const streams = [await stream(mine), await stream(elsewhere)];
    const changed = await call(
      t.app,
      "POST",
      "/api/v1/me/password",
      { currentPassword: user.password, newPassword: "uma senha nova e longa" },
      { cookie: mine },
    );
    expect(changed.statusCode).toBe(200);
    for (const client of streams) expect(await client.endsWithin(AT_ONCE_MS)).toBe(true);
  });

  it("a password reset through a link ends all the user's streams", async () => {
    const user = await makeUser(t.ctx, "customer");
    const client = await stream(await loginAs(t.app, user));
    const link = await call(t.app, "POST", `/api/v1/users/${user.id}/password-link`, undefined, {
      cookie: admin,
    });
    const set = await call(t.app, "POST", "/api/v1/auth/set-password", {
      token: tokenOf(link.json().url),
      password: "uma senha nova e longa",
    });
    expect(set.statusCode).toBe(204);
    expect(await client.endsWithin(AT_ONCE_MS)).toBe(true);
  });
});

// One session (or user) cannot hold open streams without end.
describe("live streams are capped per session and per user", () => {
  let t: TestApp;
  let origin: string;
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.close();
  });

  const streams = async (cookie: string, count: number) => {
    const clients = await Promise.all(
      Array.from({ length: count }, () => connectSse(`${origin}/api/v1/events`, cookie)),
    );
    open.push(...clients);
    return clients;
  };
  const refused = async (cookie: string) => {
    const response = await fetch(`${origin}/api/v1/events`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status === 200) {
      await response.body?.cancel();
      return { status: 200, retryAfter: null, body: null };
    }
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: await response.json(),
    };
  };

  it(`accepts ${MAX_STREAMS_PER_SESSION} per session, then 429 in the error shape until one closes`, async () => {
    const cookie = await loginAs(t.app, await makeUser(t.ctx, "agent"));
    const clients = await streams(cookie, MAX_STREAMS_PER_SESSION);
    expect(clients.map((c) => c.status)).toEqual(Array(MAX_STREAMS_PER_SESSION).fill(200));
    expect(await refused(cookie)).toEqual({
      status: 429,
      retryAfter: "30",
      body: {
        error: {
          code: "live.too_many_streams",
          message:
            "Há conexões de atualização ao vivo abertas demais. Feche algumas abas do portal e recarregue a página.",
        },
      },
    });
    clients[0]?.close();
    await clients[0]?.closed;
    // The server notices the closed socket within moments.
    let again = await connectSse(`${origin}/api/v1/events`, cookie);
    for (let i = 0; again.status !== 200 && i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await connectSse(`${origin}/api/v1/events`, cookie);
    }
    open.push(again);
    expect(again.status).toBe(200);
  });

  it(`accepts ${MAX_STREAMS_PER_USER} per user across sessions, then 429`, async () => {
    const user = await makeUser(t.ctx, "agent");
    const sessions = MAX_STREAMS_PER_USER / MAX_STREAMS_PER_SESSION;
    for (let i = 0; i < sessions; i++) {
      const clients = await streams(await loginAs(t.app, user), MAX_STREAMS_PER_SESSION);
      expect(clients.every((c) => c.status === 200)).toBe(true);
    }
    const fresh = await loginAs(t.app, user);
    expect((await refused(fresh)).status).toBe(429);
    // Someone else is not affected.
    const [other] = await streams(await loginAs(t.app, await makeUser(t.ctx, "agent")), 1);
    expect(other?.status).toBe(200);
  });
});
