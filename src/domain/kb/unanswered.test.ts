import { describe, expect, it } from "vitest";
import { normalizeSearchQuery, relateMiss, TYPING_WINDOW_MS } from "./unanswered";

describe("normalizeSearchQuery", () => {
  it.each([
    ["  Não CONSIGO   imprimir!! ", "nao consigo imprimir"],
    ["NF-e rejeitada?", "nf-e rejeitada"],
    ["Conciliação\tbancária", "conciliacao bancaria"],
    ["!!!", ""],
  ])("%j → %j", (query, normalized) => {
    expect(normalizeSearchQuery(query)).toBe(normalized);
  });
});

describe("relateMiss", () => {
  const at = 1_000_000;
  it("tells a repeat, typing (longer or shorter) and a new search apart", () => {
    expect(relateMiss(undefined, { query: "nao consigo", at })).toBe("new");
    expect(relateMiss({ query: "nao consigo", at }, { query: "nao consigo", at: at + 5_000 })).toBe("repeat");
    expect(relateMiss({ query: "nao cons", at }, { query: "nao consigo", at: at + 5_000 })).toBe("typing");
    expect(relateMiss({ query: "nao consigo x", at }, { query: "nao consigo", at: at + 5_000 })).toBe(
      "typing",
    );
    expect(relateMiss({ query: "boleto", at }, { query: "nao consigo", at: at + 5_000 })).toBe("new");
    expect(relateMiss({ query: "nao cons", at }, { query: "nao consigo", at: at + TYPING_WINDOW_MS })).toBe(
      "new",
    );
  });
});
