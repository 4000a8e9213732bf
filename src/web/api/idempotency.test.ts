import { describe, expect, it } from "vitest";
import { submissionKeys } from "./idempotency";

describe("submission keys", () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it("reuse the key while the same payload is sent again", () => {
    const keys = submissionKeys(counter());
    expect(keys.keyFor({ subject: "NF-e", body: "x" })).toBe("key-1");
    expect(keys.keyFor({ subject: "NF-e", body: "x" })).toBe("key-1");
  });

  it("take a new key for another payload, and after a success", () => {
    const keys = submissionKeys(counter());
    keys.keyFor({ body: "a" });
    expect(keys.keyFor({ body: "b" })).toBe("key-2");
    keys.reset();
    expect(keys.keyFor({ body: "b" })).toBe("key-3");
  });
});
