// The ticket command core, through every command that writes a ticket: a merged ticket refuses all
// of them alike, and every command stamps its events with the one version it produces.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BillingWorld,
  consultancyTicket,
  estimateOn,
  makeBillingWorld,
  openTicket,
} from "../../../../test/support/billing";

let world: BillingWorld;
beforeAll(async () => {
  world = await makeBillingWorld();
});
afterAll(() => world.t.close());

const ticketOf = async (number: number) => (await world.agent.get(`/api/v1/tickets/${number}`)).json();

/** Everything a command could have written: the ticket, its history, its time and its estimates. */
async function footprint(number: number) {
  const ticket = await ticketOf(number);
  const time = (await world.agent.get(`/api/v1/tickets/${number}/time-entries`)).json();
  const estimates = (await world.agent.get(`/api/v1/tickets/${number}/estimates`)).json();
  return {
    version: ticket.version,
    status: ticket.status,
    events: ticket.events.length,
    links: ticket.links.length,
    time: time.items.map((entry: { id: string }) => entry.id),
    estimates: estimates.items.map((estimate: { id: string; status: string }) => [
      estimate.id,
      estimate.status,
    ]),
  };
}

describe("a merged ticket", () => {
  let duplicate: number;
  let target: number;
  let other: number;
  let estimateId: string;
  let entryId: string;

  beforeAll(async () => {
    duplicate = await consultancyTicket(world, "Fluxo de caixa não bate (de novo)");
    target = await openTicket(world, world.customerA, "Fluxo de caixa não bate com a conta corrente");
    other = await openTicket(world, world.customerA, "Outra ocorrência da empresa");
    estimateId = await estimateOn(world, duplicate, 120);
    const logged = await world.agent.post(`/api/v1/tickets/${duplicate}/time-entries`, {
      minutes: 30,
      note: "Análise inicial",
      billable: true,
    });
    expect(logged.statusCode, logged.body).toBe(201);
    entryId = (await world.agent.get(`/api/v1/tickets/${duplicate}/time-entries`)).json().items[0].id;
    const { version } = await ticketOf(duplicate);
    const merged = await world.agent.post(`/api/v1/tickets/${duplicate}/merge`, {
      intoNumber: target,
      version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
  });

  it("had its open estimate withdrawn by the merge, which the customer reads in the history", async () => {
    const estimates = (await world.agent.get(`/api/v1/tickets/${duplicate}/estimates`)).json();
    expect(estimates.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [estimateId, "withdrawn"],
    ]);
    const history = (await world.customerA.get(`/api/v1/tickets/${duplicate}`)).json().events;
    expect(history.map((e: { type: string }) => e.type)).toContain("estimate_withdrawn");
  });

  it("refuses every command with 409 naming the ticket that continues, and nothing is written", async () => {
    const before = await footprint(duplicate);
    const { version } = await ticketOf(duplicate);
    const url = `/api/v1/tickets/${duplicate}`;
    const commands: [string, () => Promise<LightMyRequestResponse>][] = [
      ["a customer's reply", () => world.customerA.post(`${url}/messages`, { body: "Alguma novidade?" })],
      ["a staff reply", () => world.agent.post(`${url}/messages`, { body: "Seguimos na outra." })],
      ["an internal note", () => world.agent.post(`${url}/messages`, { body: "Nota.", internal: true })],
      ["a change", () => world.agent.patch(url, { version, priority: "high" })],
      ["a call", () => world.agent.post(`${url}/calls`, { durationMinutes: 5, summary: "Ligou." })],
      ["a merge", () => world.agent.post(`${url}/merge`, { intoNumber: other, version })],
      ["a link", () => world.agent.post(`${url}/links`, { number: other })],
      [
        "an estimate",
        () => world.agent.post(`${url}/estimates`, { minutes: 60, description: "Mais horas." }),
      ],
      ["sending it", () => world.agent.post(`${url}/estimates/${estimateId}/send`)],
      ["withdrawing it", () => world.agent.post(`${url}/estimates/${estimateId}/withdraw`)],
      ["approving it", () => world.adminA.post(`${url}/estimates/${estimateId}/approve`, {})],
      [
        "logging time",
        () => world.agent.post(`${url}/time-entries`, { minutes: 10, note: "x", billable: true }),
      ],
      ["deleting time", () => world.agent.delete(`${url}/time-entries/${entryId}`)],
    ];
    for (const [name, command] of commands) {
      const response = await command();
      expect([name, response.statusCode, response.json().error?.code]).toEqual([name, 409, "ticket.merged"]);
      expect(response.json().error.message).toContain(`#${target}`);
    }
    expect(await footprint(duplicate)).toEqual(before);
  });

  it("is refused as the other side of a link or as a merge target", async () => {
    const linked = await world.agent.post(`/api/v1/tickets/${other}/links`, { number: duplicate });
    expect([linked.statusCode, linked.json().error.code]).toEqual([409, "ticket.merged"]);
    const { version } = await ticketOf(other);
    const into = await world.agent.post(`/api/v1/tickets/${other}/merge`, { intoNumber: duplicate, version });
    expect([into.statusCode, into.json().error.code]).toEqual([422, "ticket.merge_target_merged"]);
  });
});

describe("versions", () => {
  const eventsSince = (ticket: { events: { id: string; type: string }[] }, before: Set<string>) =>
    ticket.events.filter((event) => !before.has(event.id));

  it("a change of many fields is one version, every event of it stamped with it", async () => {
    const number = await openTicket(world, world.customerA);
    const before = await ticketOf(number);
    const seen = new Set<string>(before.events.map((e: { id: string }) => e.id));
    const changed = await world.agent.patch(`/api/v1/tickets/${number}`, {
      version: before.version,
      status: "in_progress",
      priority: "high",
      kind: "consultancy",
      assigneeId: world.agent.user.id,
      tags: ["vip", "nfe"],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json();
    expect(after.version).toBe(before.version + 1);
    const types = eventsSince(after, seen).map((e: { type: string }) => e.type);
    expect(types).toEqual(["status_changed", "priority_changed", "kind_changed", "assigned", "tags_changed"]);
    // The 409 a colleague gets lists exactly these changes, by the version they carry.
    const stale = await world.otherAgent.patch(`/api/v1/tickets/${number}`, {
      version: before.version,
      priority: "low",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.changes.map((c: { type: string }) => c.type)).toEqual(types);
  });

  it("a reply that moves the ticket is one version; a merge is one version on each ticket", async () => {
    const number = await openTicket(world, world.customerA);
    const { version } = await ticketOf(number);
    const replied = await world.agent.post(`/api/v1/tickets/${number}/messages`, { body: "Verificando." });
    expect(replied.statusCode).toBe(201);
    expect(replied.json()).toMatchObject({ version: version + 1, status: "in_progress" });

    const duplicate = await openTicket(world, world.customerA);
    const targetVersion = (await ticketOf(number)).version;
    const merged = await world.agent.post(`/api/v1/tickets/${duplicate}/merge`, {
      intoNumber: number,
      version: 1,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await ticketOf(duplicate)).version).toBe(2);
    expect((await ticketOf(number)).version).toBe(targetVersion + 1);
  });

  it("time entries and drafts write no history, so they make no new version", async () => {
    const number = await consultancyTicket(world);
    const { version } = await ticketOf(number);
    await world.agent.post(`/api/v1/tickets/${number}/time-entries`, {
      minutes: 15,
      note: "x",
      billable: false,
    });
    await estimateOn(world, number, 60, { send: false });
    expect((await ticketOf(number)).version).toBe(version);
  });
});
