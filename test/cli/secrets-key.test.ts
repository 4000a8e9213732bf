// `extranet serve` with SECRETS_KEY: a webhook registered without the key is sealed when the server
// restarts with it; restarted without it (or with another key), the server refuses to start and says why.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/seed/demo-data";
import { login, type ServerProcess, spawnServer, startServer } from "./server";
import { databaseFile, readSqlite } from "./sqlite";
import { cleanUp, ensureBuilt, freshDataDir } from "./support";

beforeAll(ensureBuilt);
afterAll(cleanUp);

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill("SIGTERM");
  await server.exited;
}

describe("extranet serve and SECRETS_KEY", () => {
  it("seals stored secrets at start, and refuses to start without the key they were sealed with", async () => {
    const dataDir = freshDataDir();
    const key = randomBytes(32).toString("base64");
    const first = await startServer({ EXTRANET_DATA_DIR: dataDir, WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
    try {
      const signedIn = await login(first, "renata.albuquerque@uno.com.br", DEMO_PASSWORD);
      const cookie = (signedIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
      const made = await fetch(`${first.baseUrl}/api/v1/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: first.baseUrl, cookie },
        body: JSON.stringify({ url: "http://127.0.0.1:9/hooks", events: ["ticket.created"] }),
      });
      expect(made.status, await made.clone().text()).toBe(201);
    } finally {
      await stop(first);
    }
    const stored = () =>
      readSqlite(
        databaseFile(dataDir),
        (db) => db.prepare("select secret from webhook_endpoint").get() as { secret: string },
      );
    expect(stored().secret).toMatch(/^whsec_/);

    const sealing = await startServer({ EXTRANET_DATA_DIR: dataDir, SECRETS_KEY: key });
    await stop(sealing);
    expect(sealing.stdout()).toContain("stored ERP and webhook secrets sealed with SECRETS_KEY");
    expect(stored().secret).toMatch(/^sealed:v1:/);

    const withoutTheKey: Record<string, string>[] = [{}, { SECRETS_KEY: randomBytes(32).toString("base64") }];
    for (const env of withoutTheKey) {
      const refused = await spawnServer({ EXTRANET_DATA_DIR: dataDir, ...env });
      const exit = await refused.exited;
      expect(exit.code).not.toBe(0);
      expect(refused.stderr()).toMatch(/SECRETS_KEY/);
    }
  });
});
