import { describe, expect, it } from "vitest";
import { type Holiday, holidaysBetween, unknownRegionField } from "./holidays";

const SP = holidaysBetween({ country: "BR", state: "SP" }, 2026, 2026);
const RJ = holidaysBetween({ country: "BR", state: "RJ" }, 2026, 2026);
const BR = holidaysBetween({ country: "BR" }, 2026, 2026);
const on = (holidays: Holiday[], date: string) => holidays.find((holiday) => holiday.date === date);

describe("holidaysBetween", () => {
  it.each([
    ["2026-04-21", "Dia de Tiradentes"],
    ["2026-09-07", "Dia da Independência"],
    // date-holidays writes "Dia do trabalhador": a holiday's name is written as a proper noun.
    ["2026-05-01", "Dia do Trabalhador"],
    // date-holidays' SP and RJ data drop it; it is national since 2024 (Lei 14.759/2023).
    ["2026-11-20", "Dia da Consciência Negra"],
  ])("keeps the national %s (%s) in São Paulo and Rio de Janeiro", (date, name) => {
    for (const holidays of [SP, RJ, BR]) {
      expect(on(holidays, date)).toEqual({ date, name, scope: "national" });
    }
  });

  it("keeps a state holiday in its state only", () => {
    const revolution = { date: "2026-07-09", name: "Revolução Constitucionalista", scope: "state" };
    expect(on(SP, "2026-07-09")).toEqual(revolution);
    expect(on(RJ, "2026-07-09")).toBeUndefined();
    expect(on(BR, "2026-07-09")).toBeUndefined();
    expect(on(RJ, "2026-04-23")).toEqual({ date: "2026-04-23", name: "Dia de São Jorge", scope: "state" });
  });

  it("takes public holidays only: Carnaval is a ponto facultativo unless a state law makes it public", () => {
    // Nationally date-holidays files Carnaval as "bank"/"optional" and Easter as "observance".
    for (const date of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-04-05"]) {
      expect(on(BR, date)).toBeUndefined();
      expect(on(SP, date)).toBeUndefined();
    }
    // Rio de Janeiro's state law closes Carnaval Tuesday; date-holidays marks it public there.
    expect(on(RJ, "2026-02-16")).toBeUndefined();
    expect(on(RJ, "2026-02-17")).toEqual({ date: "2026-02-17", name: "Carnaval", scope: "state" });
  });

  it("adds a city's holidays on top of the state's and the nation's", () => {
    const city = holidaysBetween({ country: "BR", state: "SP", city: "SP" }, 2026, 2026);
    expect(on(city, "2026-01-25")).toEqual({
      date: "2026-01-25",
      name: "Aniversário da Cidade",
      scope: "city",
    });
    expect(on(city, "2026-07-09")?.scope).toBe("state");
    expect(on(city, "2026-11-20")?.scope).toBe("national");
    expect(on(SP, "2026-01-25")).toBeUndefined();
  });

  it("lists one entry per date, sorted, across years", () => {
    const holidays = holidaysBetween({ country: "BR", state: "SP" }, 2025, 2027);
    const dates = holidays.map((holiday) => holiday.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates).toContain("2025-04-21");
    expect(dates).toContain("2027-04-21");
    expect(dates.every((date) => date >= "2025-01-01" && date <= "2027-12-31")).toBe(true);
  });
});

describe("unknownRegionField", () => {
  it.each([
    [{ country: "BR" as const }, null],
    [{ country: "BR" as const, state: "SP" }, null],
    [{ country: "BR" as const, state: "SP", city: "SP" }, null],
    [{ country: "BR" as const, state: "MG", city: "BH" }, null],
    [{ country: "AR" as "BR" }, "country"],
    [{ country: "BR" as const, state: "sp" }, "state"],
    [{ country: "BR" as const, state: "RJ", city: "SP" }, "city"],
    [{ country: "BR" as const, city: "SP" }, "city"],
  ])("%j → %s", (region, expected) => {
    expect(unknownRegionField(region)).toBe(expected);
  });
});
