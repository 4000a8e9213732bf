// Two `extranet serve` processes on one PostgreSQL database, both delivering the outbox to one real
// SMTP server: every e-mail arrives exactly once (rows claimed with FOR UPDATE SKIP LOCKED), the
// demo's e-mails and those of new tickets and replies alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { openAndReply, startTwoServers } from "./demo-traffic";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import type { ServerProcess } from "./server";
import { cleanUp, ensureBuilt, sleep } from "./support";

let database: ThrowawayDatabase | undefined;
let smtp: TestSmtp | undefined;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  await ensureBuilt();
  database = await createThrowawayDatabase();
  smtp = await startTestSmtp();
});

afterAll(async () => {
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
  await cleanUp();
  await smtp?.close();
  await database?.drop();
});

describe("the outbox with two server processes", { timeout: 90_000 }, () => {
  it("sends every e-mail exactly once, whichever process writes or sends it", async () => {
    if (!database || !smtp) throw new Error("setup failed");
    const env = { DATABASE_URL: database.url, SMTP_URL: smtp.url, EXTRANET_SEED_DEMO: "true" };
    // One seeds (its demo tickets write e-mails); then a second joins.
    const [a, b] = await startTwoServers(env, servers);

    // Customers open tickets on one process while an agent answers on the other.
    await openAndReply(a, b, 8, 9000);

    // Everything written is delivered: nothing left queued or being sent.
    const deadline = Date.now() + 60_000;
    const waiting = async () =>
      Number(
        (
          await database?.query<{ n: string }>(
            "select count(*) as n from outbox_message where state <> 'sent'",
          )
        )?.[0]?.n,
      );
    while ((await waiting()) > 0) {
      if (Date.now() > deadline) throw new Error(`e-mails still waiting after 60 s: ${await waiting()}`);
      await sleep(200);
    }
    const written = await database.query<{ message_id: string }>("select message_id from outbox_message");
    expect(written.length).toBeGreaterThanOrEqual(16);
    const received = await smtp.waitFor(written.length);
    // A moment more: a duplicate would arrive after the last row was marked sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ids = received.map((mail) => mail.parsed.messageId);
    expect(ids).toHaveLength(written.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(written.map((row) => row.message_id).sort());
    // Neither process failed a delivery.
    expect(servers.every((server) => !server.stderr().includes("e-mail delivery failed"))).toBe(true);
  });
});
