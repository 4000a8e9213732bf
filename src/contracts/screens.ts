// The ERP's screen catalog: every ticket names the screen where the problem shows (ATW0001…).
import { z } from "zod";

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
