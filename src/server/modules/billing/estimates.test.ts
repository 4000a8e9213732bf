import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BILLING_NOW,
  type BillingWorld,
  consultancyTicket,
  estimateOn,
  makeBillingWorld,
  openTicket,
  reclassify,
} from "../../../../test/support/billing";
import { listAuditFor } from "../audit/repository";

// Consultancy estimates: drafted and sent by staff, decided by the customer's company admin, each
// status change winning once; drafts never reach a customer.
describe("consultancy estimates", () => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await makeBillingWorld();
  });
  afterAll(() => w.t.close());
  beforeEach(() => w.t.clock.set(BILLING_NOW));

  const base = (number: number) => `/api/v1/tickets/${number}/estimates`;

  it("are refused on a support ticket (422) and limited to one open estimate per ticket (409)", async () => {
    const number = await openTicket(w, w.customerA);
    const refused = await w.agent.post(base(number), { minutes: 120, description: "Análise" });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("estimate.not_consultancy");

    expect((await reclassify(w, number, "consultancy")).statusCode).toBe(200);
    const draft = await w.agent.post(base(number), {
      minutes: 120,
      description: "Análise do fluxo de caixa",
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({
      ticketNumber: number,
      minutes: 120,
      status: "draft",
      sentAt: null,
      decidedAt: null,
      createdBy: { id: w.agent.user.id, name: "Juliana Prado", staff: true },
    });
    const second = await w.agent.post(base(number), { minutes: 60, description: "Outra" });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("estimate.open_exists");
    // Still one open after sending; a new one only once it is decided or withdrawn.
    await w.agent.post(`${base(number)}/${draft.json().id}/send`);
    expect((await w.agent.post(base(number), { minutes: 60, description: "Outra" })).statusCode).toBe(409);
    await w.adminA.post(`${base(number)}/${draft.json().id}/decline`, { note: "Caro demais" });
    expect((await w.agent.post(base(number), { minutes: 60, description: "Outra" })).statusCode).toBe(201);
  });

  it("validates the request with per-field messages in the user's language", async () => {
    const number = await consultancyTicket(w);
    const bad = await w.agent.post(base(number), { minutes: 0, description: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      minutes: "Deve ser no mínimo 1.",
      description: "Campo obrigatório.",
    });
    const fractional = await w.agent.post(base(number), { minutes: 1.5, description: "Análise" });
    expect(fractional.statusCode).toBe(400);
    expect(Object.keys(fractional.json().error.fields)).toEqual(["minutes"]);
  });

  it("keeps a draft from the customer by every path, and shows it once sent", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 150, {
      send: false,
      description: "Rascunho secreto de orçamento",
    });

    const customerList = await w.customerA.get(base(number));
    expect(customerList.statusCode).toBe(200);
    expect(customerList.json()).toEqual({ items: [], abilities: { manage: false, decide: false } });
    const ticket = await w.customerA.get(`/api/v1/tickets/${number}`);
    expect(ticket.body).not.toMatch(/Rascunho secreto/);
    expect(ticket.json().events.map((e: { type: string }) => e.type)).not.toContain("estimate_withdrawn");
    // Deciding a draft: the customer may not know it exists.
    expect((await w.adminA.post(`${base(number)}/${id}/approve`, {})).statusCode).toBe(404);

    const staffList = (await w.agent.get(base(number))).json();
    expect(staffList.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [id, "draft"],
    ]);
    expect(staffList.abilities).toEqual({ manage: true, decide: false });

    const sent = await w.agent.post(`${base(number)}/${id}/send`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: "sent", sentAt: "2026-04-29T13:00:00.000Z" });
    const list = (await w.adminA.get(base(number))).json();
    expect(list.items).toEqual([expect.objectContaining({ id, status: "sent", minutes: 150 })]);
    expect(list.abilities).toEqual({ manage: false, decide: true });
    expect((await w.customerA.get(base(number))).json().abilities.decide).toBe(false);
    const history = (await w.customerA.get(`/api/v1/tickets/${number}`)).json().events;
    expect(history.at(-1)).toMatchObject({
      type: "estimate_sent",
      internal: false,
      durationMinutes: 150,
      bodyHtml: expect.stringContaining("Rascunho secreto de orçamento"),
    });
    // Sending twice: it is no longer a draft.
    expect((await w.agent.post(`${base(number)}/${id}/send`)).statusCode).toBe(409);
  });

  it("lets only the company's admin decide: a plain user 403, staff 403, another company 404", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 90);
    const approve = `${base(number)}/${id}/approve`;
    expect((await w.customerA.post(approve, {})).statusCode).toBe(403);
    expect((await w.agent.post(approve, {})).statusCode).toBe(403);
    expect((await w.supervisor.post(approve, {})).statusCode).toBe(403);
    expect((await w.adminB.post(approve, {})).statusCode).toBe(404);
    expect((await w.adminB.get(base(number))).statusCode).toBe(404);
    expect((await w.anonymous.post(approve, {})).statusCode).toBe(401);
    expect((await w.anonymous.get(base(number))).statusCode).toBe(401);

    w.t.clock.set("2026-04-30T15:00:00Z");
    const approved = await w.adminA.post(approve, { note: "Pode seguir; anexei o extrato OFX." });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      decidedAt: "2026-04-30T15:00:00.000Z",
      decidedBy: { id: w.adminA.user.id, name: "Bruno Carvalho", staff: false },
      decidedMonth: "2026-04",
    });
    const event = (await w.customerA.get(`/api/v1/tickets/${number}`)).json().events.at(-1);
    expect(event).toMatchObject({ type: "estimate_approved", durationMinutes: 90, internal: false });
    expect(event.bodyHtml).toContain("Pode seguir; anexei o extrato OFX.");
    // Decided once: every later decision or withdrawal is a 409.
    expect((await w.adminA.post(approve, {})).statusCode).toBe(409);
    expect((await w.adminA.post(`${base(number)}/${id}/decline`, {})).statusCode).toBe(409);
    const late = await w.agent.post(`${base(number)}/${id}/withdraw`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("estimate.status_changed");
    const audit = await listAuditFor(w.t.ctx.db, "ticket", (await ticketId(number)) ?? "");
    expect(audit.map((row) => row.action)).toEqual(["estimate.create", "estimate.send", "estimate.approve"]);
  });

  it("counts an approval given late on the month's last evening in that month (São Paulo)", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 60);
    w.t.clock.set("2026-05-01T02:59:00Z"); // 23:59 on 30/04 in São Paulo
    const approved = await w.adminA.post(`${base(number)}/${id}/approve`, {});
    expect(approved.json().decidedMonth).toBe("2026-04");
    const next = await consultancyTicket(w);
    const other = await estimateOn(w, next, 60);
    w.t.clock.set("2026-05-01T03:00:00Z"); // 00:00 on 01/05
    expect((await w.adminA.post(`${base(next)}/${other}/decline`, {})).json().decidedMonth).toBe("2026-05");
  });

  it("withdraws a draft quietly and a sent estimate in the customer's history", async () => {
    const number = await consultancyTicket(w);
    const draft = await estimateOn(w, number, 60, { send: false });
    const withdrawn = await w.agent.post(`${base(number)}/${draft}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe("withdrawn");
    const staffHistory = (await w.agent.get(`/api/v1/tickets/${number}`)).json().events;
    expect(staffHistory.at(-1)).toMatchObject({ type: "estimate_withdrawn", internal: true });
    const customerHistory = (await w.customerA.get(`/api/v1/tickets/${number}`)).json().events;
    expect(customerHistory.map((e: { type: string }) => e.type)).not.toContain("estimate_withdrawn");

    const sent = await estimateOn(w, number, 120);
    expect((await w.agent.post(`${base(number)}/${sent}/withdraw`)).statusCode).toBe(200);
    const after = (await w.customerA.get(`/api/v1/tickets/${number}`)).json().events;
    expect(after.at(-1)).toMatchObject({ type: "estimate_withdrawn", internal: false, durationMinutes: 120 });
    // Withdrawn estimates are not the customer's to list, whether or not they were sent.
    expect((await w.adminA.get(base(number))).json().items).toEqual([]);
    expect((await w.agent.get(base(number))).json().items).toHaveLength(2);
    expect((await w.agent.post(`${base(number)}/${sent}/send`)).statusCode).toBe(409);
    expect((await w.adminA.post(`${base(number)}/${sent}/approve`, {})).statusCode).toBe(409);
    expect((await w.adminA.post(`${base(number)}/${draft}/approve`, {})).statusCode).toBe(404);
  });

  it("answers a customer 404 on the team's estimate addresses, even with a bad body", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 60);
    expect((await w.adminA.post(base(number), { minutes: 60, description: "x" })).statusCode).toBe(404);
    expect((await w.adminA.post(base(number), { minutes: "many" })).statusCode).toBe(404);
    expect((await w.adminA.post(`${base(number)}/${id}/send`)).statusCode).toBe(404);
    expect((await w.adminA.post(`${base(number)}/${id}/withdraw`)).statusCode).toBe(404);
    expect((await w.anonymous.post(base(number), { minutes: 60, description: "x" })).statusCode).toBe(401);
    expect((await w.agent.post(`${base(number)}/01900000-0000-7000-8000-000000000000/send`)).statusCode).toBe(
      404,
    );
    expect((await w.agent.post(`${base(999_999)}/${id}/send`)).statusCode).toBe(404);
  });

  it("lets exactly one of a racing approval and withdrawal win; the other gets 409", async () => {
    for (let round = 0; round < 3; round++) {
      const number = await consultancyTicket(w);
      const id = await estimateOn(w, number, 60);
      const [approve, withdraw] = await Promise.all([
        w.adminA.post(`${base(number)}/${id}/approve`, {}),
        w.agent.post(`${base(number)}/${id}/withdraw`),
      ]);
      expect([approve.statusCode, withdraw.statusCode].sort()).toEqual([200, 409]);
      const final = (await w.agent.get(base(number))).json().items[0].status;
      expect(final).toBe(approve.statusCode === 200 ? "approved" : "withdrawn");
      const decisions = (await w.agent.get(`/api/v1/tickets/${number}`))
        .json()
        .events.filter(
          (e: { type: string }) => e.type === "estimate_approved" || e.type === "estimate_withdrawn",
        );
      expect(decisions).toHaveLength(1);
    }
  });

  it("lets exactly one of two racing decisions win", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 60);
    const results = await Promise.all([
      w.adminA.post(`${base(number)}/${id}/approve`, {}),
      w.adminA.post(`${base(number)}/${id}/decline`, {}),
      w.agent.post(`${base(number)}/${id}/withdraw`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it("withdraws the open estimate when the ticket goes back to support", async () => {
    const number = await consultancyTicket(w);
    const id = await estimateOn(w, number, 60);
    expect(
      (await reclassify(w, number, "support", "É uma orientação sobre a tela FIN0005.")).statusCode,
    ).toBe(200);
    const list = (await w.agent.get(base(number))).json().items;
    expect(list).toEqual([expect.objectContaining({ id, status: "withdrawn" })]);
    const events = (await w.adminA.get(`/api/v1/tickets/${number}`)).json().events;
    expect(events.slice(-2).map((e: { type: string }) => e.type)).toEqual([
      "kind_changed",
      "estimate_withdrawn",
    ]);
    // The customer saw it: a late approval is told it lost the race, not that there was nothing.
    expect((await w.adminA.post(`${base(number)}/${id}/approve`, {})).statusCode).toBe(409);
  });

  async function ticketId(number: number): Promise<string | undefined> {
    const row = await w.t.ctx.db
      .selectFrom("ticket")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirst();
    return row?.id;
  }
});
