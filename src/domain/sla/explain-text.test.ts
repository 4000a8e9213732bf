import { describe, expect, it } from "vitest";
import type { Locale } from "../../contracts/common";
import { translator } from "../../i18n";
import { compileCalendar } from "./business-time";
import { explainDeadline } from "./explain";
import { describeExplanation, formatDuration } from "./explain-text";
import { at, saoPauloCalendar } from "./test-fixtures";

const SAO_PAULO = "America/Sao_Paulo";
const businessHours = compileCalendar(saoPauloCalendar({ closedDates: ["2026-12-24"] }));
type PauseAt = { from: string; to: string | null };
const linesIn = (locale: Locale, start: string, minutes: number, pauses: PauseAt[] = []) =>
  describeExplanation(
    explainDeadline(
      businessHours,
      at(start),
      minutes,
      pauses.map((pause) => ({ from: at(pause.from), to: pause.to === null ? null : at(pause.to) })),
    ),
    SAO_PAULO,
    locale,
  );
const lines = (start: string, minutes: number, pauses: PauseAt[] = []) =>
  linesIn("pt-BR", start, minutes, pauses);

describe("describeExplanation", () => {
  it("tells the Tiradentes case in pt-BR", () => {
    expect(lines("2026-04-20T17:00:00-03:00", 120)).toEqual([
      "20/04/2026 17:00–18:00: 1 h contada",
      "20/04/2026 18:00–24:00: fora do expediente",
      "21/04/2026: feriado — Dia de Tiradentes",
      "22/04/2026 00:00–08:00: fora do expediente",
      "22/04/2026 08:00–09:00: 1 h contada",
      "Total: 2 h úteis; vence em 22/04/2026 09:00",
    ]);
  });

  it("tells a weekend, a lunch break and a pause", () => {
    expect(
      lines("2026-04-17T16:00:00-03:00", 12 * 60, [
        { from: "2026-04-17T17:00:00-03:00", to: "2026-04-20T09:00:00-03:00" },
      ]),
    ).toEqual([
      "17/04/2026 16:00–17:00: 1 h contada",
      "17/04/2026 17:00–18:00: pausado (1 h)",
      "17/04/2026 18:00–24:00: fora do expediente",
      "18/04/2026 a 19/04/2026 (sábado e domingo): fim de semana",
      "20/04/2026 00:00–08:00: fora do expediente",
      "20/04/2026 08:00–09:00: pausado (1 h)",
      "20/04/2026 09:00–12:00: 3 h contadas",
      "20/04/2026 12:00–13:00: intervalo",
      "20/04/2026 13:00–18:00: 5 h contadas",
      "20/04/2026 18:00–24:00: fora do expediente",
      "21/04/2026: feriado — Dia de Tiradentes",
      "22/04/2026 00:00–08:00: fora do expediente",
      "22/04/2026 08:00–11:00: 3 h contadas",
      "Total: 12 h úteis; vence em 22/04/2026 11:00",
    ]);
  });

  it("tells an extra closed date, a start on a Sunday and minutes", () => {
    expect(lines("2026-12-20T10:00:00-03:00", 3 * 540 + 270)).toEqual([
      "20/12/2026 (domingo): fim de semana",
      "21/12/2026 00:00–08:00: fora do expediente",
      "21/12/2026 08:00–12:00: 4 h contadas",
      "21/12/2026 12:00–13:00: intervalo",
      "21/12/2026 13:00–18:00: 5 h contadas",
      "21/12/2026 18:00 – 22/12/2026 08:00: fora do expediente",
      "22/12/2026 08:00–12:00: 4 h contadas",
      "22/12/2026 12:00–13:00: intervalo",
      "22/12/2026 13:00–18:00: 5 h contadas",
      "22/12/2026 18:00 – 23/12/2026 08:00: fora do expediente",
      "23/12/2026 08:00–12:00: 4 h contadas",
      "23/12/2026 12:00–13:00: intervalo",
      "23/12/2026 13:00–18:00: 5 h contadas",
      "23/12/2026 18:00–24:00: fora do expediente",
      "24/12/2026: dia fechado no calendário",
      "25/12/2026: feriado — Natal",
      "26/12/2026 a 27/12/2026 (sábado e domingo): fim de semana",
      "28/12/2026 00:00–08:00: fora do expediente",
      "28/12/2026 08:00–12:00: 4 h contadas",
      "28/12/2026 12:00–13:00: intervalo",
      "28/12/2026 13:00–13:30: 30 min contados",
      "Total: 31 h 30 min úteis; vence em 28/12/2026 13:30",
    ]);
  });

  it("says how much is left while an open pause holds the clock", () => {
    expect(
      lines("2026-04-22T09:00:00-03:00", 240, [{ from: "2026-04-22T10:00:00-03:00", to: null }]),
    ).toEqual(["22/04/2026 09:00–10:00: 1 h contada", "Pausado desde 22/04/2026 10:00; faltam 3 h"]);
    // The verb agrees too: "falta 1 h", "faltam 3 h".
    expect(
      lines("2026-04-22T09:00:00-03:00", 240, [{ from: "2026-04-22T12:00:00-03:00", to: null }]).at(-1),
    ).toBe("Pausado desde 22/04/2026 12:00; falta 1 h");
  });

  it("agrees the participle with the last unit", () => {
    expect(lines("2026-04-20T17:59:00-03:00", 1)).toEqual([
      "20/04/2026 17:59–18:00: 1 min contado",
      "Total: 1 min útil; vence em 20/04/2026 18:00",
    ]);
    expect(lines("2026-04-20T16:00:00-03:00", 90)).toEqual([
      "20/04/2026 16:00–17:30: 1 h 30 min contados",
      "Total: 1 h 30 min úteis; vence em 20/04/2026 17:30",
    ]);
    expect(lines("2026-04-20T16:00:00-03:00", 60)).toEqual([
      "20/04/2026 16:00–17:00: 1 h contada",
      "Total: 1 h útil; vence em 20/04/2026 17:00",
    ]);
  });
});

describe("describeExplanation in English", () => {
  it("tells the Tiradentes case with US dates and a 12-hour clock", () => {
    expect(linesIn("en", "2026-04-20T17:00:00-03:00", 120)).toEqual([
      "04/20/2026 5:00 PM–6:00 PM: 1 h counted",
      "04/20/2026 6:00 PM–midnight: outside business hours",
      "04/21/2026: holiday — Dia de Tiradentes",
      "04/22/2026 12:00 AM–8:00 AM: outside business hours",
      "04/22/2026 8:00 AM–9:00 AM: 1 h counted",
      "Total: 2 h of business time; due 04/22/2026 9:00 AM",
    ]);
  });

  it("tells a weekend, a lunch break, a pause and a span across days", () => {
    const told = linesIn("en", "2026-04-17T16:00:00-03:00", 12 * 60, [
      { from: "2026-04-17T17:00:00-03:00", to: "2026-04-20T09:00:00-03:00" },
    ]);
    expect(told.slice(0, 4)).toEqual([
      "04/17/2026 4:00 PM–5:00 PM: 1 h counted",
      "04/17/2026 5:00 PM–6:00 PM: paused (1 h)",
      "04/17/2026 6:00 PM–midnight: outside business hours",
      "04/18/2026 to 04/19/2026 (Saturday and Sunday): weekend",
    ]);
    expect(told).toContain("04/20/2026 12:00 PM–1:00 PM: break");
    expect(linesIn("en", "2026-12-21T17:00:00-03:00", 120)).toContain(
      "12/21/2026 6:00 PM – 12/22/2026 8:00 AM: outside business hours",
    );
    expect(linesIn("en", "2026-12-23T17:00:00-03:00", 120)).toContain("12/24/2026: closed in the calendar");
  });

  it("says how much is left while an open pause holds the clock", () => {
    expect(
      linesIn("en", "2026-04-22T09:00:00-03:00", 240, [{ from: "2026-04-22T10:00:00-03:00", to: null }]),
    ).toEqual(["04/22/2026 9:00 AM–10:00 AM: 1 h counted", "Paused since 04/22/2026 10:00 AM; 3 h left"]);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 min"],
    [1, "1 min"],
    [30, "30 min"],
    [60, "1 h"],
    [90, "1 h 30 min"],
    [1500, "25 h"],
    [59.6, "1 h"],
  ])("%s min → %s", (minutes, expected) => {
    expect(formatDuration(minutes, translator("pt-BR"))).toBe(expected);
    expect(formatDuration(minutes, translator("en"))).toBe(expected);
  });
});
