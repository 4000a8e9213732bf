// searchOf: only the values that were asked for, encoded.
import { describe, expect, it } from "vitest";
import { searchOf } from "./search-params";

describe("searchOf", () => {
  it("leaves out empty, null and undefined values", () => {
    expect(searchOf({ q: "", status: null, cursor: undefined, limit: 25 })).toBe("?limit=25");
  });

  it("answers an empty string when nothing is left", () => {
    expect(searchOf({ q: "" })).toBe("");
  });

  it("encodes accents and spaces", () => {
    expect(searchOf({ q: "emissão de nota" })).toBe("?q=emiss%C3%A3o+de+nota");
  });
});
