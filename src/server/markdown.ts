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

/** Texts inside these are shown as written: no highlighting in code or link text. */
const LITERAL_TAGS = new Set(["code", "pre", "a"]);

/**
 * Markdown → sanitized HTML, safe to insert into a page. `highlight` may wrap parts of the (already
 * escaped) text in `<span class="mention">`, the one span the sanitizer lets through.
 */
export function renderMarkdown(markdown: string, highlight?: (escapedText: string) => string): string {
  const html = marked.parse(markdown, { async: false });
  if (!highlight) return sanitizeHtml(html, SANITIZE).trim();
  // The sanitizer escapes the text before the filter sees it and inserts the filter's answer as is.
  const safe = sanitizeHtml(html, SANITIZE);
  return sanitizeHtml(safe, {
    ...SANITIZE,
    allowedTags: [...(SANITIZE.allowedTags || []), "span"],
    allowedClasses: { span: ["mention"] },
    textFilter: (text, tagName) => (LITERAL_TAGS.has(tagName) ? text : highlight(text)),
  }).trim();
}
