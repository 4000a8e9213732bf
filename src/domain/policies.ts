// Authorization as pure functions: what an actor may do to a resource. Every route asks here.
import type { Abilities } from "../contracts/auth";
import { isStaffRole, type Role } from "../contracts/common";
import { ticketPolicies } from "./tickets/policies";

export interface Actor {
  userId: string;
  role: Role;
  /** Set for customer roles, null for staff. */
  companyId: string | null;
}

/**
 * `allow`; `forbid` when the actor may know the resource exists but not act (403);
 * `hide` when the actor may not even know it exists (404).
 */
export type Decision = "allow" | "forbid" | "hide";

/** Which companies' rows a query may touch: customers see their own company only. */
export type Scope = { kind: "all" } | { kind: "company"; companyId: string };

export function scopeOf(actor: Actor): Scope {
  if (isStaffRole(actor.role)) return { kind: "all" };
  // A customer without a company is a broken row; give it a scope that matches nothing.
  return { kind: "company", companyId: actor.companyId ?? "" };
}

export interface CompanyResource {
  id: string;
}

export interface UserResource {
  id: string;
  companyId: string | null;
  role: Role;
}

/** What the settings decide about accounts ("Configurações"). */
export interface PeopleSettings {
  /** Company admins may invite colleagues and deactivate them ("Pessoas da empresa"). */
  companyAdminsMayInvite: boolean;
}

export interface CannedResponseResource {
  /** Null: shared with the whole team. */
  ownerId: string | null;
}

export interface SavedViewResource {
  ownerId: string;
  shared: boolean;
}

const isStaff = (actor: Actor) => isStaffRole(actor.role);
/** Supervisors and admins: who keep what the whole team shares. */
const isLead = (actor: Actor) => actor.role === "supervisor" || actor.role === "admin";
const mayReadCanned = (actor: Actor, reply: CannedResponseResource) =>
  isStaff(actor) && (reply.ownerId === null || reply.ownerId === actor.userId);
const ownsCompany = (actor: Actor, companyId: string | null) =>
  actor.companyId !== null && actor.companyId === companyId;
const allowIf = (condition: boolean, otherwise: Decision = "forbid"): Decision =>
  condition ? "allow" : otherwise;

export const policies = {
  company: {
    list: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
    create: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
    /** The console's company page (people, recent tickets, the month's consultancy): staff. */
    overview: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
    read: (actor: Actor, company: CompanyResource): Decision =>
      allowIf(isStaff(actor) || ownsCompany(actor, company.id), "hide"),
    update: (actor: Actor, company: CompanyResource): Decision => {
      if (!isStaff(actor) && !ownsCompany(actor, company.id)) return "hide";
      return allowIf(actor.role === "admin");
    },
    /**
     * Its attachment storage and quota: staff, and the company's own admin (whose users are told the
     * figures anyway when an upload does not fit); never another company's.
     */
    readStorage: (actor: Actor, company: CompanyResource): Decision => {
      if (isStaff(actor)) return "allow";
      if (!ownsCompany(actor, company.id)) return "hide";
      return allowIf(actor.role === "customer_admin");
    },
  },
  user: {
    /** Listing a company's users: staff, or that company's admin. */
    list: (actor: Actor, company: CompanyResource | null): Decision => {
      if (isStaff(actor)) return "allow";
      if (company === null || !ownsCompany(actor, company.id)) return "hide";
      return allowIf(actor.role === "customer_admin");
    },
    read: (actor: Actor, user: UserResource): Decision => {
      if (isStaff(actor) || actor.userId === user.id) return "allow";
      if (!ownsCompany(actor, user.companyId)) return "hide";
      return allowIf(actor.role === "customer_admin");
    },
    /**
     * Creating, changing or sending a password link to an account of this shape. Staff accounts
     * (and so granting admin or supervisor) are the admin's; a company's admin manages its plain
     * users only while the settings let company admins invite colleagues.
     */
    manage: (
      actor: Actor,
      user: Pick<UserResource, "companyId" | "role">,
      settings: PeopleSettings,
    ): Decision => {
      if (actor.role === "admin") return "allow";
      if (isStaff(actor)) return allowIf(!isStaffRole(user.role));
      if (!ownsCompany(actor, user.companyId)) return "hide";
      return allowIf(
        actor.role === "customer_admin" && user.role === "customer" && settings.companyAdminsMayInvite,
      );
    },
    /** Lifting a sign-in lock ("desbloquear") and seeing it: the support team, for accounts it manages. */
    unlock: (actor: Actor, user: Pick<UserResource, "companyId" | "role">): Decision => {
      if (!isStaff(actor)) return "hide";
      return policies.user.manage(actor, user, { companyAdminsMayInvite: false });
    },
  },
  console: {
    /** The support console's API (queues, presence, canned responses, time, estimates, merges…). */
    use: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
  },
  savedView: {
    /** Views shared with the team are the supervisors' (and admins'); any staff member keeps personal ones. */
    share: (actor: Actor): Decision => allowIf(isLead(actor), isStaff(actor) ? "forbid" : "hide"),
    /** Shared views and one's own; nobody learns of another person's personal views. */
    read: (actor: Actor, view: SavedViewResource): Decision =>
      allowIf(isStaff(actor) && (view.shared || view.ownerId === actor.userId), "hide"),
    /** One's own views; the team's shared ones by whoever may share. */
    edit: (actor: Actor, view: SavedViewResource): Decision => {
      if (policies.savedView.read(actor, view) !== "allow") return "hide";
      return allowIf(view.ownerId === actor.userId || policies.savedView.share(actor) === "allow");
    },
  },
  settings: {
    /** "Configurações": the admin's; the rest of the team learns it exists, customers do not. */
    manage: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
  },
  outbox: {
    /** "Caixa de saída": e-mails hold customers' words and links, so admins only; customers never learn of it. */
    manage: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
  },
  /** Every action on a ticket (read, reply, note, change, merge, link, call, time, estimates). */
  ticket: ticketPolicies,
  sla: {
    /** Plans and calendars are the admin's; every staff member may read them. */
    manage: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
    readAll: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
    /** A customer reads (and simulates) only its company's plan. */
    readPlan: (actor: Actor, plan: { id: string }, companyPlanId: string | null): Decision =>
      allowIf(isStaff(actor) || companyPlanId === plan.id, "hide"),
    /** The compliance report is for supervisors (and admins). */
    compliance: (actor: Actor): Decision => allowIf(isLead(actor), isStaff(actor) ? "forbid" : "hide"),
  },
  cannedResponse: {
    /** Shared replies are created by supervisors and admins; anyone on the team has personal ones. */
    create: (actor: Actor, shared: boolean): Decision => {
      if (!isStaff(actor)) return "hide";
      return allowIf(!shared || isLead(actor));
    },
    /** Another person's personal reply is as good as missing; a shared one every staff member reads. */
    read: (actor: Actor, reply: CannedResponseResource): Decision =>
      allowIf(mayReadCanned(actor, reply), "hide"),
    /** Changing or deleting: one's own, or (supervisors and admins) a shared one. */
    change: (actor: Actor, reply: CannedResponseResource): Decision => {
      if (!mayReadCanned(actor, reply)) return "hide";
      return allowIf(reply.ownerId === actor.userId || isLead(actor));
    },
  },
  notification: {
    /** The bell is the support team's; customers are not told the routes exist. */
    use: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
  },
  billing: {
    /** Deleting a time entry: its author, or a supervisor or admin (customers never learn it exists). */
    deleteTimeEntry: (actor: Actor, entry: { userId: string }): Decision => {
      if (!isStaff(actor)) return "hide";
      return allowIf(actor.userId === entry.userId || isLead(actor));
    },
    /** One person's time: agents read their own; supervisors and admins anyone's (null: everyone's). */
    readTimeOf: (actor: Actor, userId: string | null): Decision => {
      if (!isStaff(actor)) return "hide";
      return allowIf(actor.userId === userId || isLead(actor));
    },
    /**
     * Approving or declining a sent estimate commits the company to consultancy hours beyond its plan:
     * a decision for the company's admin ("administrador da empresa"), not for every user.
     */
    decideEstimate: (actor: Actor, estimate: { companyId: string }): Decision => {
      if (isStaff(actor)) return "forbid";
      if (!ownsCompany(actor, estimate.companyId)) return "hide";
      return allowIf(actor.role === "customer_admin");
    },
    /** The monthly statement ("Extrato mensal") is for supervisors and admins. */
    statements: (actor: Actor): Decision => allowIf(isLead(actor), isStaff(actor) ? "forbid" : "hide"),
    /**
     * One company's statement ("Consumo do plano"): supervisors and admins, and that company's admin;
     * another company's is as good as missing.
     */
    ownStatement: (actor: Actor, company: CompanyResource): Decision => {
      if (isStaff(actor)) return policies.billing.statements(actor);
      if (!ownsCompany(actor, company.id)) return "hide";
      return allowIf(actor.role === "customer_admin");
    },
  },
  screen: {
    /** The whole catalog, inactive screens included, and "Telas com mais ocorrências": the team. */
    readCatalog: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
    /** Importing, renaming, deactivating screens: supervisors and admins; agents read. */
    manage: (actor: Actor): Decision => allowIf(isLead(actor), isStaff(actor) ? "forbid" : "hide"),
  },
  audit: {
    /** The trail names people, e-mails and addresses: the admin's; the team learns it exists. */
    read: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
  },
  privacy: {
    /**
     * Exporting a person's data or anonymizing them (LGPD) is the admin's. A customer never learns
     * of the addresses (404); the rest of the team may know them (403).
     */
    manage: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
  },
  integration: {
    /**
     * "Integrações": ERP installations sign people in, so they are the admin's; the rest of the team
     * may know the page exists, customers never learn of it.
     */
    manage: (actor: Actor): Decision => allowIf(actor.role === "admin", isStaff(actor) ? "forbid" : "hide"),
  },
  kb: {
    /** Deflections measure customers finding answers; staff clicks would skew them. */
    markHelpful: (actor: Actor): Decision => allowIf(!isStaff(actor)),
    /** Views count customers opening an answer, like deflections. */
    recordView: (actor: Actor): Decision => allowIf(!isStaff(actor)),
    /** Drafts, archived answers, inactive categories, measures and unanswered searches: the team's. */
    readAll: (actor: Actor): Decision => allowIf(isStaff(actor), "hide"),
    /** Writing categories and answers ("Categorias e perguntas"): supervisors and admins; agents read. */
    manage: (actor: Actor): Decision => allowIf(isLead(actor), isStaff(actor) ? "forbid" : "hide"),
  },
} as const;

/** The abilities the client receives, so that it never re-derives permissions. */
export function abilitiesOf(
  actor: Actor,
  settings: PeopleSettings = { companyAdminsMayInvite: false },
): Abilities {
  const customer = !isStaff(actor);
  const colleague = { companyId: actor.companyId, role: "customer" as const };
  return {
    openTickets: customer,
    viewCompanyTickets: customer,
    useConsole: isStaff(actor),
    manageCompanies: actor.role === "admin",
    manageUsers: actor.role !== "customer",
    readCompanies: policies.company.list(actor) === "allow",
    manageStaffAccounts:
      policies.user.manage(actor, { companyId: null, role: "agent" }, settings) === "allow",
    viewCompanyPeople:
      actor.role === "customer_admin" &&
      policies.user.list(actor, actor.companyId ? { id: actor.companyId } : null) === "allow",
    manageCompanyPeople:
      actor.role === "customer_admin" && policies.user.manage(actor, colleague, settings) === "allow",
    managePlans: policies.sla.manage(actor) === "allow",
    readTeamTime: policies.billing.readTimeOf(actor, null) === "allow",
    manageSettings: policies.settings.manage(actor) === "allow",
    manageOutbox: policies.outbox.manage(actor) === "allow",
    manageKnowledgeBase: policies.kb.manage(actor) === "allow",
    readSlaCompliance: policies.sla.compliance(actor) === "allow",
    readBillingStatements: policies.billing.statements(actor) === "allow",
    manageScreens: policies.screen.manage(actor) === "allow",
    readPlanConsumption:
      customer && policies.billing.ownStatement(actor, { id: actor.companyId ?? "" }) === "allow",
    readAudit: policies.audit.read(actor) === "allow",
    managePersonalData: policies.privacy.manage(actor) === "allow",
    manageIntegrations: policies.integration.manage(actor) === "allow",
  };
}
