// A whole ERP's screen catalog in one import (a 2 MB file holds some 40,000 lines): written and
// audited a slice of rows per statement in one transaction, then the catalog's planner statistics
// brought up to date, as after any bulk load.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../../../test/support/app";
import { makeUser } from "../../../../test/support/factories";
import { buildCountingTestApp, type CountingTestApp } from "../../../../test/support/round-trips";
import { ROWS_PER_STATEMENT } from "../../db/slices";
import { importScreens } from "./service";

/** Three slices: two full, one partial. */
const SCREENS = 2 * ROWS_PER_STATEMENT + 123;
const MODULES = ["Compras", "Estoque", "Financeiro", "Fiscal", "Faturamento"];
const code = (i: number) =>
  `B${String.fromCharCode(65 + Math.floor(i / 1000))}K${String(i % 1000).padStart(4, "0")}`;
const line = (i: number, name = `Cadastro auxiliar ${i}`) =>
  `${code(i)};${name};${MODULES[i % MODULES.length]}`;

describe("importing a large screen catalog", () => {
  let t: CountingTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await buildCountingTestApp();
    admin = (await makeUser(t.ctx, "admin")).id;
  });
  afterAll(() => t.close());

  async function importing(lines: string[]) {
    const progress: number[] = [];
    let result: Awaited<ReturnType<typeof importScreens>> | undefined;
    const { statements } = await t.statementsOf(async () => {
      result = await importScreens(
        t.ctx,
        { actorId: admin, ip: "203.0.113.9", origin: undefined },
        `código;nome;módulo\n${lines.join("\n")}\n`,
        (done) => progress.push(done),
      );
      return undefined as never;
    });
    const count = (pattern: RegExp) => statements.filter((sql) => pattern.test(sql)).length;
    const commit = statements.findIndex((sql) => /^\s*commit\b/i.test(sql));
    const analyze = statements.findIndex((sql) => /^\s*analyze "screen"/i.test(sql));
    return {
      result,
      progress,
      screenWrites: count(/^\s*insert into "screen"/),
      auditWrites: count(/^\s*insert into "audit_log"/),
      transactions: count(/^\s*(begin|start transaction)\b/i),
      analyzedAfterCommit: analyze > commit && commit >= 0,
    };
  }

  it("creates every screen a slice per statement, audits each, and updates the planner's statistics", async () => {
    const lines = Array.from({ length: SCREENS }, (_, i) => line(i));
    const run = await importing(lines);
    expect(run.result).toEqual({ imported: SCREENS, created: SCREENS, updated: 0, problems: [] });
    expect(run).toMatchObject({
      screenWrites: 3,
      auditWrites: 3,
      transactions: 1,
      analyzedAfterCommit: true,
    });
    expect(run.progress).toEqual([ROWS_PER_STATEMENT, 2 * ROWS_PER_STATEMENT, SCREENS]);

    const stored = await t.ctx.db
      .selectFrom("screen")
      .select(["code", "name", "module", "active"])
      .where("code", "like", "B_K%")
      .orderBy("code")
      .execute();
    expect(stored).toHaveLength(SCREENS);
    expect(stored.find((s) => s.code === code(1122))).toEqual({
      code: code(1122),
      name: "Cadastro auxiliar 1122",
      module: MODULES[1122 % MODULES.length],
      active: 1,
    });
    const audited = await t.ctx.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("action", "=", "screen.created")
      .where("actor_id", "=", admin)
      .where("ip", "=", "203.0.113.9")
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(SCREENS);
  });

  it("writes and audits only the lines that changed when the catalog comes again", async () => {
    const renamed = new Set([3, 640, 1101]);
    const lines = Array.from({ length: SCREENS }, (_, i) =>
      renamed.has(i) ? line(i, `Cadastro auxiliar ${i} (revisado)`) : line(i),
    );
    await t.ctx.db.updateTable("screen").set({ active: 0 }).where("code", "=", code(7)).execute();
    const run = await importing(lines);
    expect(run.result).toEqual({ imported: SCREENS, created: 0, updated: 4, problems: [] });
    expect(run).toMatchObject({
      screenWrites: 1,
      auditWrites: 1,
      transactions: 1,
      analyzedAfterCommit: true,
    });
    expect(run.progress).toEqual([SCREENS]);

    const updates = await t.ctx.db
      .selectFrom("audit_log")
      .select(["target_id", "details"])
      .where("action", "=", "screen.updated")
      .orderBy("target_id")
      .execute();
    expect(updates.map((u) => [u.target_id, JSON.parse(u.details).changes])).toEqual([
      [code(3), { name: { before: "Cadastro auxiliar 3", after: "Cadastro auxiliar 3 (revisado)" } }],
      [code(7), { active: { before: false, after: true } }],
      [code(640), { name: { before: "Cadastro auxiliar 640", after: "Cadastro auxiliar 640 (revisado)" } }],
      [
        code(1101),
        { name: { before: "Cadastro auxiliar 1101", after: "Cadastro auxiliar 1101 (revisado)" } },
      ],
    ]);
    const reactivated = await t.ctx.db
      .selectFrom("screen")
      .select(["active", "name"])
      .where("code", "=", code(7))
      .executeTakeFirstOrThrow();
    expect(reactivated).toEqual({ active: 1, name: "Cadastro auxiliar 7" });
  });

  it("writes nothing and skips the statistics when nothing changed", async () => {
    const lines = Array.from({ length: SCREENS }, (_, i) =>
      [3, 640, 1101].includes(i) ? line(i, `Cadastro auxiliar ${i} (revisado)`) : line(i),
    );
    const run = await importing(lines);
    expect(run.result).toEqual({ imported: SCREENS, created: 0, updated: 0, problems: [] });
    expect(run).toMatchObject({ screenWrites: 0, auditWrites: 0, analyzedAfterCommit: false });
  });

  it("answers what it wrote when refreshing the statistics fails after the commit", async () => {
    const failing = await buildTestApp({
      onStatement: (sql) => {
        if (/^\s*analyze\b/i.test(sql)) throw new Error("statistics refused");
      },
    });
    try {
      const result = await importScreens(
        failing.ctx,
        { actorId: null, ip: null, origin: undefined },
        [line(1), line(2)].join("\n"),
      );
      expect(result).toEqual({ imported: 2, created: 2, updated: 0, problems: [] });
      const stored = await failing.ctx.db
        .selectFrom("screen")
        .select("code")
        .where("code", "in", [code(1), code(2)])
        .orderBy("code")
        .execute();
      expect(stored).toEqual([{ code: code(1) }, { code: code(2) }]);
    } finally {
      await failing.close();
    }
  });
});
