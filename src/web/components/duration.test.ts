import { describe, expect, it } from "vitest";
import { translator } from "../../i18n";
import { formatDuration, parseDuration } from "./duration";

const pt = translator("pt-BR");
const en = translator("en");

describe("formatDuration", () => {
  it.each([
    [240, "4 h"],
    [90, "1 h 30 min"],
    [45, "45 min"],
    [0, "0 min"],
    [1440, "24 h"],
    [61, "1 h 1 min"],
    [2880 + 15, "48 h 15 min"],
  ])("%i minutes → %s", (minutes, text) => {
    expect(formatDuration(minutes, pt)).toBe(text);
    expect(formatDuration(minutes, en)).toBe(text);
  });
});

describe("parseDuration", () => {
  it.each([
    ["4 h", 240],
    ["4h", 240],
    ["1 h 30 min", 90],
    ["1h 30min", 90],
    ["1h30", 90],
    ["1 h 30", 90],
    ["1:30", 90],
    ["1,5 h", 90],
    ["1.5h", 90],
    ["90 min", 90],
    ["45min", 45],
    ["2 horas e 15 minutos", 135],
    ["3 hours 5 minutes", 185],
    ["  8 H ", 480],
    ["0 min", 0],
  ])("%j → %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["", "4", "120", "abc", "4 dias", "h", "1:75", "-2 h", "4 h 30 x", "min 30"])(
    "%j is not a duration",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it("reads back what it writes", () => {
    for (const minutes of [0, 1, 30, 59, 60, 90, 240, 1440, 2895]) {
      expect(parseDuration(formatDuration(minutes, pt))).toBe(minutes);
      expect(parseDuration(formatDuration(minutes, en))).toBe(minutes);
    }
  });
});
