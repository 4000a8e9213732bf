// The compliance page's arithmetic: months in São Paulo, worst-first order, the total row, shares in words.
import { describe, expect, it } from "vitest";
import {
  type CompanyCompliance,
  currentMonth,
  formatMonth,
  formatShare,
  isMonth,
  recentMonths,
  sortWorstFirst,
  totalOf,
  worstShare,
} from "./compliance-report";

const outcome = (met: number, breached: number, pending = 0) => ({
  met,
  breached,
  pending,
  shareMet: met + breached > 0 ? met / (met + breached) : null,
});

const company = (
  name: string,
  firstResponse: ReturnType<typeof outcome>,
  resolution: ReturnType<typeof outcome>,
): CompanyCompliance => ({
  companyId: `id-${name}`,
  companyName: name,
  tickets: Math.max(
    firstResponse.met + firstResponse.breached + firstResponse.pending,
    resolution.met + resolution.breached + resolution.pending,
  ),
  firstResponse,
  resolution,
});

describe("months", () => {
  it("takes the current month in São Paulo, not in UTC", () => {
    expect(currentMonth(new Date("2026-12-01T02:30:00Z"))).toBe("2026-11");
    expect(currentMonth(new Date("2026-12-01T03:00:00Z"))).toBe("2026-12");
  });

  it("lists recent months newest first, across a new year", () => {
    expect(recentMonths("2026-02", 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("accepts only the API's YYYY-MM", () => {
    expect(isMonth("2026-04")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-4")).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it("names a month in each language", () => {
    expect(formatMonth("2026-04", "pt-BR")).toBe("Abril de 2026");
    expect(formatMonth("2026-04", "en")).toBe("April 2026");
  });
});

describe("formatShare", () => {
  it("writes pt-BR percentages with a decimal comma and no space", () => {
    expect(formatShare(0.875, "pt-BR")).toBe("87,5%");
    expect(formatShare(1, "pt-BR")).toBe("100%");
    expect(formatShare(2 / 3, "pt-BR")).toBe("66,7%");
  });

  it("writes English percentages with a decimal point", () => {
    expect(formatShare(0.875, "en")).toBe("87.5%");
    expect(formatShare(0, "en")).toBe("0%");
  });

  it("writes a dash when nothing was decided yet", () => {
    expect(formatShare(null, "pt-BR")).toBe("—");
  });
});

describe("sortWorstFirst", () => {
  const good = company("Bom Preço", outcome(9, 1), outcome(8, 0));
  const badResolution = company("Atacado Sul", outcome(10, 0), outcome(1, 3));
  const badFirst = company("Casa Norte", outcome(1, 1), outcome(4, 0));
  const undecided = company("Aurora", outcome(0, 0, 2), outcome(0, 0, 2));

  it("puts the lowest share of either metric first and the undecided last", () => {
    const order = sortWorstFirst([undecided, good, badFirst, badResolution]).map((c) => c.companyName);
    expect(order).toEqual(["Atacado Sul", "Casa Norte", "Bom Preço", "Aurora"]);
  });

  it("breaks a tie in share by more breaches, then by name", () => {
    const fewBreaches = company("Beta", outcome(1, 1), outcome(0, 0));
    const manyBreaches = company("Zeta", outcome(3, 3), outcome(0, 0));
    const sameAsBeta = company("Alfa", outcome(1, 1), outcome(0, 0));
    expect(sortWorstFirst([fewBreaches, sameAsBeta, manyBreaches]).map((c) => c.companyName)).toEqual([
      "Zeta",
      "Alfa",
      "Beta",
    ]);
  });

  it("leaves its input alone", () => {
    const input = [good, badFirst];
    sortWorstFirst(input);
    expect(input).toEqual([good, badFirst]);
  });

  it("judges on the decided metric alone when the other is undecided", () => {
    expect(worstShare(company("Só resposta", outcome(3, 1), outcome(0, 0, 4)))).toBe(0.75);
    expect(worstShare(undecided)).toBeNull();
  });
});

describe("totalOf", () => {
  it("adds the counts and takes the share of all decided deadlines", () => {
    const total = totalOf([
      company("A", outcome(9, 1, 2), outcome(0, 0, 12)),
      company("B", outcome(1, 3), outcome(2, 2)),
    ]);
    expect(total.tickets).toBe(16);
    expect(total.firstResponse).toEqual({ met: 10, breached: 4, pending: 2, shareMet: 10 / 14 });
    expect(total.resolution).toEqual({ met: 2, breached: 2, pending: 12, shareMet: 0.5 });
  });

  it("has no share when nothing is decided", () => {
    expect(totalOf([]).firstResponse).toEqual({ met: 0, breached: 0, pending: 0, shareMet: null });
  });
});
