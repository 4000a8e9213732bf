import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/support/app";
import { testDialect } from "../../../../test/support/database";
import { bytecodeOf, planOf as planOfQuery } from "../../../../test/support/query-plan";
import { tagEntryFlags } from "../../../../test/support/tag-flags";
import type { TicketStatus } from "../../../contracts/tickets";
import { parseQuery } from "../../../domain/search/portuguese";
import { generate, OLD_PROJECT_TAG } from "../../cli/generate";
import { dialectOf } from "../../db/dialect";
import { matchText } from "../../db/search";
import {
  buildQueueCounts,
  buildQueuePage,
  buildTagTicketsByState,
  countQueues,
  listQueue,
  type QueueFilterShape,
  type QueuePageShape,
  type QueueRow,
  queueIndexFor,
  RARE_TAG_TICKETS,
  sortKeyOf,
  tagRarity,
} from "./repository";
import { tagRarityOf } from "./service";

// The queue's hot shapes walk an index in the page's order: no sort of the matching rows, whatever
// their number. SQLite names its index (INDEXED BY fails the query if the index cannot serve it);
// PostgreSQL, told to avoid sequential scans and sorts, must find an ordered path through the
// partial indexes, which it can only do when the query's condition implies theirs.
const NONE: QueueFilterShape = {
  company: false,
  category: false,
  screen: false,
  priority: false,
  kind: false,
  channel: false,
  assignee: false,
  tag: false,
  tagListOpen: false,
  tagListResolved: false,
  number: false,
  search: false,
  exclude: false,
};
const VALUES = {
  me: "0196b5f0-0000-7000-8000-000000000001",
  now: Date.parse("2026-04-22T13:00:00Z"),
  companyId: "0196b5f0-0000-7000-8000-000000000002",
  categoryId: "0196b5f0-0000-7000-8000-000000000003",
  screenCode: "FIS0001",
  priorityOrder: 1,
  kind: "support",
  channel: "phone",
  assigneeId: "0196b5f0-0000-7000-8000-000000000004",
  tag: "nfe",
  number: 1042,
  match: "",
  excludeNumber: 0,
  after1: 0,
  after2: 0,
  after3: 0,
};
/** A cursor's key in each sort: (due, number), (rank, due, number), (update, number). */
const AFTER = {
  due: { after1: VALUES.now, after2: 1042 },
  priority: { after1: 1, after2: VALUES.now, after3: 1042 },
  updated: { after1: VALUES.now, after2: 1042 },
};

type Case = [string, QueuePageShape, string[]];
const page = (
  view: QueuePageShape["view"],
  sort: QueuePageShape["sort"],
  extra: Partial<QueuePageShape> = {},
) => ({
  ...NONE,
  view,
  sort,
  after: false,
  limit: 26,
  ...extra,
});
const CASES: Case[] = [];
for (const after of [false, true]) {
  const deep = after ? " (deep)" : "";
  CASES.push(
    [`open by due${deep}`, page("open", "due", { after }), ["ticket_open_due_idx"]],
    // A filter's own range (SQLite names it; PostgreSQL may still prefer the queue's range, in order).
    [
      `open by due, high priority in one category${deep}`,
      page("open", "due", { after, priority: true, category: true }),
      ["ticket_open_category_due_idx", ...(testDialect === "sqlite" ? [] : ["ticket_open_priority_due_idx"])],
    ],
    [
      `open by due, one screen${deep}`,
      page("open", "due", { after, screen: true }),
      ["ticket_open_screen_due_idx", ...(testDialect === "sqlite" ? [] : ["ticket_open_due_idx"])],
    ],
    [
      `open by due, one category${deep}`,
      page("open", "due", { after, category: true }),
      ["ticket_open_category_due_idx", ...(testDialect === "sqlite" ? [] : ["ticket_open_due_idx"])],
    ],
    [
      `at risk by due, one screen in one category${deep}`,
      page("at_risk", "due", { after, screen: true, category: true }),
      [
        "ticket_open_screen_due_idx",
        ...(testDialect === "sqlite" ? [] : ["ticket_open_due_idx", "ticket_open_category_due_idx"]),
      ],
    ],
    [`open by priority${deep}`, page("open", "priority", { after }), ["ticket_open_priority_due_idx"]],
    [`open by update${deep}`, page("open", "updated", { after }), ["ticket_open_updated_idx"]],
    [
      `one company's by due${deep}`,
      page("open", "due", { after, company: true }),
      ["ticket_open_company_due_idx"],
    ],
    [`mine by due${deep}`, page("mine", "due", { after }), ["ticket_open_assignee_due_idx"]],
    // PostgreSQL cannot read an order out of `assignee_id is null`; it walks the due index instead.
    [
      `unassigned by due${deep}`,
      page("unassigned", "due", { after }),
      ["ticket_open_assignee_due_idx", "ticket_open_due_idx"],
    ],
    [`at risk by due${deep}`, page("at_risk", "due", { after }), ["ticket_open_due_idx"]],
    [
      `waiting by update${deep}`,
      page("waiting", "updated", { after }),
      ["ticket_status_updated_idx", "ticket_open_updated_idx"],
    ],
    [`finished by update${deep}`, page("resolved", "updated", { after }), ["ticket_status_updated_idx"]],
    [
      `finished by update, one screen${deep}`,
      page("resolved", "updated", { after, screen: true }),
      ["ticket_screen_updated_idx", ...(testDialect === "sqlite" ? [] : ["ticket_status_updated_idx"])],
    ],
  );
}

describe("the queue's query plans", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    // Plans are chosen on statistics: on empty tables PostgreSQL cannot tell a range of exactly the
    // counted tickets from a wider one tested row by row. Generated tickets, analyzed as `generate`
    // does, give it the kind of numbers a help desk has.
    await generate(t.ctx, { tickets: 3000, companies: 5, history: "uniform" });
  }, 60_000);
  afterAll(() => t.close());

  /** The plan's lines: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN text. */
  const planOf = (compiled: { sql: string; parameters: readonly unknown[] }) =>
    planOfQuery(t.ctx.db, compiled, ["enable_seqscan", "enable_sort", "enable_bitmapscan"]);

  const sorts = (plan: string[]) =>
    plan.filter((line) => (testDialect === "sqlite" ? /TEMP B-TREE/.test(line) : /\bSort\b/.test(line)));
  const ticketIndexes = (plan: string[]) =>
    plan.flatMap((line) =>
      [...line.matchAll(/(ticket_(?:open|status|company|screen)_\w+_idx)/g)].map((m) => m[1]),
    );

  it.each(CASES)("%s walks an index in the page's order", async (_name, shape, indexes) => {
    const values = { ...VALUES, ...AFTER[shape.sort] };
    const plan = await planOf(buildQueuePage(t.ctx.db, shape, values).compile());
    expect(sorts(plan), plan.join("\n")).toEqual([]);
    const used = ticketIndexes(plan);
    expect(used.length, plan.join("\n")).toBeGreaterThan(0);
    for (const index of used) expect(indexes, plan.join("\n")).toContain(index);
  });

  // A walk in the page's order passes over the tickets a view or filter leaves out. SQLite tests an
  // index entry's own columns before it reads the row, so the walks hold every column those test:
  // "vence em breve" with a few tickets at risk, or a kind with none open, no longer reads every open
  // ticket's row (migration 0036). The proof is in the bytecode: the tested column is read from the
  // index's cursor, not the table's. PostgreSQL keeps its indexes, led by the sort alone.
  it.each([
    ["at risk by due", "queue_warn_at", page("at_risk", "due")],
    ["waiting by due", "status", page("waiting", "due")],
    ["open by due, one kind", "kind", page("open", "due", { kind: true })],
    ["open by due, one channel", "channel", page("open", "due", { channel: true })],
    ["open by priority, one screen", "screen_code", page("open", "priority", { screen: true })],
    ["open by update, one category", "category_id", page("open", "updated", { category: true })],
    ["at risk by update", "queue_warn_at", page("at_risk", "updated")],
  ] as const)("%s tests %s on the walk's index entries", async (_name, column, shape) => {
    const index = queueIndexFor(shape);
    expect(index).toBeDefined();
    if (testDialect === "postgres") {
      // This file's schema only: another file's, dropped meanwhile, would fail pg_get_indexdef.
      const { rows } = await sql<{
        indexdef: string;
      }>`select indexdef from pg_indexes where schemaname = current_schema() and indexname = ${index}`.execute(
        t.ctx.db,
      );
      // The indexed columns, before the partial index's condition.
      const columns = /USING btree \(([^)]*)\)/.exec(rows[0]?.indexdef ?? "")?.[1];
      expect(columns).toBeDefined();
      expect(columns).not.toContain(column);
      return;
    }
    const compiled = buildQueuePage(t.ctx.db, shape, { ...VALUES, ...AFTER[shape.sort] }).compile();
    const roots = await sql<{
      name: string;
      rootpage: number;
    }>`select name, rootpage from sqlite_master where name in ('ticket', ${index})`.execute(t.ctx.db);
    const root = (name: string | undefined) => roots.rows.find((row) => row.name === name)?.rootpage;
    const position = (
      await sql<{ name: string; seqno: number }>`select name, seqno from pragma_index_info(${index})`.execute(
        t.ctx.db,
      )
    ).rows.find((row) => row.name === column)?.seqno;
    expect(position, `${index} holds ${column}`).toBeDefined();
    const code = await bytecodeOf(t.ctx.db, compiled);
    const cursorOn = (rootpage: number | undefined) =>
      code.find((op) => op.opcode === "OpenRead" && op.p2 === rootpage)?.p1;
    const indexCursor = cursorOn(root(index));
    expect(indexCursor, `the page walks ${index}`).toBeDefined();
    expect(cursorOn(root("ticket")), "and reads the ticket's row for the page").toBeDefined();
    const readFromIndex = code.some(
      (op) => op.opcode === "Column" && op.p1 === indexCursor && op.p2 === position,
    );
    expect(readFromIndex, `${column} is read from ${index}'s entries`).toBe(true);
  });

  it("counts each view from an index, never the whole table", async () => {
    const plan = await planOf(buildQueueCounts(t.ctx.db, { ...NONE, cap: 1000 }, VALUES).compile());
    const scans = plan.filter((line) =>
      testDialect === "sqlite" ? /^SCAN ticket\b/.test(line) : /Seq Scan on ticket/.test(line),
    );
    expect(scans, plan.join("\n")).toEqual([]);
    const used = new Set(ticketIndexes(plan));
    // "Não atribuídas" and "minhas": either index led by the assignee (PostgreSQL may take the
    // assignee-filter index, which holds the open statuses too).
    const byAssignee = ["ticket_open_assignee_due_idx", "ticket_open_assignee_filter_idx"];
    expect(
      byAssignee.filter((index) => used.has(index)),
      plan.join("\n"),
    ).not.toEqual([]);
    expect(used, plan.join("\n")).toContain("ticket_open_warn_idx");
    // The status ranges: the status index, or (PostgreSQL's pick) the filter-counts index it leads;
    // "abertas" may be any index over the open tickets alone, each holding exactly those.
    for (const index of used)
      if (!/^ticket_open_/.test(index ?? ""))
        expect(["ticket_status_updated_idx", "ticket_filter_counts_idx"], plan.join("\n")).toContain(index);
  });

  it("counts under a category or kind filter read only index entries, never the table's rows", async () => {
    for (const filter of [{ category: true }, { kind: true, channel: true }] as const) {
      const plan = await planOf(
        buildQueueCounts(t.ctx.db, { ...NONE, ...filter, cap: 1000 }, VALUES).compile(),
      );
      const scans = plan.filter((line) =>
        testDialect === "sqlite" ? /^SCAN ticket\b/.test(line) : /Seq Scan on ticket/.test(line),
      );
      expect(scans, plan.join("\n")).toEqual([]);
      if (testDialect === "sqlite") {
        // Covering indexes: every view's count is answered from the index entries alone, in the
        // views' order (unassigned, mine, then the four led by the status).
        const counts = plan.filter((line) => /ticket/.test(line) && /INDEX/.test(line));
        expect(counts.length, plan.join("\n")).toBe(6);
        counts.forEach((line, index) => {
          const expected = index < 2 ? "ticket_open_assignee_filter_idx" : "ticket_filter_counts_idx";
          expect(line, plan.join("\n")).toMatch(new RegExp(`COVERING INDEX ${expected}\\b`));
        });
      }
    }
  });

  // "Não atribuídas" and "minhas" used to read every open ticket in the filter to count the few that
  // were nobody's or the caller's: their cost grew with the open backlog. Their range now holds only
  // the tickets they count, so a count costs what it counts (up to the cap), at any volume.
  it("counts 'não atribuídas' and 'minhas' under a category filter as a range of exactly those tickets", async () => {
    const plan = await planOf(
      buildQueueCounts(t.ctx.db, { ...NONE, category: true, priority: true, cap: 1000 }, VALUES).compile(),
    );
    const ranges = plan.filter((line) =>
      testDialect === "sqlite"
        ? /INDEX ticket_open_assignee_filter_idx \(assignee_id=\? AND category_id=\? AND priority_order=\?\)/.test(
            line,
          )
        : /Index Cond: \(\(assignee_id (=|IS NULL).*category_id = .*priority_order = /.test(line),
    );
    expect(ranges, plan.join("\n")).toHaveLength(2);
  });

  it("counts under a text search match the words once, not once per view", async () => {
    const match = matchText(dialectOf(t.ctx.db), parseQuery("nota fiscal rejeitada"), { mode: "most" });
    const compiled = buildQueueCounts(
      t.ctx.db,
      { ...NONE, search: true, cap: 1000 },
      { ...VALUES, match },
    ).compile();
    // Only sequential scans off: a bitmap is how PostgreSQL reads a GIN index.
    const plan = await planOfQuery(t.ctx.db, compiled, ["enable_seqscan"]);
    const matches = plan.filter((line) =>
      testDialect === "sqlite"
        ? /VIRTUAL TABLE INDEX \d+:M/.test(line)
        : /Bitmap Index Scan on ticket_search_idx/.test(line),
    );
    expect(matches, plan.join("\n")).toHaveLength(1);
  });

  // A tag on few tickets is where a page starts: its list, then those tickets sorted. A walk of the
  // queue would read every ticket it passes to test the tag (140 ms a page at 100 000 tickets for a
  // tag on 5 open ones). Both forms must list and count the same tickets.
  describe("a tag on few tickets", () => {
    let tag = "";
    const ticketsIn = (statuses: TicketStatus[], limit: number) =>
      t.ctx.db.selectFrom("ticket").select("id").where("status", "in", statuses).limit(limit).execute();
    beforeAll(async () => {
      const row = await t.ctx.db
        .selectFrom("ticket_tag")
        .select(["tag", (eb) => eb.fn.countAll<number>().as("n")])
        .where("tag", "!=", OLD_PROJECT_TAG)
        .groupBy("tag")
        .orderBy("n", "desc")
        .executeTakeFirstOrThrow();
      tag = row.tag;
      expect(Number(row.n)).toBeGreaterThan(50);
    });

    it("is a list to start from; a tag on more tickets is not, where it is on them", async () => {
      expect(await tagRarity(t.ctx.db, tag)).toEqual({ open: true, resolved: true });
      expect(await tagRarity(t.ctx.db, "nenhuma-ocorrencia")).toEqual({ open: true, resolved: true });
      // The generator's old project: on every finished ticket of these 3 000 and on 5 open ones.
      expect(await tagRarity(t.ctx.db, OLD_PROJECT_TAG)).toEqual({ open: true, resolved: false });
      const open = await ticketsIn(["open", "in_progress", "waiting_customer"], RARE_TAG_TICKETS + 1);
      const resolved = await ticketsIn(["resolved"], RARE_TAG_TICKETS + 1);
      expect([open.length, resolved.length]).toEqual([RARE_TAG_TICKETS + 1, RARE_TAG_TICKETS + 1]);
      const tagging = async (name: string, tickets: { id: string }[]) =>
        t.ctx.db
          .insertInto("ticket_tag")
          .values(tickets.map(({ id }) => ({ ticket_id: id, tag: name })))
          .execute();
      // On many tickets, nearly all of them finished (an old project's tag), or nearly all open.
      await tagging("projeto-antigo", [...resolved, ...open.slice(0, 3)]);
      await tagging("projeto-novo", [...open, ...resolved.slice(0, 3)]);
      // On 501 tickets, 500 of them open and one finished: rare nowhere but among the finished.
      await tagging("metade", [...open.slice(0, RARE_TAG_TICKETS), ...resolved.slice(0, 1)]);
      try {
        expect(await tagRarity(t.ctx.db, "projeto-antigo")).toEqual({ open: true, resolved: false });
        expect(await tagRarity(t.ctx.db, "projeto-novo")).toEqual({ open: false, resolved: true });
        expect(await tagRarity(t.ctx.db, "metade")).toEqual({ open: true, resolved: true });
      } finally {
        await t.ctx.db
          .deleteFrom("ticket_tag")
          .where("tag", "in", ["projeto-antigo", "projeto-novo", "metade"])
          .execute();
      }
    });

    it("says on each entry whether its ticket is open, as its status changes (migration 0038's triggers)", async () => {
      const [open] = await ticketsIn(["open"], 1);
      const [cancelled] = await ticketsIn(["cancelled"], 1);
      if (!open || !cancelled) throw new Error("the generated tickets hold no open or no cancelled one");
      const flags = async () =>
        Object.fromEntries(
          (
            await t.ctx.db
              .selectFrom("ticket_tag")
              .select(["ticket_id", "open"])
              .where("tag", "=", "sinalizada")
              .execute()
          ).map((row) => [row.ticket_id === open.id ? "open" : "cancelled", Number(row.open)]),
        );
      const setStatus = (id: string, status: TicketStatus) =>
        t.ctx.db.updateTable("ticket").set({ status }).where("id", "=", id).execute();
      await t.ctx.db
        .insertInto("ticket_tag")
        .values([
          { ticket_id: open.id, tag: "sinalizada" },
          { ticket_id: cancelled.id, tag: "sinalizada" },
        ])
        .execute();
      try {
        expect(await flags()).toEqual({ open: 1, cancelled: 0 });
        await setStatus(open.id, "waiting_customer");
        expect(await flags()).toEqual({ open: 1, cancelled: 0 });
        await setStatus(open.id, "cancelled");
        await setStatus(cancelled.id, "in_progress");
        expect(await flags()).toEqual({ open: 0, cancelled: 1 });
      } finally {
        await setStatus(open.id, "open");
        await setStatus(cancelled.id, "cancelled");
        await t.ctx.db.deleteFrom("ticket_tag").where("tag", "=", "sinalizada").execute();
      }
      // And every entry the generator wrote (through the insert trigger) agrees with its ticket.
      const entries = await tagEntryFlags(t.ctx.db);
      expect(entries.disagreeing).toBe(0);
      expect(entries.open).toBeGreaterThan(100);
    });

    it("is read again after a minute, not on every request", async () => {
      const open = await ticketsIn(["open", "in_progress", "waiting_customer"], RARE_TAG_TICKETS + 1);
      const now = Date.parse("2026-04-22T13:00:00Z");
      expect(await tagRarityOf(t.ctx.db, "campanha", now)).toEqual({ open: true, resolved: true });
      await t.ctx.db
        .insertInto("ticket_tag")
        .values(open.map(({ id }) => ({ ticket_id: id, tag: "campanha" })))
        .execute();
      try {
        // Kept: a stale choice lists the same tickets (below), only at another speed.
        expect(await tagRarityOf(t.ctx.db, "campanha", now + 59_000)).toEqual({ open: true, resolved: true });
        expect(await tagRarityOf(t.ctx.db, "campanha", now + 60_000)).toEqual({
          open: false,
          resolved: true,
        });
      } finally {
        await t.ctx.db.deleteFrom("ticket_tag").where("tag", "=", "campanha").execute();
      }
    });

    it("is counted in and out of the open queue from the tag's entries, each ticket by its id", async () => {
      const plan = await planOf(buildTagTicketsByState(t.ctx.db, { tag }).compile());
      // The open ones from the flag's range (migration 0038), the finished ones from all its entries.
      const fromTag = plan.filter((line) =>
        testDialect === "sqlite"
          ? /SEARCH (ticket_tag|tagged) USING COVERING INDEX ticket_tag_(open|tag)_idx \(tag=\?\)/.test(line)
          : /Index Only Scan using ticket_tag_(open|tag)_idx/.test(line),
      );
      expect(fromTag, plan.join("\n")).toHaveLength(2);
      expect(plan.join("\n")).toMatch(/ticket_tag_open_idx/);
      const scans = plan.filter((line) => /^SCAN ticket\b|Seq Scan on ticket\b/.test(line.trim()));
      expect(scans, plan.join("\n")).toEqual([]);
    });

    it.each([
      [
        "a page",
        (shape: QueueFilterShape) =>
          buildQueuePage(
            t.ctx.db,
            { ...shape, view: "open", sort: "due", after: false, limit: 26 },
            { ...VALUES, ...AFTER.due, tag },
          ),
      ],
      [
        "the counts",
        (shape: QueueFilterShape) => buildQueueCounts(t.ctx.db, { ...shape, cap: 1000 }, { ...VALUES, tag }),
      ],
    ] as const)("%s starts from the tag's entries and reads only its tickets", async (_name, build) => {
      const plan = await planOf(
        build({ ...NONE, tag: true, tagListOpen: true, tagListResolved: true }).compile(),
      );
      const starts = plan.filter((line) =>
        testDialect === "sqlite"
          ? /SEARCH tagged USING COVERING INDEX ticket_tag_(open|tag)_idx \(tag=\?\)/.test(line)
          : /ticket_tag/.test(line) && /Index/.test(line),
      );
      expect(starts.length, plan.join("\n")).toBeGreaterThan(0);
      const scans = plan.filter((line) => /^SCAN ticket\b|Seq Scan on ticket\b/.test(line.trim()));
      expect(scans, plan.join("\n")).toEqual([]);
      if (testDialect === "sqlite") {
        // Each of the tag's tickets by its id, the open views' from the tag's open entries only
        // (migration 0038); no walk of a queue index.
        const openEntries = plan.filter((line) =>
          /SEARCH tagged USING COVERING INDEX ticket_tag_open_idx \(tag=\?\)/.test(line),
        );
        expect(openEntries.length, plan.join("\n")).toBeGreaterThan(0);
        expect(plan.join("\n")).not.toMatch(
          /ticket_(open_(due|priority|updated|assignee|warn|company)|status)_\w*idx/,
        );
      }
    });

    it.each([
      ["open", "due"],
      ["open", "priority"],
      ["open", "updated"],
      ["unassigned", "due"],
      ["waiting", "updated"],
      ["at_risk", "due"],
      ["resolved", "updated"],
    ] as const)("lists %s by %s as the walk does, page after page", async (view, sort) => {
      const numbers = async (tagList: boolean) => {
        const seen: number[] = [];
        let after: number[] | undefined;
        for (let pageNumber = 0; pageNumber < 4; pageNumber++) {
          const rows = await listQueue(
            t.ctx.db,
            page(view, sort, {
              tag: true,
              tagListOpen: tagList,
              tagListResolved: tagList,
              after: after !== undefined,
              limit: 11,
            }),
            {
              ...VALUES,
              now: t.ctx.clock.now(),
              tag,
              after1: after?.[0] ?? 0,
              after2: after?.[1] ?? 0,
              after3: after?.[2] ?? 0,
            },
          );
          seen.push(...rows.slice(0, 10).map((row) => row.number));
          if (rows.length <= 10) break;
          after = sortKeyOf(sort, rows[9] as QueueRow);
        }
        return seen;
      };
      const fromList = await numbers(true);
      expect(fromList.length).toBeGreaterThan(0);
      expect(fromList).toEqual(await numbers(false));
    });

    it.each([
      [true, true],
      [true, false],
      [false, true],
    ])(
      "counts each view as the walk does (open views from the list: %s, finished: %s)",
      async (open, resolved) => {
        const values = { ...VALUES, now: t.ctx.clock.now(), tag };
        const fromList = await countQueues(
          t.ctx.db,
          { ...NONE, tag: true, tagListOpen: open, tagListResolved: resolved, cap: 1000 },
          values,
        );
        expect(fromList.open).toBeGreaterThan(0);
        expect(fromList.resolved).toBeGreaterThan(0);
        expect(fromList).toEqual(await countQueues(t.ctx.db, { ...NONE, tag: true, cap: 1000 }, values));
      },
    );
  });
});
