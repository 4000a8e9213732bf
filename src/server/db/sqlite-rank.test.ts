import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { analyze, parseQuery } from "../../domain/search/portuguese";
import { companyTerm, matchText } from "./search";
import { operandsOfMatch, registerTicketRank, TICKET_RANK_FUNCTION } from "./sqlite-rank";

describe("operandsOfMatch", () => {
  it("reads each word of the query back, without the company's term", () => {
    const company = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    const text = matchText("sqlite", parseQuery("conciliação lançamentos"), { companyId: company });
    expect(text).toContain(companyTerm(company));
    const operands = operandsOfMatch(text);
    expect(operands).toHaveLength(2);
    expect(operands.flatMap((o) => [...o.terms, ...o.prefixes])).not.toContain(companyTerm(company));
    // The last word, typed, also counts as a prefix.
    expect(operands[1]?.prefixes.length).toBe(1);
  });

  it("reads a query without a company the same", () => {
    expect(operandsOfMatch(matchText("sqlite", parseQuery("boleto remessa cnab")))).toHaveLength(3);
  });
});

describe(`SQLite's ${TICKET_RANK_FUNCTION}`, () => {
  it("scores a row from its own terms only: rows added elsewhere in the index change nothing", () => {
    const db = new SQLite(":memory:");
    registerTicketRank(db);
    db.exec("create virtual table ticket_fts using fts5(terms, tokenize = 'unicode61', prefix = '2 3 4')");
    const insert = db.prepare("insert into ticket_fts(rowid, terms) values (?, ?)");
    const mine = "co0190a1b2c3d47e5f8a9b0c1d2e3f4a5b";
    const other = "co0190ffffc3d47e5f8a9b0c1d2e3f4a5b";
    const terms = (text: string) => analyze(text).join(" ");
    insert.run(1, `${mine} ${terms("Conciliação bancária não reconhece o extrato OFX")}`);
    insert.run(2, `${mine} ${terms("Lançamento duplicado na conciliação, conciliação parada")}`);
    insert.run(3, `${mine} ${terms("Boleto sem remessa")}`);
    const text = matchText("sqlite", parseQuery("conciliacao extrato"), {
      companyId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
    });
    const ranked = db.prepare(
      `select rowid, ${TICKET_RANK_FUNCTION}(terms, ?) as score, -bm25(ticket_fts) as bm25
         from ticket_fts where ticket_fts match ? order by score desc`,
    );
    const before = ranked.all(text, text) as { rowid: number; score: number; bm25: number }[];
    expect(before.map((row) => row.rowid)).toEqual([1, 2]);
    for (let i = 0; i < 200; i++) insert.run(100 + i, `${other} ${terms(`conciliação do extrato ${i}`)}`);
    const after = ranked.all(text, text) as typeof before;
    expect(after.map((row) => [row.rowid, row.score])).toEqual(before.map((row) => [row.rowid, row.score]));
    // BM25, which it replaced for tickets, moves with the rest of the index.
    expect(after[0]?.bm25).not.toBeCloseTo(before[0]?.bm25 ?? 0, 6);
    db.close();
  });
});
