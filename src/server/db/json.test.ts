import { describe, expect, it } from "vitest";
import { CorruptJsonError, type Json, json } from "./json";

// Stored text as a database could hold it after a manual edit or a bug elsewhere.
const stored = <T>(text: string) => text as Json<T>;

describe("JSON column codecs", () => {
  it("give back what they wrote", () => {
    const pauses = [
      { from: 1_000, to: 2_000 },
      { from: 3_000, to: null },
    ];
    expect(json.slaClockPauses.decode(json.slaClockPauses.encode(pauses))).toEqual(pauses);
    expect(json.calendarHolidays.encode(null)).toBeNull();
    expect(json.calendarHolidays.decode(null)).toBeNull();
  });

  it("refuse text that is not JSON, naming the table and column", () => {
    expect(() => json.slaClockPauses.decode(stored("[{from: 1"))).toThrow(
      new CorruptJsonError("sla_clock.pauses holds text that is not JSON"),
    );
  });

  it("refuse JSON of the wrong shape, naming the table, the column and what is wrong", () => {
    const decode = () => json.planTargets.decode(stored('{"low": {"firstResponseMinutes": "soon"}}'));
    expect(decode).toThrow(CorruptJsonError);
    expect(decode).toThrow(/^plan\.targets holds JSON of the wrong shape: .*firstResponseMinutes/s);
  });

  it("read saved filters an older contract wrote as the plain open queue, but not text that is not JSON", () => {
    expect(json.savedViewFilters.decode(stored('{"view": "retired-view", "sort": "due"}'))).toEqual({
      view: "open",
      sort: "due",
    });
    expect(() => json.savedViewFilters.decode(stored("not json"))).toThrow(/saved_view\.filters/);
  });
});
