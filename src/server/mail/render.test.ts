// headerSafe: a subject fit for a header line, whatever its author typed.
import { describe, expect, it } from "vitest";
import { headerSafe } from "./render";

describe("headerSafe", () => {
  it("turns line breaks and other control characters into single spaces", () => {
    expect(headerSafe("NF-e\r\nBcc: todos@exemplo.com.br")).toBe("NF-e Bcc: todos@exemplo.com.br");
    expect(headerSafe("a\u0000b\u007fc\u0085d\u2028e\u2029f\tg")).toBe("a b c d e f g");
    expect(headerSafe("  Nota   fiscal  ")).toBe("Nota fiscal");
  });

  it("keeps accents and symbols, and cuts a long subject with an ellipsis", () => {
    expect(headerSafe("Conciliação bancária — relatório €")).toBe("Conciliação bancária — relatório €");
    const cut = headerSafe("x".repeat(300));
    expect(cut).toHaveLength(200);
    expect(cut.endsWith("…")).toBe(true);
  });
});
