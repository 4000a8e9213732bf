import { describe, expect, it } from "vitest";
import type { Role } from "../contracts/common";
import { type Actor, abilitiesOf, grantableScopes, policies, scopeOf } from "./policies";

const A = "company-a";
const B = "company-b";
const actor = (role: Role, companyId: string | null = null, userId = `${role}-1`): Actor => ({
  userId,
  role,
  companyId,
});
const customerA = actor("customer", A);
const adminA = actor("customer_admin", A);
const agent = actor("agent");
const supervisor = actor("supervisor");
const admin = actor("admin");

describe("scopeOf", () => {
  it("limits customers to their company and lets staff see all", () => {
    expect(scopeOf(customerA)).toEqual({ kind: "company", companyId: A });
    expect(scopeOf(adminA)).toEqual({ kind: "company", companyId: A });
    expect(scopeOf(agent)).toEqual({ kind: "all" });
  });
  it("gives a customer row without a company a scope that matches nothing", () => {
    expect(scopeOf(actor("customer", null))).toEqual({ kind: "company", companyId: "" });
  });
});

describe("company policies", () => {
  it.each([
    [customerA, "hide", "allow", "hide", "hide", "forbid"],
    [adminA, "hide", "allow", "hide", "hide", "forbid"],
    [agent, "allow", "allow", "allow", "forbid", "forbid"],
    [supervisor, "allow", "allow", "allow", "forbid", "forbid"],
    [admin, "allow", "allow", "allow", "allow", "allow"],
  ] as const)(
    "%o: list %s, read own %s, read other %s, create %s, update %s",
    (who, list, readOwn, readOther, create, update) => {
      expect(policies.company.list(who)).toBe(list);
      expect(policies.company.read(who, { id: A })).toBe(readOwn);
      expect(policies.company.read(who, { id: B })).toBe(readOther);
      expect(policies.company.create(who)).toBe(create);
      expect(policies.company.update(who, { id: A })).toBe(update);
    },
  );
  it("hides another company from a customer even when asking to update it", () => {
    expect(policies.company.update(adminA, { id: B })).toBe("hide");
  });
  it.each([
    [customerA, "forbid", "hide"],
    [adminA, "allow", "hide"],
    [agent, "allow", "allow"],
    [supervisor, "allow", "allow"],
    [admin, "allow", "allow"],
  ] as const)("%o: storage of its own company %s, of another %s", (who, own, other) => {
    expect(policies.company.readStorage(who, { id: A })).toBe(own);
    expect(policies.company.readStorage(who, { id: B })).toBe(other);
  });
});

describe("user policies", () => {
  const colleague = { id: "u2", companyId: A, role: "customer" as const };
  const stranger = { id: "u3", companyId: B, role: "customer" as const };
  const staffUser = { id: "u4", companyId: null, role: "agent" as const };

  it("lets customers read themselves, company admins their colleagues, and hides other companies", () => {
    expect(policies.user.read(customerA, { id: customerA.userId, companyId: A, role: "customer" })).toBe(
      "allow",
    );
    expect(policies.user.read(customerA, colleague)).toBe("forbid");
    expect(policies.user.read(adminA, colleague)).toBe("allow");
    expect(policies.user.read(adminA, stranger)).toBe("hide");
    expect(policies.user.read(adminA, staffUser)).toBe("hide");
    expect(policies.user.read(agent, stranger)).toBe("allow");
  });

  it("lets admins manage anyone, other staff only customers, company admins only their customers", () => {
    const open = { companyAdminsMayInvite: true };
    expect(policies.user.manage(admin, staffUser, open)).toBe("allow");
    expect(policies.user.manage(admin, { companyId: null, role: "admin" }, open)).toBe("allow");
    expect(policies.user.manage(supervisor, staffUser, open)).toBe("forbid");
    expect(policies.user.manage(supervisor, { companyId: null, role: "supervisor" }, open)).toBe("forbid");
    expect(policies.user.manage(agent, stranger, open)).toBe("allow");
    expect(policies.user.manage(adminA, colleague, open)).toBe("allow");
    expect(policies.user.manage(adminA, { companyId: A, role: "customer_admin" }, open)).toBe("forbid");
    expect(policies.user.manage(adminA, stranger, open)).toBe("hide");
    expect(policies.user.manage(customerA, colleague, open)).toBe("forbid");
  });

  it("lets a company admin manage colleagues only while the settings allow it", () => {
    const closed = { companyAdminsMayInvite: false };
    expect(policies.user.manage(adminA, colleague, closed)).toBe("forbid");
    expect(policies.user.manage(adminA, stranger, closed)).toBe("hide");
    expect(policies.user.manage(agent, stranger, closed)).toBe("allow");
    expect(abilitiesOf(adminA, closed).manageCompanyPeople).toBe(false);
    expect(abilitiesOf(adminA, closed).viewCompanyPeople).toBe(true);
    expect(abilitiesOf(customerA, closed).viewCompanyPeople).toBe(false);
    expect(abilitiesOf(adminA, { companyAdminsMayInvite: true }).manageCompanyPeople).toBe(true);
    expect(abilitiesOf(customerA, { companyAdminsMayInvite: true }).manageCompanyPeople).toBe(false);
    expect(abilitiesOf(admin, { companyAdminsMayInvite: true }).manageCompanyPeople).toBe(false);
  });

  it("lets only staff lift a sign-in lock, on accounts they manage", () => {
    expect(policies.user.unlock(admin, staffUser)).toBe("allow");
    expect(policies.user.unlock(agent, stranger)).toBe("allow");
    expect(policies.user.unlock(agent, staffUser)).toBe("forbid");
    expect(policies.user.unlock(adminA, colleague)).toBe("hide");
  });

  it("lets staff list any company's users and company admins only their own", () => {
    expect(policies.user.list(agent, null)).toBe("allow");
    expect(policies.user.list(adminA, { id: A })).toBe("allow");
    expect(policies.user.list(adminA, { id: B })).toBe("hide");
    expect(policies.user.list(customerA, { id: A })).toBe("forbid");
  });
});

describe("notification policies", () => {
  it("gives every staff member a bell and hides it from customers", () => {
    for (const who of [agent, supervisor, admin]) expect(policies.notification.use(who)).toBe("allow");
    for (const who of [customerA, adminA]) expect(policies.notification.use(who)).toBe("hide");
  });
});

describe("sla policies", () => {
  it.each([
    ["a customer", customerA, "hide"],
    ["a company admin", adminA, "hide"],
    ["an agent", agent, "forbid"],
    ["a supervisor", supervisor, "allow"],
    ["an admin", admin, "allow"],
  ] as const)("%s reading the compliance report: %s", (_who, who, decision) => {
    expect(policies.sla.compliance(who)).toBe(decision);
  });
});

describe("the screen catalog and plan consumption", () => {
  it.each([
    ["a customer", customerA, "hide", "hide"],
    ["a company admin", adminA, "hide", "hide"],
    ["an agent", agent, "allow", "forbid"],
    ["a supervisor", supervisor, "allow", "allow"],
    ["an admin", admin, "allow", "allow"],
  ] as const)("%s: reads the catalog %s, manages it %s", (_who, who, read, manage) => {
    expect(policies.screen.readCatalog(who)).toBe(read);
    expect(policies.screen.manage(who)).toBe(manage);
  });

  it.each([
    ["a customer of the company", customerA, "forbid"],
    ["the company's admin", adminA, "allow"],
    ["an agent", agent, "forbid"],
    ["a supervisor", supervisor, "allow"],
    ["an admin", admin, "allow"],
  ] as const)("%s reading the company's plan consumption: %s", (_who, who, decision) => {
    expect(policies.billing.ownStatement(who, { id: customerA.companyId ?? "" })).toBe(decision);
  });

  it("another company's admin may not know it exists", () => {
    expect(policies.billing.ownStatement(adminA, { id: "another-company" })).toBe("hide");
  });
});

describe("audit and personal data policies", () => {
  it.each([
    ["a customer", customerA, "hide"],
    ["a company admin", adminA, "hide"],
    ["an agent", agent, "forbid"],
    ["a supervisor", supervisor, "forbid"],
    ["an admin", admin, "allow"],
  ] as const)("%s reading the audit trail or a person's data: %s", (_who, who, decision) => {
    expect(policies.audit.read(who)).toBe(decision);
    expect(policies.privacy.manage(who)).toBe(decision);
    expect(abilitiesOf(who).readAudit).toBe(decision === "allow");
    expect(abilitiesOf(who).managePersonalData).toBe(decision === "allow");
  });

  it.each([
    ["a customer", customerA, "hide"],
    ["a company admin", adminA, "hide"],
    ["an agent", agent, "forbid"],
    ["a supervisor", supervisor, "forbid"],
    ["an admin", admin, "allow"],
  ] as const)("%s managing integrations (ERP installations): %s", (_who, who, decision) => {
    expect(policies.integrations.manage(who)).toBe(decision);
    expect(abilitiesOf(who).manageIntegrations).toBe(decision === "allow");
  });
});

describe("abilitiesOf", () => {
  it("gives customers the portal and staff the console", () => {
    expect(abilitiesOf(customerA)).toEqual({
      openTickets: true,
      viewCompanyTickets: true,
      useConsole: false,
      manageCompanies: false,
      manageUsers: false,
      readCompanies: false,
      manageStaffAccounts: false,
      viewCompanyPeople: false,
      manageCompanyPeople: false,
      managePlans: false,
      readTeamTime: false,
      manageSettings: false,
      manageOutbox: false,
      manageIntegrations: false,
      manageKnowledgeBase: false,
      readSlaCompliance: false,
      readBillingStatements: false,
      manageScreens: false,
      readPlanConsumption: false,
      readAudit: false,
      managePersonalData: false,
      manageServiceTokens: false,
    });
    expect(abilitiesOf(admin)).toMatchObject({
      useConsole: true,
      openTickets: false,
      manageCompanies: true,
      readCompanies: true,
      manageStaffAccounts: true,
      managePlans: true,
      readTeamTime: true,
      manageSettings: true,
      manageOutbox: true,
      manageIntegrations: true,
      manageKnowledgeBase: true,
      readSlaCompliance: true,
    });
    expect(abilitiesOf(agent)).toMatchObject({
      useConsole: true,
      manageCompanies: false,
      readCompanies: true,
      manageStaffAccounts: false,
      manageUsers: true,
      managePlans: false,
      readTeamTime: false,
      readSlaCompliance: false,
      manageKnowledgeBase: false,
    });
    expect(abilitiesOf(supervisor)).toMatchObject({
      readSlaCompliance: true,
      manageKnowledgeBase: true,
      manageCompanies: false,
      managePlans: false,
      readTeamTime: true,
    });
    expect(policies.console.use(customerA)).toBe("hide");
  });
});

describe("API tokens", () => {
  const invites = { companyAdminsMayInvite: true };
  const noInvites = { companyAdminsMayInvite: false };

  it("lets a token carry only scopes its role could use anyway", () => {
    expect(grantableScopes("customer", invites)).toEqual([
      "tickets:read",
      "tickets:write",
      "kb:read",
      "companies:read",
    ]);
    expect(grantableScopes("customer_admin", noInvites)).not.toContain("users:write");
    expect(grantableScopes("customer_admin", invites)).toContain("users:write");
    expect(grantableScopes("agent", invites)).not.toContain("kb:write");
    expect(grantableScopes("supervisor", invites)).toContain("kb:write");
    for (const role of ["customer", "customer_admin"] as const) {
      expect(grantableScopes(role, invites)).not.toContain("kb:write");
    }
  });

  it("leaves service tokens to admins and each personal token to its owner", () => {
    expect(policies.apiToken.manageService(customerA)).toBe("hide");
    expect(policies.apiToken.manageService(agent)).toBe("forbid");
    expect(policies.apiToken.manageService(admin)).toBe("allow");
    const own = { kind: "personal" as const, userId: agent.userId };
    expect(policies.apiToken.revoke(agent, own)).toBe("allow");
    expect(policies.apiToken.revoke(admin, own)).toBe("hide");
    const service = { kind: "service" as const, userId: "service-account" };
    expect(policies.apiToken.revoke(agent, service)).toBe("hide");
    expect(policies.apiToken.revoke(admin, service)).toBe("allow");
  });
});
