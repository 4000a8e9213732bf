import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, type TestApp } from "../../../../test/support/app";
import {
  HOUR,
  NOW,
  type QueueFixture,
  queueFixture,
  type TicketSpec,
} from "../../../../test/support/queue-fixture";
import { QUEUE_COUNT_CAP } from "../../../contracts/queue";

// Every view, filter and sort against tickets whose queue keys are known: "now" is 13:00Z.
const SPECS = {
  t1: {
    company: "a",
    category: "fiscal",
    screen: "FIS0001",
    priority: "urgent",
    status: "open",
    assignee: null,
    subject: "NF-e rejeitada pela SEFAZ",
    dueInHours: 1,
    warnInHours: -0.5,
    updatedMinutesAgo: 50,
    tags: ["nfe"],
  },
  t2: {
    company: "a",
    category: "fiscal",
    screen: "ATW0001",
    priority: "high",
    status: "in_progress",
    assignee: "agent",
    channel: "phone",
    subject: "Boleto não imprime após a remessa",
    dueInHours: -2,
    warnInHours: -4,
    updatedMinutesAgo: 10,
    tags: ["sefaz", "nfe"],
  },
  t3: {
    company: "b",
    category: "finance",
    screen: "FIN0005",
    priority: "normal",
    status: "open",
    assignee: null,
    subject: "Fluxo de caixa não bate com a conta corrente",
    dueInHours: 5,
    warnInHours: 3,
    updatedMinutesAgo: 90,
  },
  t4: {
    company: "b",
    category: "fiscal",
    screen: "FIS0001",
    priority: "high",
    status: "waiting_customer",
    assignee: "agent2",
    channel: "email",
    subject: "Cálculo do ICMS-ST diferente da planilha",
    dueInHours: null,
    warnInHours: null,
    updatedMinutesAgo: 30,
  },
  t5: {
    company: "a",
    category: "finance",
    screen: "FIN0005",
    priority: "low",
    status: "in_progress",
    assignee: "agent",
    kind: "consultancy",
    subject: "Relatório de vendas não mostra a filial",
    dueInHours: null,
    warnInHours: null,
    updatedMinutesAgo: 5,
  },
  t6: {
    company: "b",
    category: "fiscal",
    screen: "ATW0001",
    priority: "normal",
    status: "resolved",
    assignee: "agent",
    subject: "Usuário sem permissão para faturar",
    dueInHours: null,
    warnInHours: null,
    updatedMinutesAgo: 300,
  },
  t7: {
    company: "a",
    category: "fiscal",
    screen: "ATW0001",
    priority: "high",
    status: "open",
    assignee: null,
    subject: "Pedido de compra não gera a nota de entrada",
    dueInHours: 5,
    warnInHours: 4,
    updatedMinutesAgo: 70,
  },
  t8: {
    company: "a",
    category: "fiscal",
    screen: "FIS0001",
    priority: "normal",
    status: "cancelled",
    assignee: null,
    subject: "Estoque negativo após a transferência",
    dueInHours: null,
    warnInHours: null,
    updatedMinutesAgo: 1,
  },
  t9: {
    company: "b",
    category: "fiscal",
    screen: "FIS0001",
    priority: "urgent",
    status: "open",
    assignee: "agent",
    channel: "phone",
    subject: "Conciliação bancária duplicou lançamentos",
    dueInHours: 30,
    warnInHours: 20,
    updatedMinutesAgo: 20,
    tags: ["sefaz"],
  },
  t10: {
    company: "a",
    category: "finance",
    screen: "ATW0001",
    priority: "normal",
    status: "resolved",
    assignee: null,
    subject: "Cadastro de cliente não grava o e-mail",
    dueInHours: null,
    warnInHours: null,
    updatedMinutesAgo: 200,
  },
} satisfies Record<string, TicketSpec>;
type Key = keyof typeof SPECS;

describe("GET /api/v1/console/queue", () => {
  let t: TestApp;
  let f: QueueFixture;

  beforeAll(async () => {
    t = await buildTestApp();
    f = await queueFixture(t.ctx, t.app, SPECS);
  });
  afterAll(() => t.close());

  const get = (cookie: string, url: string, query: Record<string, string> = {}) =>
    call(t.app, "GET", url, undefined, { cookie, query });
  const queue = async (query: Record<string, string>, cookie = f.cookies.agent) => {
    const response = await get(cookie, "/api/v1/console/queue", query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  /** The tickets' keys, in the order the queue lists them. */
  const keys = async (query: Record<string, string>, cookie?: string): Promise<Key[]> => {
    const byNumber = new Map(Object.entries(f.numbers).map(([key, number]) => [number, key as Key]));
    return (await queue({ limit: "100", ...query }, cookie)).items.map(
      (item: { number: number }) => byNumber.get(item.number) ?? item.number,
    );
  };

  it("lists each view, soonest deadline first, no deadline last, ties by number", async () => {
    expect(await keys({ view: "open" })).toEqual(["t2", "t1", "t3", "t7", "t9", "t4", "t5"]);
    expect(await keys({})).toEqual(["t2", "t1", "t3", "t7", "t9", "t4", "t5"]);
    expect(await keys({ view: "unassigned" })).toEqual(["t1", "t3", "t7"]);
    expect(await keys({ view: "mine" })).toEqual(["t2", "t9", "t5"]);
    expect(await keys({ view: "mine" }, f.cookies.agent2)).toEqual(["t4"]);
    expect(await keys({ view: "mine" }, f.cookies.supervisor)).toEqual([]);
    expect(await keys({ view: "waiting" })).toEqual(["t4"]);
    // "Vence em breve / violado": a running deadline past its warning.
    expect(await keys({ view: "at_risk" })).toEqual(["t2", "t1"]);
    // Finished tickets have no deadlines: always by last update.
    const resolved = await queue({ view: "resolved", sort: "due" });
    expect(resolved.sort).toBe("updated");
    expect(await keys({ view: "resolved" })).toEqual(["t10", "t6"]);
  });

  it("sorts by priority (then deadline) and by last update", async () => {
    expect(await keys({ sort: "priority" })).toEqual(["t1", "t9", "t2", "t7", "t4", "t3", "t5"]);
    expect(await keys({ sort: "updated" })).toEqual(["t5", "t2", "t9", "t4", "t1", "t7", "t3"]);
    expect(await keys({ view: "unassigned", sort: "updated" })).toEqual(["t1", "t7", "t3"]);
    expect((await queue({ sort: "priority" })).sort).toBe("priority");
  });

  it("describes each ticket with its names, tags and the queue's deadline state", async () => {
    const items = (await queue({ limit: "100" })).items;
    const t2 = items.find((item: { number: number }) => item.number === f.numbers.t2);
    expect(t2).toEqual({
      number: f.numbers.t2,
      subject: "Boleto não imprime após a remessa",
      status: "in_progress",
      priority: "high",
      kind: "support",
      channel: "phone",
      company: { id: f.companies.a.id, name: "Metalúrgica Paulista" },
      requester: { id: f.customers.a.id, name: "Fernanda Lima" },
      assignee: { id: f.staff.agent.id, name: "Juliana Prado" },
      category: { id: f.categories.fiscal, name: "Fiscal" },
      screenCode: "ATW0001",
      screenName: "Atendimento ao Cliente",
      tags: ["nfe", "sefaz"],
      dueAt: new Date(NOW - 2 * HOUR).toISOString(),
      slaState: "breached",
      createdAt: "2026-04-22T13:00:00.000Z",
      updatedAt: new Date(NOW - 10 * 60_000).toISOString(),
      version: 1,
    });
    const state = (key: Key) =>
      items.find((item: { number: number }) => item.number === f.numbers[key])?.slaState;
    expect([state("t1"), state("t3"), state("t4")]).toEqual(["due_soon", "on_time", "none"]);
    const t3 = items.find((item: { number: number }) => item.number === f.numbers.t3);
    expect(t3).toMatchObject({ assignee: null, tags: [], dueAt: new Date(NOW + 5 * HOUR).toISOString() });
    const t4 = items.find((item: { number: number }) => item.number === f.numbers.t4);
    expect(t4).toMatchObject({ dueAt: null, channel: "email", assignee: { name: "Marcos Teixeira" } });
  });

  it("filters by company, category, screen, priority, kind, channel, assignee and tag", async () => {
    expect(await keys({ companyId: f.companies.a.id })).toEqual(["t2", "t1", "t7", "t5"]);
    expect(await keys({ categoryId: f.categories.finance })).toEqual(["t3", "t5"]);
    expect(await keys({ screenCode: "FIS0001" })).toEqual(["t1", "t9", "t4"]);
    expect(await keys({ screenCode: "fis0001" })).toEqual(["t1", "t9", "t4"]);
    expect(await keys({ priority: "high" })).toEqual(["t2", "t7", "t4"]);
    expect(await keys({ kind: "consultancy" })).toEqual(["t5"]);
    expect(await keys({ kind: "support" })).toEqual(["t2", "t1", "t3", "t7", "t9", "t4"]);
    expect(await keys({ channel: "phone" })).toEqual(["t2", "t9"]);
    expect(await keys({ channel: "email" })).toEqual(["t4"]);
    expect(await keys({ assigneeId: f.staff.agent2.id })).toEqual(["t4"]);
    expect(await keys({ assigneeId: "me" })).toEqual(["t2", "t9", "t5"]);
    expect(await keys({ assigneeId: "me" }, f.cookies.agent2)).toEqual(["t4"]);
    expect(await keys({ tag: "nfe" })).toEqual(["t2", "t1"]);
    expect(await keys({ tag: "sefaz" })).toEqual(["t2", "t9"]);
    expect(await keys({ tag: "inexistente" })).toEqual([]);
    // Filters apply to every view, and together.
    expect(await keys({ view: "resolved", companyId: f.companies.b.id })).toEqual(["t6"]);
    expect(await keys({ priority: "high", categoryId: f.categories.fiscal })).toEqual(["t2", "t7", "t4"]);
    expect(await keys({ priority: "urgent", companyId: f.companies.b.id, sort: "priority" })).toEqual(["t9"]);
    expect(await keys({ view: "unassigned", assigneeId: f.staff.agent.id })).toEqual([]);
    expect(await keys({ view: "at_risk", tag: "sefaz", channel: "phone" })).toEqual(["t2"]);
  });

  it("searches the tickets' text accent-insensitively, and puts a ticket number first", async () => {
    expect(await keys({ q: "conciliacao" })).toEqual(["t9"]);
    expect(await keys({ q: "fluxo de caixa" })).toEqual(["t3"]);
    expect(await keys({ q: "rejeitada", companyId: f.companies.a.id })).toEqual(["t1"]);
    expect(await keys({ q: "rejeitada", companyId: f.companies.b.id })).toEqual([]);
    // Finished tickets are found in their own view only.
    expect(await keys({ q: "permissão" })).toEqual([]);
    expect(await keys({ q: "permissao", view: "resolved" })).toEqual(["t6"]);
    expect(await keys({ q: String(f.numbers.t5) })).toEqual(["t5"]);
    expect(await keys({ q: `#${f.numbers.t7}`, sort: "updated" })).toEqual(["t7"]);
    // A number outside the view finds nothing there.
    expect(await keys({ q: String(f.numbers.t6) })).toEqual([]);
  });

  it('counts every view under the filters, "minhas" being the caller\'s', async () => {
    const counts = async (query: Record<string, string>, cookie = f.cookies.agent) => {
      const response = await get(cookie, "/api/v1/console/queue/counts", query);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    expect(await counts({})).toEqual({
      unassigned: 3,
      mine: 3,
      open: 7,
      waiting: 1,
      at_risk: 2,
      resolved: 2,
      cap: QUEUE_COUNT_CAP,
    });
    expect(await counts({}, f.cookies.agent2)).toMatchObject({ mine: 1, open: 7 });
    expect(await counts({ companyId: f.companies.a.id })).toEqual({
      unassigned: 2,
      mine: 2,
      open: 4,
      waiting: 0,
      at_risk: 2,
      resolved: 1,
      cap: QUEUE_COUNT_CAP,
    });
    expect(await counts({ tag: "sefaz", view: "at_risk" })).toEqual({
      unassigned: 0,
      mine: 2,
      open: 2,
      waiting: 0,
      at_risk: 1,
      resolved: 0,
      cap: QUEUE_COUNT_CAP,
    });
    expect(await counts({ q: String(f.numbers.t6) })).toMatchObject({ open: 0, resolved: 1 });
  });

  it("pages with a keyset cursor in every sort", async () => {
    for (const sort of ["due", "priority", "updated"]) {
      const all = await keys({ sort });
      const seen: Key[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { number: number }[]; nextCursor: string | null } = await queue({
          sort,
          limit: "2",
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(2);
        for (const item of page.items)
          seen.push(
            (Object.entries(f.numbers).find(([, number]) => number === item.number)?.[0] ?? "") as Key,
          );
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
    }
  });

  it("refuses a cursor that is not one, or that belongs to another sort", async () => {
    const bad = await get(f.cookies.agent, "/api/v1/console/queue", { cursor: "not-a-cursor" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("cursor");
    const byUpdate = await queue({ sort: "updated", limit: "1" });
    const mixed = await get(f.cookies.agent, "/api/v1/console/queue", {
      sort: "due",
      cursor: byUpdate.nextCursor,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.fields).toHaveProperty("cursor");
  });

  it("validates the query with per-field messages in the user's language", async () => {
    const response = await get(f.cookies.agent, "/api/v1/console/queue", {
      view: "todas",
      sort: "random",
      priority: "altissima",
      companyId: "123",
      screenCode: "X1",
      assigneeId: "voce",
      limit: "0",
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(
      ["assigneeId", "companyId", "limit", "priority", "screenCode", "sort", "view"].sort(),
    );
    expect(fields.screenCode).toMatch(/tela/i);
  });

  it("answers customers 404 on every queue route, even with bad input, and the signed-out 401", async () => {
    for (const url of [
      "/api/v1/console/queue",
      "/api/v1/console/queue?view=bogus",
      "/api/v1/console/queue/counts",
      "/api/v1/console/queue/counts?limit=0&view=x",
      "/api/v1/console/queue/options",
    ]) {
      const customer = await call(t.app, "GET", url, undefined, { cookie: f.cookies.customer });
      expect(customer.statusCode, url).toBe(404);
      expect(customer.body).not.toContain("Metalúrgica");
      expect((await call(t.app, "GET", url)).statusCode, url).toBe(401);
    }
  });
});
