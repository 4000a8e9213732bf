import { describe, expect, it } from "vitest";
import { compileCalendar } from "./business-time";
import type { BusinessCalendar } from "./calendar";
import { effectiveHolidays, generatedHolidayOn, removedHolidays } from "./calendar-holidays";
import { explainDeadline } from "./explain";
import { describeExplanation } from "./explain-text";
import { at, iso, saoPauloCalendar } from "./test-fixtures";

const SAO_PAULO = "America/Sao_Paulo";
// A São Paulo company that closes on the city's Corpus Christi (the state has no such holiday) and
// works on the state's 9 July.
const adjusted = saoPauloCalendar({
  customHolidays: [{ date: "2026-06-04", name: "Corpus Christi" }],
  removedHolidays: ["2026-07-09"],
});
const on = (calendar: BusinessCalendar, date: string) =>
  effectiveHolidays(calendar, 2026, 2026).find((holiday) => holiday.date === date);

describe("effectiveHolidays", () => {
  it("adds the custom holiday, drops the removed one and keeps the rest", () => {
    expect(on(adjusted, "2026-06-04")).toEqual({
      date: "2026-06-04",
      name: "Corpus Christi",
      scope: "custom",
    });
    expect(on(adjusted, "2026-07-09")).toBeUndefined();
    expect(on(adjusted, "2026-04-21")).toEqual({
      date: "2026-04-21",
      name: "Dia de Tiradentes",
      scope: "national",
    });
    expect(on(saoPauloCalendar(), "2026-07-09")?.scope).toBe("state");
  });

  it("lists one holiday per date, sorted, within the years asked", () => {
    const calendar = saoPauloCalendar({
      customHolidays: [
        { date: "2027-01-25", name: "Aniversário de São Paulo" },
        { date: "2026-04-21", name: "Tiradentes (custom)" },
      ],
    });
    const holidays = effectiveHolidays(calendar, 2026, 2026);
    const dates = holidays.map((holiday) => holiday.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates).not.toContain("2027-01-25");
    // The admin's name wins over the library's on the same date.
    expect(on(calendar, "2026-04-21")).toEqual({
      date: "2026-04-21",
      name: "Tiradentes (custom)",
      scope: "custom",
    });
  });

  it("keeps custom holidays on a calendar without a region", () => {
    const calendar = saoPauloCalendar({
      holidays: null,
      customHolidays: [{ date: "2026-06-04", name: "Corpus Christi" }],
    });
    expect(effectiveHolidays(calendar, 2026, 2026)).toEqual([
      { date: "2026-06-04", name: "Corpus Christi", scope: "custom" },
    ]);
  });

  it("reads a calendar stored before custom and removed holidays existed", () => {
    const { customHolidays: _custom, removedHolidays: _removed, ...old } = adjusted;
    expect(on(old, "2026-07-09")?.name).toBe("Revolução Constitucionalista");
  });
});

describe("removedHolidays and generatedHolidayOn", () => {
  it("names the removed holidays of a year, so they can be restored", () => {
    expect(removedHolidays(adjusted, 2026, 2026)).toEqual([
      { date: "2026-07-09", name: "Revolução Constitucionalista", scope: "state" },
    ]);
    expect(removedHolidays(adjusted, 2027, 2027)).toEqual([]);
  });

  it("finds the region's holiday on a date, removed or not, and nothing on a custom one", () => {
    expect(generatedHolidayOn(adjusted, "2026-07-09")?.name).toBe("Revolução Constitucionalista");
    expect(generatedHolidayOn(adjusted, "2026-06-04")).toBeUndefined();
    expect(generatedHolidayOn(saoPauloCalendar({ holidays: null }), "2026-04-21")).toBeUndefined();
  });
});

describe("business time with custom and removed holidays", () => {
  const plain = compileCalendar(saoPauloCalendar());
  const businessTime = compileCalendar(adjusted);
  const due = (calendar: typeof plain, start: string, minutes: number) =>
    iso(calendar.addBusinessMinutes(at(start), minutes), SAO_PAULO);

  it("skips the custom holiday: Wednesday 17:00 + 2 h is Friday 09:00", () => {
    expect(due(plain, "2026-06-03T17:00:00-03:00", 120)).toBe("2026-06-04T09:00:00-03:00");
    expect(due(businessTime, "2026-06-03T17:00:00-03:00", 120)).toBe("2026-06-05T09:00:00-03:00");
    expect(
      businessTime.businessMinutesBetween(at("2026-06-03T08:00:00-03:00"), at("2026-06-06T00:00:00-03:00")),
    ).toBe(18 * 60);
  });

  it("counts the removed holiday as a working day: Wednesday 17:00 + 2 h is Thursday 09:00", () => {
    expect(due(plain, "2026-07-08T17:00:00-03:00", 120)).toBe("2026-07-10T09:00:00-03:00");
    expect(due(businessTime, "2026-07-08T17:00:00-03:00", 120)).toBe("2026-07-09T09:00:00-03:00");
  });

  it("names the custom holiday in the explanation, segments and pt-BR lines", () => {
    const explanation = explainDeadline(businessTime, at("2026-06-03T17:00:00-03:00"), 120, []);
    expect(explanation.segments.find((segment) => segment.kind === "holiday")).toMatchObject({
      from: at("2026-06-04T00:00:00-03:00"),
      to: at("2026-06-05T00:00:00-03:00"),
      holidayName: "Corpus Christi",
    });
    expect(describeExplanation(explanation, SAO_PAULO, "pt-BR")).toEqual([
      "03/06/2026 17:00–18:00: 1 h contada",
      "03/06/2026 18:00–24:00: fora do expediente",
      "04/06/2026: feriado — Corpus Christi",
      "05/06/2026 00:00–08:00: fora do expediente",
      "05/06/2026 08:00–09:00: 1 h contada",
      "Total: 2 h úteis; vence em 05/06/2026 09:00",
    ]);
  });

  it("explains the removed holiday as an ordinary night, not a holiday", () => {
    const explanation = explainDeadline(businessTime, at("2026-07-08T17:00:00-03:00"), 120, []);
    expect(explanation.segments.map((segment) => segment.kind)).toEqual(["counted", "night", "counted"]);
  });
});
