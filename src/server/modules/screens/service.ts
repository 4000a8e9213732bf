// Screen catalog use cases: autocomplete by code or name, and the CSV import.
import { parse } from "csv-parse/sync";
import { ScreenCode } from "../../../contracts/screens";
import { analyze, parseQuery, stripAccents } from "../../../domain/search/portuguese";
import type { AppContext } from "../../context";
import { findScreen, type ScreenRow, searchScreens, upsertScreen } from "./repository";

const CODE_PREFIX = /^[A-Za-z]{1,3}\d{0,4}$/;

export function screensMatching(ctx: AppContext, q: string | undefined, limit: number): Promise<ScreenRow[]> {
  const query = q?.trim() ?? "";
  return searchScreens(ctx.db, {
    codePrefix: CODE_PREFIX.test(query) ? query.toUpperCase() : undefined,
    terms: parseQuery(query),
    limit,
  });
}

export const getScreen = (ctx: AppContext, code: string) => findScreen(ctx.db, code);

/** What the catalog's name search matches: the code and the name's terms, space-delimited. */
export function screenSearchTerms(code: string, name: string): string {
  return ` ${code.toLowerCase()} ${analyze(name).join(" ")} ${stripAccents(name.toLowerCase())} `;
}

export interface ScreenImport {
  imported: number;
  /** One line per refused CSV line; when not empty nothing was imported. */
  problems: string[];
}

/**
 * Imports `code;name;module` lines (a header line is allowed). Every line is checked first; one bad
 * line and nothing is imported. Existing codes are updated.
 */
export async function importScreens(
  ctx: AppContext,
  csv: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ScreenImport> {
  const rows: string[][] = parse(csv, {
    delimiter: ";",
    bom: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
    trim: true,
  });
  const problems: string[] = [];
  const screens = new Map<string, { code: string; name: string; module: string }>();
  rows.forEach((columns, index) => {
    const line = index + 1;
    if (index === 0 && columns[0]?.toLowerCase() === "code") return;
    if (columns.length !== 3) {
      problems.push(`line ${line}: expected 3 columns (code;name;module), found ${columns.length}`);
      return;
    }
    const [rawCode = "", name = "", module = ""] = columns;
    const code = ScreenCode.safeParse(rawCode);
    if (!code.success)
      problems.push(
        `line ${line}: invalid screen code "${rawCode}" (three letters and four digits, e.g. ATW0001)`,
      );
    else if (screens.has(code.data)) problems.push(`line ${line}: duplicate code ${code.data}`);
    if (name.length < 2 || name.length > 120)
      problems.push(`line ${line}: the name must have 2 to 120 characters`);
    if (module.length < 2 || module.length > 60)
      problems.push(`line ${line}: the module must have 2 to 60 characters`);
    if (code.success) screens.set(code.data, { code: code.data, name, module });
  });
  if (problems.length > 0) return { imported: 0, problems };

  const all = [...screens.values()];
  await upsertScreens(ctx, all, onProgress);
  return { imported: all.length, problems };
}

/** Creates or updates screens in one transaction. */
export async function upsertScreens(
  ctx: AppContext,
  screens: { code: string; name: string; module: string }[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    for (const [index, screen] of screens.entries()) {
      await upsertScreen(trx, {
        ...screen,
        active: 1,
        search_terms: screenSearchTerms(screen.code, screen.name),
        created_at: now,
        updated_at: now,
      });
      if ((index + 1) % 100 === 0 || index === screens.length - 1) onProgress(index + 1, screens.length);
    }
  });
}
