// Which files may be attached, judged by content (magic bytes) matched with the name's extension.
import { fileTypeFromBuffer } from "file-type";

export { MAX_ATTACHMENT_BYTES } from "../../../contracts/tickets";

/** Extension → the type its content must show. Text has no magic bytes: it must simply be text. */
const ALLOWED: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  zip: "application/zip",
  txt: "text/plain",
  log: "text/plain",
  csv: "text/csv",
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

const extensionOf = (filename: string) => /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();

/**
 * The content type to store for a file, or undefined when it is refused: an unknown extension, a
 * binary whose magic bytes say something else (an .exe renamed .png), or "text" containing NUL bytes.
 */
export async function acceptedType(filename: string, head: Buffer): Promise<string | undefined> {
  const extension = extensionOf(filename);
  const expected = extension ? ALLOWED[extension] : undefined;
  if (!expected) return undefined;
  const detected = await fileTypeFromBuffer(head);
  if (expected.startsWith("text/")) {
    return detected === undefined && !head.includes(0) ? expected : undefined;
  }
  return detected?.mime === expected ? expected : undefined;
}

/**
 * Characters a name shows nothing for, or shows misleadingly: controls (Cc), format characters (Cf:
 * the right-to-left override that turns "fotogpj.exe" into "fotoexe.jpg", zero-width spaces and
 * joiners, bidi isolates, the BOM) and line or paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A name safe to show, for a Content-Disposition header and a file system: no paths, nothing invisible. */
export function cleanFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(INVISIBLE, "")
    .replace(/["<>|:*?]/g, "_")
    .trim()
    .slice(-120);
  return cleaned.length > 0 ? cleaned : "arquivo";
}
