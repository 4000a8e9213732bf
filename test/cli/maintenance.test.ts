// `extranet serve` runs the maintenance job by itself: soon after start, an expired session and an
// upload left pending for days (row and file) are gone.
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer, waitForOutput } from "./server";
import { countRows, databaseFile } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir, runCli } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  expect((await server.exited).code).toBe(0);
}

describe("the maintenance job under serve", { timeout: 90_000 }, () => {
  it("purges an expired session and a stale pending upload, its file included", async () => {
    const dataDir = freshDataDir();
    const env = { EXTRANET_DATA_DIR: dataDir, EXTRANET_SEED_DEMO: "false" };
    const created = await runCli(
      [
        "create-user",
        "--email",
        "ops@uno.com.br",
        "--name",
        "Operador",
        "--role",
        "admin",
        "--password-stdin",
      ],
      env,
      { stdin: "uma senha longa o bastante\n" },
    );
    expect(created.code, created.stderr).toBe(0);
    const key = "ab".repeat(22);
    const file = path.join(dataDir, "attachments", key.slice(0, 2), key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "log antigo\n");
    const db = new SQLite(databaseFile(dataDir));
    try {
      const userId = (db.prepare("select id from app_user").pluck().get() as string) ?? "";
      db.prepare(
        "insert into session (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) values ('s1', ?, 0, 0, 1, '127.0.0.1', 'test')",
      ).run(userId);
      db.prepare(
        `insert into attachment (id, ticket_id, event_id, uploader_id, filename, content_type, size, sha256, storage_key, created_at, company_id)
         values ('a1', null, null, ?, 'antigo.log', 'text/plain', 11, 'x', ?, 0, null)`,
      ).run(userId, key);
    } finally {
      db.close();
    }

    const server = await startServer(env);
    await waitForOutput(server, /maintenance: expired rows and files purged/, 30_000);

    expect(countRows(databaseFile(dataDir), "session")).toBe(0);
    expect(countRows(databaseFile(dataDir), "attachment")).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    await stop(server);
  });
});
