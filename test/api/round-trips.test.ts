// How many statements each hot read sends to the database under test (on PostgreSQL each is a round
// trip): the session lookup, then the page's own reads, and no transaction around a pure read. The
// bounds are the numbers the code reaches; a change that adds a round trip to a hot read fails here.
// The pages are those `npm run bench` measures (bench/scenarios.ts, ticket-scenarios.ts,
// queue-scenarios.ts), on a small company with a detailed ticket.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/app";
import { makeCompanyWithPlan, uploadFile } from "../support/console";
import { testDialect } from "../support/database";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeUser,
  ticketBody,
} from "../support/factories";
import { buildCountingTestApp, type CountingTestApp } from "../support/round-trips";

const MINUTE = 60_000;

/** The settings are read at most once per 2 s per process (settings/service.ts), never per request. */
const readsSettings = (sql: string) => /\bfrom "setting"/.test(sql);
const controlsTransaction = (sql: string) =>
  /^\s*(begin|start transaction|commit|rollback|savepoint)\b/i.test(sql);
const looksUpSession = (sql: string) => /\bfrom "session" as "s"/.test(sql);

interface Page {
  items: { number: number }[];
  nextCursor: string | null;
}

describe("round trips of the hot reads", () => {
  let t: CountingTestApp;
  let catalog: Catalog;
  let fernanda: MadeUser;
  let customer: string;
  let agent: string;
  let detailed: number;
  let linked: number;

  const get = (cookie: string, url: string) => call(t.app, "GET", url, undefined, { cookie });
  const ok = <T>(response: LightMyRequestResponse): T => {
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  /** The statements one GET sends, but the settings cache's refresh. */
  async function statementsOf(cookie: string, url: string): Promise<string[]> {
    // Once before, so that what any process keeps in memory (the settings for 2 s, the SLA policy
    // snapshots for good) is there, as it is for every request but the first.
    ok(await get(cookie, url));
    const { response, statements } = await t.statementsOf(() => get(cookie, url));
    ok(response);
    return statements.filter((sql) => !readsSettings(sql));
  }

  beforeAll(async () => {
    t = await buildCountingTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t);
    fernanda = await makeUser(t.ctx, "customer_admin", { company, name: "Fernanda Lima" });
    customer = await loginAs(t.app, fernanda);
    agent = await loginAs(t.app, await makeUser(t.ctx, "agent", { name: "Juliana Prado" }));
    const post = async (cookie: string, url: string, body: unknown) => {
      const response = await call(t.app, "POST", url, body, { cookie });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { number: number; version: number };
    };
    const open = async (overrides: Record<string, unknown>) =>
      (await post(customer, "/api/v1/tickets", { ...ticketBody(catalog, overrides), attachmentIds: [] }))
        .number;
    for (let i = 0; i < 5; i++) {
      t.clock.advance(MINUTE);
      await open({ subject: `Conciliação bancária ${i}`, priority: "high" });
    }
    t.clock.advance(MINUTE);
    const file = await uploadFile(t, customer, "extrato.png");
    detailed = (
      await post(customer, "/api/v1/tickets", {
        ...ticketBody(catalog, { subject: "Lançamentos duplicados na conciliação", priority: "high" }),
        attachmentIds: [file],
      })
    ).number;
    linked = await open({ subject: "Extrato não importa" });
    await post(agent, `/api/v1/tickets/${detailed}/messages`, { body: "Verificando." });
    await post(agent, `/api/v1/tickets/${detailed}/messages`, { body: "Nota interna.", internal: true });
    await post(customer, `/api/v1/tickets/${detailed}/messages`, { body: "Obrigada." });
    const { version } = await post(agent, `/api/v1/tickets/${detailed}/links`, { number: linked });
    const tagged = await call(
      t.app,
      "PATCH",
      `/api/v1/tickets/${detailed}`,
      { version, tags: ["conciliacao"] },
      { cookie: agent },
    );
    expect(tagged.statusCode, tagged.body).toBe(200);
  });
  afterAll(() => t.close());

  const queuePath = () =>
    `/api/v1/console/queue?view=open&sort=due&priority=high&categoryId=${catalog.categoryId}`;
  const deepCursor = async (cookie: string, path: string) => {
    const separator = path.includes("?") ? "&" : "?";
    const first = ok<Page>(await get(cookie, `${path}${separator}limit=2`));
    expect(first.nextCursor).not.toBeNull();
    return `${path}${separator}limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`;
  };

  // A ticket's page is one query on PostgreSQL; on SQLite, where a statement is a function call and
  // not a round trip, its lists are read apart (tickets/repository.ts, findTicketPage).
  const page = (lists: number) => (testDialect === "postgres" ? 2 : 2 + lists);

  // [page, who asks, what, at most this many statements]
  const cases: [string, () => string, () => Promise<string>, number][] = [
    ["GET /api/v1/me", () => customer, async () => "/api/v1/me", 1],
    ["a customer's ticket list", () => customer, async () => "/api/v1/tickets?limit=25", 2],
    ["the list from a cursor", () => customer, () => deepCursor(customer, "/api/v1/tickets"), 2],
    [
      "the list searched",
      () => customer,
      async () => "/api/v1/tickets?limit=25&q=conciliacao%20lancamentos",
      2,
    ],
    // Its history, files, clocks and links; staff see its tags too.
    ["a ticket's page, for its customer", () => customer, async () => `/api/v1/tickets/${detailed}`, page(4)],
    ["a ticket's page, for staff", () => agent, async () => `/api/v1/tickets/${detailed}`, page(5)],
    ["the staff queue", () => agent, async () => `${queuePath()}&limit=25`, 2],
    ["the staff queue from a cursor", () => agent, () => deepCursor(agent, queuePath()), 2],
    [
      "the queue's counts",
      () => agent,
      async () => `/api/v1/console/queue/counts?priority=high&categoryId=${catalog.categoryId}`,
      2,
    ],
    ["deadlines at risk", () => agent, async () => "/api/v1/sla/at-risk?limit=25", 2],
  ];

  for (const [name, who, path, bound] of cases) {
    it(`${name}: at most ${bound}, the session lookup first, no transaction`, async () => {
      const statements = await statementsOf(who(), await path());
      expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(bound);
      expect(statements.filter(controlsTransaction)).toEqual([]);
      // Every request checks its session in the database: a revoked one is refused at once.
      expect(looksUpSession(statements[0] ?? "")).toBe(true);
    });
  }

  it("a ticket's page still has everything its reader may see", async () => {
    type Detail = {
      events: { bodyHtml: string | null; internal: boolean; attachments: { filename: string }[] }[];
      attachments: { filename: string }[];
      links: { number: number }[];
      tags: string[];
      sla: { deadlines: { metric: string }[] } | null;
    };
    const forStaff = ok<Detail>(await get(agent, `/api/v1/tickets/${detailed}`));
    const forCustomer = ok<Detail>(await get(customer, `/api/v1/tickets/${detailed}`));
    const bodies = (detail: Detail) => detail.events.flatMap((e) => (e.bodyHtml ? [e.bodyHtml] : []));
    expect(bodies(forStaff)).toEqual([
      expect.stringContaining("Verificando."),
      expect.stringContaining("Nota interna."),
      expect.stringContaining("Obrigada."),
    ]);
    expect(bodies(forCustomer)).toEqual([
      expect.stringContaining("Verificando."),
      expect.stringContaining("Obrigada."),
    ]);
    for (const detail of [forStaff, forCustomer]) {
      expect(detail.attachments.map((a) => a.filename)).toEqual(["extrato.png"]);
      // The file hangs on the event that opened the ticket.
      expect(detail.events.flatMap((e) => e.attachments.map((a) => a.filename))).toEqual(["extrato.png"]);
      expect(detail.events[0]?.attachments).toHaveLength(1);
      expect(detail.links.map((l) => l.number)).toEqual([linked]);
      expect(detail.sla?.deadlines.map((d) => d.metric)).toContain("resolution");
    }
    expect(forStaff.tags).toEqual(["conciliacao"]);
    expect(forCustomer.tags).toEqual([]);
  });

  it("the settings are read once for many requests, not on each", async () => {
    const { statements } = await t.statementsOf(async () => {
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 5; i++) last = await get(customer, `/api/v1/tickets/${detailed}`);
      return last as LightMyRequestResponse;
    });
    expect(statements.filter(readsSettings).length).toBeLessThanOrEqual(1);
  });

  it("a session's last-seen time is written once a minute, and a revoked session is refused at once", async () => {
    const session = await loginAs(t.app, fernanda);
    t.clock.advance(MINUTE);
    const touched = await t.statementsOf(() => get(session, "/api/v1/me"));
    ok(touched.response);
    expect(touched.statements.filter((sql) => !readsSettings(sql))).toEqual([
      expect.stringMatching(/from "session" as "s"/),
      expect.stringMatching(/^update "session" set "last_seen_at"/),
    ]);
    const again = await t.statementsOf(() => get(session, "/api/v1/me"));
    expect(again.statements.filter((sql) => !readsSettings(sql))).toHaveLength(1);

    const signedOut = await call(t.app, "POST", "/api/v1/auth/logout", undefined, { cookie: session });
    expect(signedOut.statusCode).toBeLessThan(300);
    expect((await get(session, "/api/v1/me")).statusCode).toBe(401);
  });
});

// Opening a ticket is the hottest write. Each statement is a round trip on PostgreSQL; the command
// writes the ticket, its clocks, its opening event and its e-mail, and reads back none of it but the
// e-mail's ticket facts. The bound is what the code reaches.
describe("round trips of opening a ticket", () => {
  let t: CountingTestApp;
  let catalog: Catalog;
  let customer: string;
  beforeAll(async () => {
    t = await buildCountingTestApp({ env: { MAIL_NOTIFICATIONS: "on" } });
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t);
    customer = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
  });
  afterAll(() => t.close());

  const open = () => call(t.app, "POST", "/api/v1/tickets", ticketBody(catalog), { cookie: customer });

  it("sends the session lookup, then its command: what it names in one read, the new clocks never read back", async () => {
    // Once before: the settings and the plan's policy snapshot are then what every later opening finds.
    expect((await open()).statusCode).toBe(201);
    const { response, statements } = await t.statementsOf(open);
    expect(response.statusCode, response.body).toBe(201);
    const sent = statements.filter((sql) => !readsSettings(sql));
    expect(looksUpSession(sent[0] ?? "")).toBe(true);
    // What it names (category, screen, company, requester, author) in one statement, before writing.
    const naming = sent.filter((sql) => /"app_user" as "requester"|\bfrom "(category|screen)"/.test(sql));
    expect(naming).toEqual([expect.stringMatching(/from "category".*"app_user" as "actor"/)]);
    // The new clocks are written, never read: the page and the confirmation e-mail take them from the command.
    expect(sent.filter((sql) => /\bfrom "sla_clock"/.test(sql))).toEqual([]);
    expect(sent.filter((sql) => /^insert into "outbox_message"/.test(sql))).toHaveLength(1);
    // Its plan's policy snapshot is known to be stored: nothing written for it.
    expect(sent.filter((sql) => /"sla_policy"/.test(sql))).toEqual([]);
    // Nor is the new ticket read back, for its page or its e-mail.
    expect(sent.filter((sql) => /\bfrom "ticket"/.test(sql))).toEqual([]);
    // The ticket, its clocks and its opening event: one statement on PostgreSQL, three on SQLite.
    const writes = sent.filter(
      (sql) => /"(sla_clock|ticket_event)"/.test(sql) || /^insert into "ticket"/.test(sql),
    );
    if (testDialect === "postgres") {
      expect(writes).toEqual([
        expect.stringMatching(
          /^with .*insert into "ticket" .*insert into "sla_clock" .*\) insert into "ticket_event"/,
        ),
      ]);
    } else {
      expect(writes).toHaveLength(3);
    }
    // PostgreSQL: begin and commit around 8; SQLite adds its group's savepoint and release.
    const bound = testDialect === "postgres" ? 10 : 14;
    expect(sent.length, sent.join("\n")).toBeLessThanOrEqual(bound);
  });
});

// A ticket keeps a snapshot of its plan's policy, content-addressed: the first opening under a plan
// writes it, and every process learns, once that opening committed, that the database holds it.
describe("a plan's policy snapshot", () => {
  let t: CountingTestApp;
  let catalog: Catalog;
  let cookie: string;
  beforeAll(async () => {
    t = await buildCountingTestApp();
    catalog = await makeCatalog(t.ctx);
    const company = await makeCompanyWithPlan(t, "Transportes Serra Azul Ltda");
    cookie = await loginAs(t.app, await makeUser(t.ctx, "customer", { company }));
  });
  afterAll(() => t.close());

  it("writes a plan's policy snapshot once, and again after an opening that rolled back", async () => {
    const openWith = (attachmentIds: string[]) =>
      t.statementsOf(() =>
        call(t.app, "POST", "/api/v1/tickets", { ...ticketBody(catalog), attachmentIds }, { cookie }),
      );
    const writesSnapshot = (statements: string[]) =>
      statements.some((sql) => /^insert into "sla_policy"/.test(sql));
    // Refused after its snapshot was written (the file is nobody's upload): the whole command rolls back.
    const refused = await openWith(["0192f2a0-0000-7000-8000-000000000000"]);
    expect(refused.response.statusCode, refused.response.body).toBe(400);
    expect(writesSnapshot(refused.statements), refused.statements.join("\n")).toBe(true);
    // So the next opening writes it, and its ticket runs the plan's clocks.
    const first = await openWith([]);
    expect(first.response.statusCode, first.response.body).toBe(201);
    expect(writesSnapshot(first.statements)).toBe(true);
    expect(first.response.json().sla).toMatchObject({
      planName: "Profissional",
      deadlines: [
        expect.objectContaining({ metric: "first_response" }),
        expect.objectContaining({ metric: "resolution" }),
      ],
    });
    // Once committed, the database is known to hold it.
    const second = await openWith([]);
    expect(second.response.statusCode, second.response.body).toBe(201);
    expect(writesSnapshot(second.statements)).toBe(false);
    expect(second.response.json().sla.planName).toBe("Profissional");
  });
});
