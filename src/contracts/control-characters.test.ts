import { describe, expect, it } from "vitest";
import { controlCharacterIssues, hasControlCharacters } from "./control-characters";

describe("control characters", () => {
  it("are C0 but tab, LF and CR, and DEL", () => {
    const refused = [...Array(0x20).keys()].filter((code) => ![0x09, 0x0a, 0x0d].includes(code));
    for (const code of [...refused, 0x7f]) {
      expect(hasControlCharacters(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe(true);
    }
    for (const text of ["", "tab\there", "lines\r\nand\nmore", "ação, NF-e nº 12 — ok", "\u00a0\u2028😀"]) {
      expect(hasControlCharacters(text), JSON.stringify(text)).toBe(false);
    }
  });

  it("are reported at their path in the input, keys included", () => {
    const issues = controlCharacterIssues({
      subject: "ok",
      description: "bad\u0000",
      tags: ["fine", "bad\u001b"],
      nested: { "key\u0000": "value", deep: [{ note: "\u007f" }] },
      count: 3,
      flag: null,
    });
    expect(issues.map((issue) => issue.path.join("."))).toEqual([
      "description",
      "tags.1",
      "nested.key\u0000",
      "nested.deep.0.note",
    ]);
    expect(new Set(issues.map((issue) => issue.message))).toEqual(new Set(["validation.control_characters"]));
    expect(controlCharacterIssues("plain")).toEqual([]);
    expect(controlCharacterIssues("\u0000")).toHaveLength(1);
  });
});
