import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

/** The real elements of rendered HTML (escaped text such as "&lt;img" is not an element). */
const realTags = (html: string) =>
  [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({
    name: (m[1] ?? "").toLowerCase(),
    attributes: m[2] ?? "",
  }));

describe("renderMarkdown", () => {
  it("renders the usual Markdown", () => {
    expect(renderMarkdown("**Atenção**: use a tela *ATW0001*.\n\n- um\n- dois")).toBe(
      "<p><strong>Atenção</strong>: use a tela <em>ATW0001</em>.</p>\n<ul>\n<li>um</li>\n<li>dois</li>\n</ul>",
    );
  });

  it("keeps line breaks as typed", () => {
    expect(renderMarkdown("linha 1\nlinha 2")).toBe("<p>linha 1<br />linha 2</p>");
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=https://evil.example></iframe>",
    '<a href="javascript:alert(1)">clique</a>',
    "[clique](javascript:alert(1))",
    "[clique](JAVASCRIPT:alert(1))",
    "[clique](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
    '[x](https://ok.example "t" onmouseover="alert(1)")',
  ])("renders %s inert", (attack) => {
    const tags = realTags(renderMarkdown(attack));
    for (const tag of tags) {
      expect(["p", "a", "br", "strong", "em"]).toContain(tag.name);
      expect(tag.attributes).not.toMatch(/\son\w+\s*=/i);
      expect(tag.attributes).not.toMatch(/(src|href)\s*=\s*"?\s*(javascript|data):/i);
    }
  });

  it("shows raw HTML as text rather than dropping the customer's words", () => {
    expect(renderMarkdown("<b>negrito</b> e <script>x</script>")).toContain("&lt;b&gt;negrito&lt;/b&gt;");
  });

  it("opens links safely", () => {
    expect(renderMarkdown("[manual](https://uno.com.br/manual)")).toBe(
      '<p><a href="https://uno.com.br/manual" rel="noopener noreferrer nofollow" target="_blank">manual</a></p>',
    );
    expect(renderMarkdown("https://uno.com.br")).toContain('rel="noopener noreferrer nofollow"');
  });
});
