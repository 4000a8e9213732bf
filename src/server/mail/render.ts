// One layout for every e-mail, written twice from the same parts: plain text and HTML. Every value
// that comes from people (subjects, names, messages) is escaped in the HTML; a message's body is the
// HTML the ticket page shows (Markdown through the same sanitizer), and its Markdown source in text.

export interface EmailParts {
  /** Without the brand: "[#1042] Nota fiscal não transmite". */
  subject: string;
  /** The first line: "Bom dia, Bruno." */
  greeting: string;
  /** What happened, one paragraph each (plain text). */
  paragraphs: readonly string[];
  /** A message quoted in full: its sanitized HTML and its text. */
  quote?: { by: string; html: string; text: string } | undefined;
  /** Label → value lines: number, status, deadlines. */
  facts?: readonly (readonly [string, string])[] | undefined;
  action?: { label: string; url: string } | undefined;
  /** The support team's signature (plain text, several lines). */
  signature: string;
  /** Why this person receives this e-mail, and how to stop the optional ones. */
  footer: readonly string[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Subjects travel in a header: no line breaks or other control characters, a sane length. */
export function headerSafe(value: string, max = 200): string {
  const flat = value.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const paragraphHtml = (text: string) =>
  `<p style="margin:0 0 12px">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;

export function renderEmail(brand: string, parts: EmailParts): RenderedEmail {
  const subject = headerSafe(parts.subject);
  const text: string[] = [parts.greeting, "", ...parts.paragraphs.flatMap((p) => [p, ""])];
  if (parts.quote) {
    text.push(`${parts.quote.by}:`, ...parts.quote.text.split("\n").map((line) => `> ${line}`), "");
  }
  for (const [label, value] of parts.facts ?? []) text.push(`${label}: ${value}`);
  if (parts.facts?.length) text.push("");
  if (parts.action) text.push(`${parts.action.label}: ${parts.action.url}`, "");
  text.push("--", parts.signature, "", ...parts.footer);

  const html = [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;color:#212529">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px">',
    `<tr><td style="background:#1c7ed6;color:#ffffff;padding:14px 24px;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0">${escapeHtml(brand)}</td></tr>`,
    '<tr><td style="padding:24px;font-size:15px;line-height:1.5">',
    paragraphHtml(parts.greeting),
    ...parts.paragraphs.map(paragraphHtml),
    parts.quote
      ? `<div style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #1c7ed6;background:#f8f9fa"><p style="margin:0 0 8px;color:#495057;font-size:13px">${escapeHtml(parts.quote.by)}</p>${parts.quote.html}</div>`
      : "",
    parts.facts?.length
      ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;font-size:14px">${parts.facts
          .map(
            ([label, value]) =>
              `<tr><td style="padding:2px 12px 2px 0;color:#495057">${escapeHtml(label)}</td><td style="padding:2px 0;font-weight:bold">${escapeHtml(value)}</td></tr>`,
          )
          .join("")}</table>`
      : "",
    parts.action
      ? `<p style="margin:8px 0 20px"><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;background:#1c7ed6;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:4px;font-weight:bold">${escapeHtml(parts.action.label)}</a></p>`
      : "",
    `<p style="margin:16px 0 0;color:#495057">${escapeHtml(parts.signature).replace(/\n/g, "<br>")}</p>`,
    "</td></tr>",
    `<tr><td style="padding:12px 24px 20px;font-size:12px;color:#868e96">${parts.footer.map(escapeHtml).join("<br>")}</td></tr>`,
    "</table></td></tr></table></body></html>",
  ].join("");

  return { subject, text: text.join("\n"), html };
}
