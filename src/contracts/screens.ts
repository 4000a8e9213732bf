// The ERP's screen catalog: every ticket names the screen where the problem shows (ATW0001…).
import { z } from "zod";
import { Id, Instant } from "./common";

/** Three letters and four digits, e.g. ATW0001. */
export const ScreenCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}\d{4}$/, { message: "validation.screen_code" });

export const Screen = z.object({
  code: z.string(),
  name: z.string(),
  /** The ERP module it belongs to (Fiscal, Financeiro…). */
  module: z.string(),
});
export type Screen = z.infer<typeof Screen>;

export const ScreenQuery = z.strictObject({
  /** Matches the code's start or words of the name, accent-insensitively. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const ScreenList = z.object({ items: z.array(Screen) });

// ── The console's catalog page ("Telas do ERP"): every screen, active or not, managed by leads.

export const ScreenCatalogQuery = z.strictObject({
  /** Matches the code's start or words of the name or module, accent-insensitively. */
  q: z.string().trim().max(100).optional(),
  /** `active` or `inactive`; both when left out. */
  status: z.enum(["active", "inactive"]).optional(),
  /** The last code of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const CatalogScreen = Screen.extend({
  /** false: no longer offered for new tickets; kept on the tickets that name it. */
  active: z.boolean(),
  updatedAt: Instant,
  /** The category an ERP link naming this screen opens on; null: the one most chosen for its tickets. */
  categoryId: z.string().nullable(),
});
export type CatalogScreen = z.infer<typeof CatalogScreen>;

export const ScreenCatalogPage = z.object({
  items: z.array(CatalogScreen),
  nextCursor: z.string().nullable(),
  abilities: z.object({
    /** Import, edit, deactivate: supervisors and admins. */
    manage: z.boolean(),
  }),
});
export type ScreenCatalogPage = z.infer<typeof ScreenCatalogPage>;

export const ScreenCodeParams = z.strictObject({ code: ScreenCode });

export const UpdateScreenRequest = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    module: z.string().trim().min(2).max(60).optional(),
    active: z.boolean().optional(),
    /** The category an ERP link opens on; null clears it. */
    categoryId: Id.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: "validation.nothing_to_change",
  });
export type UpdateScreenRequest = z.infer<typeof UpdateScreenRequest>;

/** A CSV line the import refused, in the reader's language. */
export const ScreenImportProblem = z.object({ line: z.number().int(), message: z.string() });

export const ScreenImportResult = z.object({
  /** Screens created or updated; nothing else changed. */
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});
export type ScreenImportResult = z.infer<typeof ScreenImportResult>;

/** 422 to a CSV with bad lines: every one named, nothing imported. */
export const ScreenImportRefused = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(ScreenImportProblem),
  }),
});
export type ScreenImportRefused = z.infer<typeof ScreenImportRefused>;

// ── "Telas com mais ocorrências": which screens tickets were opened about, in a period.

const MAX_REPORT_DAYS = 366;
export const TopScreensQuery = z
  .strictObject({
    /** First day of the period, in Brasília time (YYYY-MM-DD). */
    from: z.iso.date({ message: "validation.date" }),
    /** Last day, inclusive. */
    to: z.iso.date({ message: "validation.date" }),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "validation.period_order" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_DAYS * 86_400_000, {
    path: ["to"],
    message: "validation.period_too_long",
  });

export const TopScreensReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Tickets opened in the period, all screens. */
  totalTickets: z.number().int(),
  items: z.array(
    Screen.extend({
      active: z.boolean(),
      tickets: z.number().int(),
    }),
  ),
});
export type TopScreensReport = z.infer<typeof TopScreensReport>;
