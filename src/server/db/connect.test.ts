import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database";
import { connect } from "./connect";
import { migrateToLatest } from "./migrate";
import { migrations } from "./migrations";
import type { UserTable } from "./schema";

/** Three migrators at once: separate processes on SQLite (one process holds one file), pools on PostgreSQL. */
async function migrateConcurrently(database: TestDatabase): Promise<string[]> {
  if (database.config.dialect === "sqlite") {
    const file = database.config.file;
    const run = () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "test/support/bin/migrate.ts", file], {
        timeout: 30_000,
      });
    const outputs = await Promise.all([run(), run(), run()]);
    return outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
  }
  const connections = [1, 2, 3].map(() =>
    connect(database.config, { searchPath: database.searchPath, poolSize: 2 }),
  );
  try {
    return (await Promise.all(connections.map((c) => migrateToLatest(c.db, c.schema)))).flat();
  } finally {
    await Promise.all(connections.map((c) => c.db.destroy()));
  }
}

describe("database connection and migrations", () => {
  it("concurrent migrators apply each migration exactly once, and a later run finds nothing to do", async () => {
    const database = await createTestDatabase();
    try {
      const applied = await migrateConcurrently(database);
      expect(applied.sort()).toEqual(Object.keys(migrations).sort());
      const connection = connect(database.config, { searchPath: database.searchPath });
      try {
        const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          connection.db,
        );
        expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
        expect(await migrateToLatest(connection.db, connection.schema)).toEqual([]);
      } finally {
        await connection.db.destroy();
      }
    } finally {
      await database.drop();
    }
  });

  it("opens SQLite in WAL mode with synchronous=FULL, foreign keys on, a busy timeout and temporary data in memory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "extranet-pragma-"));
    const connection = connect({ dialect: "sqlite", file: path.join(dir, "x.sqlite") });
    try {
      const sqlite = connection.sqlite;
      if (!sqlite) throw new Error("expected SQLite");
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
      expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
      // 2 = MEMORY: a command's savepoint journal never spills to a temporary file.
      expect(sqlite.pragma("temp_store", { simple: true })).toBe(2);
    } finally {
      await connection.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("enforces the role/company rule in the schema itself", async () => {
    const database = await createTestDatabase();
    const connection = connect(database.config, { searchPath: database.searchPath });
    try {
      await migrateToLatest(connection.db, connection.schema);
      const row: UserTable = {
        id: "u1",
        company_id: null,
        name: "Sem Empresa",
        email: "x@example.com.br",
        password_hash: null,
        role: "customer",
        locale: "pt-BR",
        active: 1,
        last_login_at: null,
        previous_login_at: null,
        created_at: 0,
        updated_at: 0,
        anonymized_at: null,
      };
      await expect(connection.db.insertInto("app_user").values(row).execute()).rejects.toThrow(/check/i);
    } finally {
      await connection.db.destroy();
      await database.drop();
    }
  });
});
