// formatDateTime: São Paulo wall-clock time in each language's usual order.
import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date";

describe("formatDateTime", () => {
  it("writes dd/mm/aaaa HH:mm in São Paulo time for pt-BR", () => {
    expect(formatDateTime("2026-11-28T23:14:00.000Z", "pt-BR")).toBe("28/11/2026 20:14");
  });

  it("writes midnight as 00:00, not 24:00", () => {
    expect(formatDateTime("2026-01-01T03:00:00Z", "pt-BR")).toBe("01/01/2026 00:00");
  });

  it("writes month first with AM/PM in English", () => {
    expect(formatDateTime("2026-11-28T23:14:00.000Z", "en")).toBe("11/28/2026 8:14 PM");
  });

  it("accepts a Date", () => {
    expect(formatDateTime(new Date("2026-03-09T12:05:00Z"), "pt-BR")).toBe("09/03/2026 09:05");
  });
});

describe("formatDateTime against Intl's own formatting", () => {
  // What the function wrote before it cached São Paulo's offset per hour: Intl formatting every date.
  const intl = {
    "pt-BR": new Intl.DateTimeFormat("pt-BR", {
      timeZone: "America/Sao_Paulo",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
    en: new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Sao_Paulo",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "numeric",
      minute: "2-digit",
      hourCycle: "h12",
    }),
  } as const;
  const reference = (time: number, locale: "pt-BR" | "en") => {
    const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const part of intl[locale].formatToParts(new Date(time))) p[part.type] = part.value;
    return locale === "pt-BR"
      ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
      : `${p.month}/${p.day}/${p.year} ${p.hour}:${p.minute} ${p.dayPeriod}`;
  };

  it("agrees every 7 minutes across Brazil's last daylight saving seasons (2017–2019)", () => {
    let checked = 0;
    for (let time = Date.UTC(2017, 9, 1); time < Date.UTC(2019, 2, 1); time += 7 * 60_000) {
      for (const locale of ["pt-BR", "en"] as const) {
        const expected = reference(time, locale);
        if (formatDateTime(time, locale) !== expected) {
          expect(formatDateTime(time, locale), new Date(time).toISOString()).toBe(expected);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200_000);
  });

  it("agrees at the minutes around each change of offset and on instants from 1970 to 2100", () => {
    // Brazil's daylight saving: 2018-11-04 00:00 -03 became 01:00 -02; 2019-02-17 00:00 -02 became 23:00 -03.
    const around = [Date.UTC(2018, 10, 4, 3), Date.UTC(2019, 1, 17, 2)].flatMap((change) =>
      Array.from({ length: 121 }, (_, i) => change + (i - 60) * 60_000 - 1),
    );
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const spread = Array.from({ length: 20_000 }, () => Math.floor(random() * Date.UTC(2100, 0, 1)));
    for (const time of [...around, ...spread]) {
      for (const locale of ["pt-BR", "en"] as const) {
        expect(formatDateTime(time, locale)).toBe(reference(time, locale));
      }
    }
    expect(formatDateTime(Date.UTC(2018, 10, 4, 3), "pt-BR")).toBe("04/11/2018 01:00");
    expect(formatDateTime(Date.UTC(2018, 10, 4, 3) - 60_000, "pt-BR")).toBe("03/11/2018 23:59");
  });
});
