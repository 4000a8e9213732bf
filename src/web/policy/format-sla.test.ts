import { describe, expect, it } from "vitest";
import { translator } from "../../i18n";
import { describeTimeZone, describeWeeklyHours, formatIsoDate, formatTargetMinutes } from "./format-sla";

const t = translator("pt-BR");
const office: [string, string][] = [
  ["08:00", "12:00"],
  ["13:00", "18:00"],
];

describe("plans in words", () => {
  it("writes deadlines in hours and minutes, saying which clock counts", () => {
    expect(formatTargetMinutes(240, true, t)).toBe("4 h úteis");
    expect(formatTargetMinutes(30, false, t)).toBe("30 min corridos (24x7)");
    expect(formatTargetMinutes(90, true, t)).toBe("1 h 30 min úteis");
  });

  it("makes the adjective agree with the last unit: one or more, hours (feminine) or minutes", () => {
    expect(formatTargetMinutes(60, true, t)).toBe("1 h útil");
    expect(formatTargetMinutes(120, true, t)).toBe("2 h úteis");
    expect(formatTargetMinutes(1, true, t)).toBe("1 min útil");
    expect(formatTargetMinutes(60, false, t)).toBe("1 h corrida (24x7)");
    expect(formatTargetMinutes(240, false, t)).toBe("4 h corridas (24x7)");
    expect(formatTargetMinutes(1, false, t)).toBe("1 min corrido (24x7)");
    expect(formatTargetMinutes(61, false, t)).toBe("1 h 1 min corridos (24x7)");
    expect(formatTargetMinutes(60, true, translator("en"))).toBe("1 h of business hours");
    expect(formatTargetMinutes(240, false, translator("en"))).toBe("4 h around the clock (24x7)");
  });

  it("groups days with the same business hours", () => {
    const week = { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] };
    expect(describeWeeklyHours(week, "pt-BR", t)).toEqual(["Segunda a sexta, 08:00–12:00 e 13:00–18:00"]);
    const withSaturday = { ...week, sat: [["08:00", "12:00"] as [string, string]] };
    expect(describeWeeklyHours(withSaturday, "pt-BR", t)[1]).toBe("Sábado, 08:00–12:00");
  });

  it("names Brazil's zones as people say them, with the IANA id for staff", () => {
    expect(describeTimeZone("America/Sao_Paulo", false, t)).toBe("Horário de Brasília");
    expect(describeTimeZone("America/Sao_Paulo", true, t)).toBe("Horário de Brasília (America/Sao_Paulo)");
    expect(describeTimeZone("America/Manaus", false, t)).toBe("Horário do Amazonas");
    expect(describeTimeZone("America/Sao_Paulo", false, translator("en"))).toBe("Brasília time");
    expect(describeTimeZone("Europe/Lisbon", false, t)).toBe("Fuso horário: Europe/Lisbon");
    expect(describeTimeZone("toString", false, t)).toBe("Fuso horário: toString");
  });

  it("writes dates the reader's way", () => {
    expect(formatIsoDate("2026-04-21", "pt-BR")).toBe("21/04/2026");
    expect(formatIsoDate("2026-04-21", "en")).toBe("04/21/2026");
  });
});
