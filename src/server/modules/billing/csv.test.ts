import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";
import { csvDate, csvHours } from "./statement-csv";

describe("csvCell", () => {
  it("leaves plain text alone and quotes separators, quotes and line breaks", () => {
    expect(csvCell("Fluxo de caixa")).toBe("Fluxo de caixa");
    expect(csvCell("1,50")).toBe("1,50");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('o "plano"')).toBe('"o ""plano"""');
    expect(csvCell("linha 1\nlinha 2")).toBe('"linha 1\nlinha 2"');
    expect(csvCell("")).toBe("");
  });

  it("keeps text a spreadsheet would run as a formula inert", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+55 11 99999-0000")).toBe("'+55 11 99999-0000");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
  });
});

describe("toCsv", () => {
  it("writes a BOM, CRLF lines and rows padded to the widest, and reads back the same", () => {
    const text = toCsv([["Empresa", "Têxtil; Serra"], [], ["a", "b", "c"]]);
    expect(text.startsWith("\uFEFFEmpresa;")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text, { delimiter: ";", bom: true })).toEqual([
      ["Empresa", "Têxtil; Serra", ""],
      ["", "", ""],
      ["a", "b", "c"],
    ]);
  });
});

describe("statement values", () => {
  it("writes hours with a decimal comma and two places, without thousands separators", () => {
    expect(csvHours(90)).toBe("1,50");
    expect(csvHours(100)).toBe("1,67");
    expect(csvHours(0)).toBe("0,00");
    expect(csvHours(60_000)).toBe("1000,00");
  });

  it("writes an instant as the São Paulo date, dd/mm/aaaa", () => {
    expect(csvDate("2026-05-01T02:45:00.000Z")).toBe("30/04/2026");
    expect(csvDate("2026-05-01T03:00:00.000Z")).toBe("01/05/2026");
  });
});
