// Bounded waits on PostgreSQL: a request that cannot get a connection in time, or whose statement
// runs past the timeout, answers 503 with Retry-After instead of hanging. A throwaway database of its
// own, so it runs once, in npm test, whatever database the API suite uses.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app";
import type { AppContext } from "../../src/server/context";
import { toAppError } from "../../src/server/error-family";
import { closeContext, openContext } from "../../src/server/runtime";
import { TEST_HOST, TEST_ORIGIN } from "../support/app";
import { signal } from "../support/signal";
import { createThrowawayDatabase, type ThrowawayDatabase, throwawayConfig } from "./postgres";
import { cleanUp } from "./support";

describe("PostgreSQL pool limits", () => {
  let database: ThrowawayDatabase;
  let base: AppContext;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    const config = throwawayConfig(database);
    // The migrated database, as a CLI command or a test opens it: unbounded.
    base = await openContext(config);
    // A server process on it with a pool of one connection and a short wait.
    ctx = await openContext(
      { ...config, databasePool: { size: 1, waitMs: 100, statementTimeoutMs: 200 } },
      { poolSize: 1, migrate: false, serving: true },
    );
  });
  afterAll(async () => {
    await closeContext(ctx);
    await closeContext(base);
    await cleanUp();
    await database.drop();
  });

  it("answers 503 with Retry-After in the reader's language when no connection frees up in time", async () => {
    const app = await buildApp(ctx, { logger: false });
    const release = signal();
    const inTransaction = signal();
    // The pool's only connection, held by an open transaction.
    const holder = ctx.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      inTransaction.fire();
      await release.reached;
    });
    try {
      await inTransaction.reached;
      expect(ctx.connection.pool?.waitingCount).toBe(0);
      const began = Date.now();
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        headers: { host: TEST_HOST, origin: TEST_ORIGIN, "accept-language": "pt-BR" },
        payload: { email: "ninguem@example.com", password: "nao e a senha" },
      });
      expect(Date.now() - began).toBeLessThan(5_000);
      expect(response.statusCode).toBe(503);
      expect(response.headers["retry-after"]).toBe("1");
      expect(response.json()).toEqual({
        error: { code: "unavailable", message: "Serviço temporariamente indisponível." },
      });
    } finally {
      release.fire();
      await holder;
    }
    // The connection given back, requests are answered again.
    const again = await app.inject({ method: "GET", url: "/health" });
    expect(again.statusCode).toBe(200);
    await app.close();
  });

  it("bounds the server's statements only: CLI commands and tests (and migrations) run unbounded", async () => {
    const shown = async (db: AppContext["db"]) =>
      (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)).rows[0]
        ?.statement_timeout;
    expect(await shown(ctx.db)).toBe("200ms");
    expect(await shown(base.db)).toBe("0");
  });

  it("starts no parallel workers for a request's statements", async () => {
    const shown = await sql<{
      max_parallel_workers_per_gather: string;
    }>`show max_parallel_workers_per_gather`.execute(ctx.db);
    expect(shown.rows[0]?.max_parallel_workers_per_gather).toBe("0");
  });

  it("cancels a statement past DATABASE_STATEMENT_TIMEOUT_MS, which answers 503", async () => {
    const error = await sql`select pg_sleep(2)`.execute(ctx.db).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "57014" });
    const answer = toAppError(error);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers).toEqual({ "retry-after": "1" });
  });
});
