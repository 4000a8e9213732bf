// Screen catalog use cases: autocomplete, the catalog page, the CSV import, edits, the ranking.
import { CsvError, parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import type { Locale } from "../../../contracts/common";
import { hasControlCharacters } from "../../../contracts/control-characters";
import { ScreenCode, type TopScreensReport, type UpdateScreenRequest } from "../../../contracts/screens";
import { analyze, parseQuery, stripAccents } from "../../../domain/search/portuguese";
import { type MessageParams, translate } from "../../../i18n";
import type { AppContext, CommandMeta } from "../../context";
import { refreshStatistics } from "../../db/analyze";
import { decodeCursor, toPage } from "../../db/cursor";
import { flag } from "../../db/schema";
import { errors } from "../../errors";
import { auditChanges } from "../audit/changes";
import { type AuditEntry, recordAudit, recordAudits } from "../audit/repository";
import { findCategory } from "../kb/repository";
import {
  findAnyScreen,
  findScreen,
  findScreensByCode,
  listCatalogScreens,
  type ScreenRow,
  searchScreens,
  ticketsOpenedBetween,
  ticketsPerScreen,
  updateScreenRow,
  writeScreens,
} from "./repository";

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

/** What the catalog's search matches: the code, the name's and module's terms, space-delimited. */
export function screenSearchTerms(code: string, name: string, module = ""): string {
  const text = `${name} ${module}`.trim();
  return ` ${code.toLowerCase()} ${analyze(text).join(" ")} ${stripAccents(text.toLowerCase())} `;
}

/** A refused CSV line: its number and what is wrong, as a catalog message with its parameters. */
export interface ScreenImportProblem {
  line: number;
  key: ScreenImportProblemKey;
  params: MessageParams;
}
export type ScreenImportProblemKey =
  | "screenImport.columns"
  | "screenImport.code"
  | "screenImport.duplicate"
  | "screenImport.name"
  | "screenImport.module"
  | "screenImport.empty"
  | "screenImport.control"
  | "screenImport.unreadable";

/** The file's text: UTF-8, or Windows-1252 as spreadsheets in Brazil often save it. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function csvRows(csv: string): string[][] | ScreenImportProblem {
  try {
    return parse(csv, {
      delimiter: ";",
      bom: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      trim: true,
    });
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === "number" ? error.lines : 0;
    return { line, key: "screenImport.unreadable", params: { line } };
  }
}

export interface ScreenImport {
  imported: number;
  created: number;
  updated: number;
  /** One per problem found; when not empty nothing was imported. */
  problems: ScreenImportProblem[];
}

interface ScreenLine {
  code: string;
  name: string;
  module: string;
}

/** Reads `code;name;module` lines (a header line is allowed), naming every bad one. */
export function parseScreenCsv(csv: string): { screens: ScreenLine[]; problems: ScreenImportProblem[] } {
  const rows = csvRows(csv);
  if (!Array.isArray(rows)) return { screens: [], problems: [rows] };
  const problems: ScreenImportProblem[] = [];
  const problem = (line: number, key: ScreenImportProblemKey, params: MessageParams = {}): void => {
    problems.push({ line, key, params: { line, ...params } });
  };
  const screens = new Map<string, ScreenLine>();
  rows.forEach((columns, index) => {
    const line = index + 1;
    if (index === 0 && ["code", "código", "codigo"].includes(columns[0]?.toLowerCase() ?? "")) return;
    if (columns.length !== 3) {
      problem(line, "screenImport.columns", { found: columns.length });
      return;
    }
    const [rawCode = "", name = "", module = ""] = columns;
    if (columns.some(hasControlCharacters)) {
      problem(line, "screenImport.control");
      return;
    }
    const code = ScreenCode.safeParse(rawCode);
    if (!code.success) problem(line, "screenImport.code", { code: rawCode });
    else if (screens.has(code.data)) problem(line, "screenImport.duplicate", { code: code.data });
    if (name.length < 2 || name.length > 120) problem(line, "screenImport.name");
    if (module.length < 2 || module.length > 60) problem(line, "screenImport.module");
    if (code.success) screens.set(code.data, { code: code.data, name, module });
  });
  if (problems.length === 0 && screens.size === 0) problem(0, "screenImport.empty");
  return { screens: [...screens.values()], problems };
}

/** A problem in the reader's language, e.g. "linha 2: código de tela inválido …". */
export const describeProblem = (problem: ScreenImportProblem, locale: Locale): string =>
  translate(locale, problem.key, problem.params);

/**
 * Imports a CSV of screens: every line is checked first, and one bad line means nothing is
 * imported. Existing codes are updated (and made active again). Each screen created or changed is
 * audited with its before and after.
 */
export async function importScreens(
  ctx: AppContext,
  meta: CommandMeta,
  csv: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ScreenImport> {
  const { screens, problems } = parseScreenCsv(csv);
  if (problems.length > 0) return { imported: 0, created: 0, updated: 0, problems };
  const counts = await upsertScreens(ctx, screens, { meta, onProgress });
  return { imported: screens.length, ...counts, problems };
}

/**
 * Creates or updates screens in one transaction, a slice of rows per statement. With `meta` (a
 * person's import) each one that changed is audited; the demo seed and the data generator pass none.
 * Then the planner's statistics of the catalog are brought up to date, as after any bulk load.
 */
export async function upsertScreens(
  ctx: AppContext,
  screens: ScreenLine[],
  options: { meta?: CommandMeta; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ created: number; updated: number }> {
  const { meta, onProgress = () => {} } = options;
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const existing = await findScreensByCode(
      trx,
      screens.map((s) => s.code),
    );
    const rows: Omit<ScreenRow, "category_id">[] = [];
    const audits: AuditEntry[] = [];
    let created = 0;
    for (const screen of screens) {
      const before = existing.get(screen.code);
      const after = { name: screen.name, module: screen.module, active: true };
      const changes = before
        ? auditChanges({ name: before.name, module: before.module, active: before.active === 1 }, after)
        : auditChanges({}, after);
      if (before && Object.keys(changes).length === 0) continue;
      rows.push({
        ...screen,
        active: 1,
        search_terms: screenSearchTerms(screen.code, screen.name, screen.module),
        created_at: now,
        updated_at: now,
      });
      audits.push({
        action: before ? "screen.updated" : "screen.created",
        targetType: "screen",
        targetId: screen.code,
        details: { source: "import" },
        changes,
      });
      if (!before) created++;
    }
    // Unchanged lines count as done at once; the rest as their slices are written.
    let done = screens.length - rows.length;
    await writeScreens(trx, rows, (written) => {
      done += written;
      onProgress(done, screens.length);
    });
    if (rows.length === 0) onProgress(done, screens.length);
    if (meta) await recordAudits(trx, meta, now, audits);
    return { created, updated: rows.length - created };
  });
  // The import has committed: statistics are the planner's help, not part of it. Should refreshing
  // them fail (a lock held past the statement timeout), PostgreSQL's autovacuum or the next import
  // refreshes them, and the import still answers what it wrote.
  if (counts.created + counts.updated > 0) await refreshStatistics(ctx.db, "screen").catch(() => {});
  return counts;
}

/** Renames, moves to another module, deactivates or reactivates one screen. */
export async function updateScreen(
  ctx: AppContext,
  meta: CommandMeta,
  code: string,
  props: UpdateScreenRequest,
): Promise<ScreenRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findAnyScreen(trx, code);
    if (!current) throw errors.notFound("screen.not_found");
    const now = ctx.clock.now();
    const name = props.name ?? current.name;
    const module = props.module ?? current.module;
    const active = props.active === undefined ? current.active : flag(props.active);
    const categoryId = props.categoryId === undefined ? current.category_id : props.categoryId;
    if (categoryId !== null && categoryId !== current.category_id && !(await findCategory(trx, categoryId)))
      throw errors.field("categoryId", "error.category.not_found", props);
    const changes = auditChanges(
      {
        name: current.name,
        module: current.module,
        active: current.active === 1,
        categoryId: current.category_id,
      },
      { name, module, active: active === 1, categoryId },
    );
    if (Object.keys(changes).length === 0) return current;
    const values = {
      name,
      module,
      active,
      category_id: categoryId,
      search_terms: screenSearchTerms(code, name, module),
      updated_at: now,
    };
    await updateScreenRow(trx, code, values);
    await recordAudit(trx, meta, now, {
      action: "screen.updated",
      targetType: "screen",
      targetId: code,
      changes,
    });
    return { ...current, ...values };
  });
}

/** The catalog page: a keyset page of screens by code. */
export async function catalogPage(
  ctx: AppContext,
  query: {
    q?: string | undefined;
    status?: "active" | "inactive" | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ rows: ScreenRow[]; nextCursor: string | null }> {
  const text = query.q?.trim() ?? "";
  const afterCode = query.cursor === undefined ? undefined : String(decodeCursor(query.cursor, 1)[0]);
  const rows = await listCatalogScreens(ctx.db, {
    codePrefix: CODE_PREFIX.test(text) ? text.toUpperCase() : undefined,
    terms: parseQuery(text),
    active: query.status === undefined ? undefined : query.status === "active",
    afterCode,
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.code]);
}

const ZONE = "America/Sao_Paulo";

/** Screens ranked by tickets opened from `from` to `to` (local dates in Brasília time, inclusive). */
export async function topScreens(
  ctx: AppContext,
  query: { from: string; to: string; limit: number },
): Promise<TopScreensReport> {
  const start = DateTime.fromISO(query.from, { zone: ZONE }).startOf("day").toMillis();
  const end = DateTime.fromISO(query.to, { zone: ZONE }).plus({ days: 1 }).startOf("day").toMillis();
  const [rows, totalTickets] = await Promise.all([
    ticketsPerScreen(ctx.db, { start, end, limit: query.limit }),
    ticketsOpenedBetween(ctx.db, start, end),
  ]);
  return {
    from: query.from,
    to: query.to,
    totalTickets,
    items: rows.map((row) => ({
      code: row.code,
      name: row.name,
      module: row.module,
      active: row.active === 1,
      tickets: Number(row.tickets),
    })),
  };
}
