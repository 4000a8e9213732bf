// Stored tokens (sessions, one-time links, API tokens) are found by hashToken: its output is a storage
// format, which must stay SHA-256 in hex whatever computes it.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "./crypto";

describe("hashToken", () => {
  it("is the SHA-256 of the token's UTF-8, in lowercase hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (const token of [newToken(), newToken(), "ção-€", ""]) {
      expect(hashToken(token)).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
    }
  });
});
