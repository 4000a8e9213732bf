// User text is Markdown rendered to HTML on the server, once, when written: raw HTML is shown as
// text, links are limited to http(s) and mailto and open safely, and a sanitizer allowlist stands
// behind the renderer in case it ever lets something through.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    // No raw HTML: a customer's "<script>" is displayed, never run.
    html: ({ text }) => escapeHtml(text),
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" },
    }),
  },
};

// Most of what people write renders to paragraphs, line breaks, emphasis and lists: tags without
// attributes, and text holding no entity but those the renderer writes. For such HTML the sanitizer's
// answer is known without parsing it: the same tags, `<br />` and `<hr />` written self-closed, and
// quotes left as they are (it decodes the text's entities and escapes only &, < and >). Checking is an
// allowlist too, and cheaper: the sanitizer took about 60 µs of every ticket's opening in the server.
// Anything else (a link, an attribute, any other tag or entity) goes through the sanitizer.
const NOT_PLAIN =
  /<(?!\/?(?:p|br|hr|strong|em|del|code|pre|blockquote|ul|ol|li|h[1-6]|table|thead|tbody|tr|th|td)>)|&(?!(?:amp|lt|gt|quot|#39);)|>(?<!<[^<>]*>)/;
const PLAIN_REWRITES: Readonly<Record<string, string>> = {
  "<br>": "<br />",
  "<hr>": "<hr />",
  "&quot;": '"',
  "&#39;": "'",
};

/** What the sanitizer answers for attribute-free allowlisted HTML; undefined for anything else. */
export function sanitizePlain(html: string): string | undefined {
  if (NOT_PLAIN.test(html)) return undefined;
  return html.replace(/<[bh]r>|&quot;|&#39;/g, (found) => PLAIN_REWRITES[found] ?? found);
}

/** The sanitizer itself, every time. */
export const sanitizeFully = (html: string) => sanitizeHtml(html, SANITIZE);

const sanitize = (html: string) => sanitizePlain(html) ?? sanitizeFully(html);

/** The renderer's HTML before any sanitizing: never stored nor shown (exported for the tests). */
export const unsanitizedHtml = (markdown: string) => marked.parse(markdown, { async: false });

/** Texts inside these are shown as written: no highlighting in code or link text. */
const LITERAL_TAGS = new Set(["code", "pre", "a"]);

/**
 * Markdown → sanitized HTML, safe to insert into a page. `highlight` may wrap parts of the (already
 * escaped) text in `<span class="mention">`, the one span the sanitizer lets through.
 */
export function renderMarkdown(markdown: string, highlight?: (escapedText: string) => string): string {
  const html = unsanitizedHtml(markdown);
  if (!highlight) return sanitize(html).trim();
  // The sanitizer escapes the text before the filter sees it and inserts the filter's answer as is.
  const safe = sanitize(html);
  return sanitizeHtml(safe, {
    ...SANITIZE,
    allowedTags: [...(SANITIZE.allowedTags || []), "span"],
    allowedClasses: { span: ["mention"] },
    textFilter: (text, tagName) => (LITERAL_TAGS.has(tagName) ? text : highlight(text)),
  }).trim();
}
