import { describe, expect, it } from "vitest";
import { renderMarkdown, sanitizeFully, sanitizePlain, unsanitizedHtml } from "./markdown";

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

describe("sanitizePlain, the sanitizer's shortcut for attribute-free HTML", () => {
  it.each([
    '<p onclick="x">a</p>',
    "<p>a</p><script>x</script>",
    '<p><a href="https://uno.com.br">a</a></p>',
    "<P>a</P>",
    "<p >a</p>",
    "<p>&copy; 2026</p>",
    "<p>&#x3c;script&#x3e;</p>",
    "<p>a > b</p>",
    '<ol start="2"><li>a</li></ol>',
    "<img>",
    "<span>a</span>",
  ])("leaves %s to the sanitizer", (html) => {
    expect(sanitizePlain(html)).toBeUndefined();
  });

  it("answers what the sanitizer answers for the plain tags", () => {
    const html =
      "<h2>T&#39;&quot;</h2>\n<p>a &amp; b &lt;c&gt;<br>d</p>\n<hr>\n<ul>\n<li><em>x</em></li>\n</ul>\n";
    expect(sanitizePlain(html)).toBe(sanitizeFully(html));
    expect(sanitizePlain(html)).toBe(
      "<h2>T'\"</h2>\n<p>a &amp; b &lt;c&gt;<br />d</p>\n<hr />\n<ul>\n<li><em>x</em></li>\n</ul>\n",
    );
  });

  it("answers what the sanitizer answers for thousands of generated texts, taking the shortcut for most", () => {
    // Texts made of Markdown's pieces, raw HTML and entities included, from a seeded generator.
    const pieces = [
      "Nota",
      "fiscal",
      "não",
      "emitida",
      "ação",
      " ",
      " ",
      " ",
      "\n",
      "\n\n",
      "**",
      "*",
      "_",
      "`",
      "```\n",
      "~~",
      "- ",
      "1. ",
      "3) ",
      "> ",
      "# ",
      "### ",
      "---\n",
      "| a | b |\n| --- | :-: |\n| 1 | 2 |\n",
      "<b>",
      "</b>",
      "<script>",
      "&copy;",
      "&amp;",
      "&",
      "'",
      '"',
      "<",
      ">",
      "[manual](https://uno.com.br)",
      "https://uno.com.br",
      "\\*",
      "    código\n",
      "\t",
      "ATW0001 – Atendimento",
      "R$ 1.234,56",
      "@fernanda",
      "- [ ] tarefa",
      "![x](https://uno.com.br/x.png)",
    ];
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let shortcuts = 0;
    const texts = 4000;
    for (let i = 0; i < texts; i++) {
      const length = 1 + Math.floor(random() * 14);
      let text = "";
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      const html = unsanitizedHtml(text);
      const plain = sanitizePlain(html);
      if (plain === undefined) continue;
      shortcuts++;
      expect({ text, html: plain }).toEqual({ text, html: sanitizeFully(html) });
    }
    // Both paths are exercised: most texts take the shortcut, those with links or raw HTML do not.
    expect(shortcuts).toBeGreaterThan(texts * 0.3);
    expect(shortcuts).toBeLessThan(texts * 0.95);
  });

  it("is what a plain paragraph renders through", () => {
    expect(renderMarkdown("Favor verificar o cliente 'código 100'.")).toBe(
      "<p>Favor verificar o cliente 'código 100'.</p>",
    );
  });
});
