// Small pure helpers of "Categorias e perguntas": how a deflection rate reads, and the default period
// of "Buscas sem resposta" (the last 30 days, in São Paulo dates).
import type { ArticleMeasures } from "../../../contracts/kb";
import { isApiError } from "../../api/api-error";

/** "67%" for 2/3; null when nobody read the article yet. */
export function deflectionText(measures: ArticleMeasures): string | null {
  if (measures.deflectionRate === null) return null;
  return `${Math.round(measures.deflectionRate * 100)}%`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD_DAYS = 30;

/** YYYY-MM-DD of an instant in São Paulo. */
export function saoPauloDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Sao_Paulo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

export function defaultPeriod(now: Date): { from: string; to: string } {
  return {
    from: saoPauloDate(new Date(now.getTime() - (PERIOD_DAYS - 1) * DAY_MS)),
    to: saoPauloDate(now),
  };
}

export const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** An error to show above a form: those the API pinned on fields are shown beside them instead. */
export function unlessFieldError(error: Error | null): Error | null {
  if (!error) return null;
  return isApiError(error) && Object.keys(error.fields).length > 0 ? null : error;
}
