// On SQLite, a busy database (busy_timeout elapsed) answers 503 with Retry-After instead of an error;
// PostgreSQL's bounded pool and statement timeout are tested against a real server in
// test/cli/pool-limits-postgres.test.ts (whatever database this run uses).
import { describe, expect, it } from "vitest";
import { toAppError } from "../error-family";

describe("SQLite busy", () => {
  it("answers 503 with Retry-After once busy_timeout has passed", () => {
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const answer = toAppError(busy);
    expect(answer.statusCode).toBe(503);
    expect(answer.headers).toEqual({ "retry-after": "1" });
  });
});
