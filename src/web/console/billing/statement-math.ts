// The statement's bars: a company's consultancy as shares of one bar, used within the plan, billable
// beyond it, and included hours left unused.
import type { StatementFigures } from "../../../contracts/billing";

export interface BarShares {
  /** Percentages of the bar, adding up to 100 (0 when there is nothing to draw). */
  usedIncluded: number;
  billable: number;
  unused: number;
}

/** The bar spans whichever is larger, the included or the approved minutes. */
export function barShares(figures: Pick<StatementFigures, "includedMinutes" | "approvedMinutes">): BarShares {
  const { includedMinutes: included, approvedMinutes: approved } = figures;
  const span = Math.max(included, approved);
  if (span === 0) return { usedIncluded: 0, billable: 0, unused: 0 };
  const usedIncluded = Math.min(included, approved);
  return {
    usedIncluded: (usedIncluded / span) * 100,
    billable: (Math.max(0, approved - included) / span) * 100,
    unused: (Math.max(0, included - approved) / span) * 100,
  };
}
