// The error family: each kind of error that can reach the handler has a stable code and status.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildTestApp, type TestApp } from "../../test/support/app";
import { testDialect } from "../../test/support/database";
import { SlaError, type SlaErrorCode } from "../domain/sla/errors";
import { translate } from "../i18n";
import { toAppError } from "./error-family";
import { AppError, errors } from "./errors";

const answer = (error: unknown) => {
  const mapped = toAppError(error);
  return { code: mapped.code, status: mapped.statusCode };
};

function postgresError(code: string): pg.DatabaseError {
  const error = new pg.DatabaseError("driver message", 0, "error");
  error.code = code;
  return error;
}

function sqliteError(run: (db: Database.Database) => void): unknown {
  const db = new Database(":memory:");
  try {
    run(db);
  } catch (error) {
    return error;
  } finally {
    db.close();
  }
  throw new Error("the statement did not fail");
}

describe("toAppError", () => {
  it("passes our own errors through", () => {
    const ours = errors.notFound("ticket.not_found");
    expect(toAppError(ours)).toBe(ours);
  });

  it.each<[SlaErrorCode, number]>([
    ["sla.invalid_instant", 400],
    ["sla.invalid_pause", 400],
    ["sla.invalid_calendar", 422],
    ["sla.negative_target", 422],
    ["sla.invalid_warning_share", 422],
    ["sla.beyond_horizon", 422],
  ])("maps the SLA engine's %s to %i with a message in both languages", (code, status) => {
    const mapped = toAppError(new SlaError(code, "engine detail"));
    expect({ code: mapped.code, status: mapped.statusCode }).toEqual({ code, status });
    expect(translate("pt-BR", mapped.messageKey)).not.toBe(mapped.messageKey);
    expect(translate("en", mapped.messageKey)).not.toBe(translate("pt-BR", mapped.messageKey));
  });

  it("maps SQLite's unique violation (the real driver's error) to 409", () => {
    const error = sqliteError((db) => {
      db.exec("create table t (id integer primary key, email text unique)");
      db.prepare("insert into t (email) values (?)").run("a@b.c");
      db.prepare("insert into t (email) values (?)").run("a@b.c");
    });
    expect(answer(error)).toEqual({ code: "conflict", status: 409 });
  });

  it("maps SQLite's busy database (the real driver's error) to 503 with Retry-After", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "extranet-busy-")), "busy.sqlite");
    const holder = new Database(file);
    try {
      holder.exec("begin immediate");
      const error = sqliteError(() => {
        const other = new Database(file, { timeout: 0 });
        try {
          other.exec("begin immediate");
        } finally {
          other.close();
        }
      });
      const mapped = toAppError(error);
      expect({ code: mapped.code, status: mapped.statusCode, headers: mapped.headers }).toEqual({
        code: "unavailable",
        status: 503,
        headers: { "retry-after": "1" },
      });
    } finally {
      holder.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it.each([
    ["23505", "conflict", 409],
    ["22021", "invalid_input", 400],
    ["22003", "invalid_input", 400],
    ["40001", "unavailable", 503],
    ["40P01", "unavailable", 503],
    ["57P01", "unavailable", 503],
    ["08006", "unavailable", 503],
    ["42P01", "internal", 500],
    ["23503", "internal", 500],
  ])("maps PostgreSQL's %s to %s", (state, code, status) => {
    expect(answer(postgresError(state))).toEqual({ code, status });
  });

  it("treats a Zod error thrown by our own code, and anything unknown, as a 500", () => {
    let zodError: unknown;
    try {
      z.string().parse(1);
    } catch (error) {
      zodError = error;
    }
    expect(answer(zodError)).toEqual({ code: "internal", status: 500 });
    expect(answer(new Error("boom"))).toEqual({ code: "internal", status: 500 });
    expect(answer("a string")).toEqual({ code: "internal", status: 500 });
    expect(answer(null)).toEqual({ code: "internal", status: 500 });
    // A status code on something that is not Fastify's is not trusted.
    expect(answer(Object.assign(new Error("upstream"), { statusCode: 404 }))).toEqual({
      code: "internal",
      status: 500,
    });
  });

  it("gives every error it makes a catalog message", () => {
    for (const error of [
      new SlaError("sla.beyond_horizon", "x"),
      postgresError("22021"),
      postgresError("40001"),
      postgresError("23505"),
      new Error("Unexpected end of multipart data"),
      Object.assign(new Error("x"), { code: "FST_ERR_BAD_URL", statusCode: 400 }),
      Object.assign(new Error("x"), { code: "FST_SOMETHING_NEW", statusCode: 406 }),
    ]) {
      const mapped = toAppError(error);
      expect(mapped).toBeInstanceOf(AppError);
      expect(translate("pt-BR", mapped.messageKey), mapped.code).not.toMatch(/^error\./);
    }
    expect(answer(Object.assign(new Error("x"), { code: "FST_SOMETHING_NEW", statusCode: 406 }))).toEqual({
      code: "bad_request",
      status: 406,
    });
  });
});

describe("a value the database refuses as data", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("PostgreSQL refuses a NUL in text (400 invalid_input if it ever got there); SQLite stores it", async () => {
    const query = sql<{ value: string }>`select ${"a\u0000b"} as value`.execute(t.ctx.db);
    if (testDialect === "postgres") {
      const error = await query.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(pg.DatabaseError);
      expect(answer(error)).toEqual({ code: "invalid_input", status: 400 });
    } else {
      expect((await query).rows).toEqual([{ value: "a\u0000b" }]);
    }
  });
});
