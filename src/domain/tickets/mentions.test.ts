import { describe, expect, it } from "vitest";
import { findMentionTokens, foldName, highlightMentions, mentionedMembers, mentionHandle } from "./mentions";

const team = [
  { id: "1", name: "Juliana Prado", email: "juliana.prado@uno.com.br" },
  { id: "2", name: "Marcos Teixeira", email: "marcos.teixeira@uno.com.br" },
  { id: "3", name: "Ana D'Ávila", email: "ana@uno.com.br" },
  // Two people of one name: "@[Ana Souza]" names nobody for sure, so nobody.
  { id: "4", name: "Ana Souza", email: "ana.souza@uno.com.br" },
  { id: "5", name: "Ana Souza", email: "asouza@uno.com.br" },
];

describe("mentions", () => {
  it("finds handles and bracketed names, not e-mail addresses or a sentence's full stop", () => {
    expect(
      findMentionTokens("Oi @juliana.prado. Veja com @[Marcos Teixeira] (bruno@empresa.com.br)"),
    ).toEqual([
      { raw: "@juliana.prado", handle: "juliana.prado" },
      { raw: "@[Marcos Teixeira]", name: "Marcos Teixeira" },
    ]);
    expect(findMentionTokens("@ sozinho, x@y e @")).toEqual([]);
  });

  it("resolves each member once, by handle (any case) or by name (any accents or case)", () => {
    const found = mentionedMembers(
      "@Marcos.Teixeira @[juliana  prádo] @marcos.teixeira @[Ana d'avila]",
      team,
    );
    expect(found.map((m) => m.id)).toEqual(["2", "1", "3"]);
    expect(mentionedMembers("@[Ana Souza] @ninguem @[Fulano]", team)).toEqual([]);
    expect(mentionHandle("Juliana.Prado@UNO.com.br")).toBe("juliana.prado");
    expect(foldName("  Ana   D'Ávila ")).toBe("ana d'avila");
  });

  it("highlights only members in escaped text, names with entities included", () => {
    expect(highlightMentions("@juliana.prado e @fulano &amp; @[Ana D&#39;Ávila]", team)).toBe(
      '<span class="mention">@juliana.prado</span> e @fulano &amp; <span class="mention">@[Ana D&#39;Ávila]</span>',
    );
  });
});
