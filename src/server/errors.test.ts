// What an AppError carries besides its code: a stack only where someone will read it (a 5xx's log).
import { describe, expect, it } from "vitest";
import { AppError, errors } from "./errors";

const frames = (error: Error) =>
  (error.stack ?? "").split("\n").filter((line) => line.trim().startsWith("at "));

describe("AppError stacks", () => {
  it("answers a client's mistake (4xx) without walking the stack", () => {
    for (const error of [errors.unauthenticated(), errors.routeNotFound(), errors.csrf()]) {
      expect(error.statusCode).toBeLessThan(500);
      expect(error.stack).toContain(error.code);
      expect(frames(error)).toEqual([]);
    }
  });

  it("keeps the stack of a server's failure (5xx) for its log", () => {
    const error = errors.internal();
    expect(error.statusCode).toBe(500);
    expect(frames(error).length).toBeGreaterThan(0);
    expect(error.stack).toContain("errors.test.ts");
  });

  it("leaves the process's own stack limit as it found it, for every other error", () => {
    const before = Error.stackTraceLimit;
    new AppError("x", 404, "error.not_found");
    new AppError("y", 503, "error.unavailable");
    expect(Error.stackTraceLimit).toBe(before);
    expect(frames(new Error("plain")).length).toBeGreaterThan(0);
  });
});
