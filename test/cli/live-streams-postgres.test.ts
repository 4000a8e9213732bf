// Two `extranet serve` processes on one PostgreSQL database: a sign-out or a deactivation on one
// ends the live-event streams held open on the other at once (the bus's internal event).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../bench/demo-session";
import { connectSse, type SseClient } from "../support/sse";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { type ServerProcess, spawnServer, waitUntilHealthy } from "./server";
import { cleanUp, ensureBuilt, freshDataDir } from "./support";

/** Far below the 60 s a stream waits before re-checking its session by itself. */
const AT_ONCE_MS = 2_000;
const agent = { email: "juliana.prado@uno.com.br", password: "extranet-demo" };
const customer = { email: "fernanda.lima@paulistaalimentos.com.br", password: "extranet-demo" };
const admin = { email: "renata.albuquerque@uno.com.br", password: "extranet-demo" };

let database: ThrowawayDatabase | undefined;
let a: ServerProcess;
let b: ServerProcess;
const open: SseClient[] = [];

beforeAll(async () => {
  await ensureBuilt();
  database = await createThrowawayDatabase();
  const env = { DATABASE_URL: database.url, EXTRANET_SEED_DEMO: "true" };
  [a, b] = await Promise.all([
    spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
    spawnServer({ ...env, EXTRANET_DATA_DIR: freshDataDir() }),
  ]);
  await Promise.all([waitUntilHealthy(a, 30_000), waitUntilHealthy(b, 30_000)]);
}, 60_000);

afterAll(async () => {
  for (const client of open) client.close();
  await cleanUp();
  await database?.drop();
});

async function streamOn(server: ServerProcess, cookie: string): Promise<SseClient> {
  const client = await connectSse(`${server.baseUrl}/api/v1/events`, cookie);
  open.push(client);
  expect(client.status).toBe(200);
  await client.next((m) => m.event === "ready");
  return client;
}

const post = (server: ServerProcess, path: string, cookie: string, body?: unknown, method = "POST") =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("live streams end across processes on PostgreSQL", { timeout: 60_000 }, () => {
  it("a sign-out on one process ends that session's streams on the other, and only those", async () => {
    const [ending, staying] = [await signIn(a.baseUrl, agent), await signIn(a.baseUrl, agent)];
    const [endingStream, stayingStream] = [await streamOn(b, ending), await streamOn(b, staying)];
    const logout = await fetch(`${a.baseUrl}/api/v1/auth/logout`, {
      method: "POST",
      headers: { cookie: ending, origin: a.baseUrl },
    });
    expect(logout.status).toBe(204);
    expect(await endingStream.endsWithin(AT_ONCE_MS)).toBe(true);
    expect(await stayingStream.endsWithin(300)).toBe(false);
    expect(stayingStream.messages.map((m) => m.event)).not.toContain("streams.end");
  });

  it("disabling a user on one process ends their streams on the other", async () => {
    const customerStream = await streamOn(b, await signIn(b.baseUrl, customer));
    const adminCookie = await signIn(a.baseUrl, admin);
    const users = (await (
      await fetch(`${a.baseUrl}/api/v1/users?limit=100`, { headers: { cookie: adminCookie } })
    ).json()) as { items: { id: string; email: string }[] };
    const target = users.items.find((u) => u.email === customer.email);
    if (!target) throw new Error("demo customer missing");
    const disabled = await post(a, `/api/v1/users/${target.id}`, adminCookie, { active: false }, "PATCH");
    expect(disabled.status).toBe(200);
    expect(await customerStream.endsWithin(AT_ONCE_MS)).toBe(true);
  });
});
