import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BillingWorld,
  makeBillingWorld,
  openTicket,
  reclassify,
} from "../../../../test/support/billing";

// Reclassifying a ticket as consultancy: the agent's reason reaches the customer in the history.
describe("reclassification with a reason", () => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await makeBillingWorld();
  });
  afterAll(() => w.t.close());

  it("records the agent's reason with the kind change, for the customer to read", async () => {
    const number = await openTicket(w, w.customerA);
    const reason =
      "O sistema calcula o fluxo corretamente; encontrar a diferença exige conferir **lançamento a lançamento** a sua conta.";
    const response = await reclassify(w, number, "consultancy", reason);
    expect(response.statusCode).toBe(200);
    expect(response.json().kind).toBe("consultancy");
    const event = (await w.customerA.get(`/api/v1/tickets/${number}`)).json().events.at(-1);
    expect(event).toMatchObject({ type: "kind_changed", toKind: "consultancy", internal: false });
    expect(event.bodyHtml).toContain("<strong>lançamento a lançamento</strong>");
  });

  it("keeps a reclassification without a reason as it was", async () => {
    const number = await openTicket(w, w.customerA);
    expect((await reclassify(w, number, "consultancy")).statusCode).toBe(200);
    const event = (await w.agent.get(`/api/v1/tickets/${number}`)).json().events.at(-1);
    expect(event).toMatchObject({ type: "kind_changed", bodyHtml: null });
  });

  it("refuses a reason without a classification, and one over 500 characters", async () => {
    const number = await openTicket(w, w.customerA);
    const { version } = (await w.agent.get(`/api/v1/tickets/${number}`)).json();
    const alone = await w.agent.patch(`/api/v1/tickets/${number}`, { version, kindReason: "Motivo" });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.fields).toEqual({
      kindReason: "O motivo acompanha uma reclassificação: informe também a classificação.",
    });
    const long = await reclassify(w, number, "consultancy", "x".repeat(501));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual({ kindReason: "Deve ter no máximo 500 caracteres." });
    expect((await w.agent.get(`/api/v1/tickets/${number}`)).json().kind).toBe("support");
  });
});
