import { describe, expect, it } from "vitest";
import { wallClockToInstant } from "./simulate-form";

describe("wallClockToInstant", () => {
  it("reads the inputs as São Paulo time", () => {
    expect(wallClockToInstant("2026-04-20T16:00")).toBe("2026-04-20T16:00:00-03:00");
  });
  it("answers null for empty or impossible input", () => {
    expect(wallClockToInstant("")).toBeNull();
    expect(wallClockToInstant("2026-02-31T10:00")).toBeNull();
  });
});
