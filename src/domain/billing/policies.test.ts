import { describe, expect, it } from "vitest";
import type { Role } from "../../contracts/common";
import { type Actor, abilitiesOf, policies } from "../policies";

const actor = (role: Role, companyId: string | null = null): Actor => ({
  userId: `${role}-1`,
  role,
  companyId,
});
const customer = actor("customer", "A");
const companyAdmin = actor("customer_admin", "A");
const otherAdmin = actor("customer_admin", "B");
const agent = actor("agent");
const supervisor = actor("supervisor");
const admin = actor("admin");

describe("billing policies", () => {
  it.each([
    [customer, "hide", "hide", "hide", "forbid", "hide"],
    [companyAdmin, "hide", "hide", "hide", "allow", "hide"],
    [otherAdmin, "hide", "hide", "hide", "hide", "hide"],
    [agent, "allow", "forbid", "forbid", "forbid", "forbid"],
    [supervisor, "allow", "allow", "allow", "forbid", "allow"],
    [admin, "allow", "allow", "allow", "forbid", "allow"],
  ] as const)(
    "%o: delete own %s, delete another's %s, read everyone's time %s, decide %s, statements %s",
    (who, deleteOwn, deleteOther, readAll, decide, statements) => {
      expect(policies.billing.deleteTimeEntry(who, { userId: who.userId })).toBe(deleteOwn);
      expect(policies.billing.deleteTimeEntry(who, { userId: "someone-else" })).toBe(deleteOther);
      expect(policies.billing.readTimeOf(who, null)).toBe(readAll);
      expect(policies.billing.decideEstimate(who, { companyId: "A" })).toBe(decide);
      expect(policies.billing.statements(who)).toBe(statements);
    },
  );

  it("lets an agent read their own time only", () => {
    expect(policies.billing.readTimeOf(agent, agent.userId)).toBe("allow");
    expect(policies.billing.readTimeOf(agent, "someone-else")).toBe("forbid");
  });

  it("offers the statement page to supervisors and admins", () => {
    expect(abilitiesOf(supervisor).readBillingStatements).toBe(true);
    expect(abilitiesOf(admin).readBillingStatements).toBe(true);
    expect(abilitiesOf(agent).readBillingStatements).toBe(false);
    expect(abilitiesOf(companyAdmin).readBillingStatements).toBe(false);
  });
});
