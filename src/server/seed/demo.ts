// Seeds the demo once (a marker row remembers it) and returns the logins to print.
import type { AppContext, CommandMeta } from "../context";
import { setPasswordDirectly } from "../modules/auth/service";
import { createCanned } from "../modules/canned/service";
import { createCompany } from "../modules/companies/service";
import { createCategory } from "../modules/kb/service";
import { claimMetaKey, deleteMetaKey, readMetaKey } from "../modules/meta/repository";
import { createCalendar } from "../modules/plans/calendars";
import { createPlan } from "../modules/plans/plans";
import { upsertScreens } from "../modules/screens/service";
import { createUser } from "../modules/users/service";
import { demoCannedResponses } from "./content/canned";
import { demoCategories } from "./content/faq";
import { demoCalendar, demoCompanyPlans, demoPlans } from "./content/plans";
import { demoScreens } from "./content/screens";
import { demoTickets } from "./content/tickets";
import { DEMO_PASSWORD, demoCompanies, demoStaff } from "./demo-data";
import { type DemoCast, playDemoTicket } from "./demo-tickets";

const MARKER = "demo_seeded_at";

export interface DemoLogin {
  email: string;
  role: string;
  company: string | null;
}

export async function isDemoSeeded(ctx: AppContext): Promise<boolean> {
  return (await readMetaKey(ctx.db, MARKER)) !== undefined;
}

/** Creates the demo companies and users unless already done; returns who was created. */
export async function seedDemo(ctx: AppContext, meta: CommandMeta): Promise<DemoLogin[] | null> {
  // Claimed first, so that of N processes starting together exactly one seeds.
  if (!(await claimMetaKey(ctx.db, MARKER, new Date(ctx.clock.now()).toISOString()))) return null;
  try {
    return await createDemoData(ctx, meta);
  } catch (error) {
    await deleteMetaKey(ctx.db, MARKER);
    throw error;
  }
}

async function createDemoData(ctx: AppContext, meta: CommandMeta): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const cast: DemoCast = { companies: [], agents: [], categoryIds: new Map() };
  for (const staff of demoStaff) {
    const { user } = await createUser(ctx, meta, { ...staff, locale: "pt-BR" });
    await setPasswordDirectly(ctx, meta, user.id, DEMO_PASSWORD);
    if (staff.role === "agent") cast.agents.push(user);
    if (staff.role === "admin")
      for (const canned of demoCannedResponses)
        await createCanned(ctx, meta, { userId: user.id, role: "admin", companyId: null }, canned);
    logins.push({ email: staff.email, role: staff.role, company: null });
  }
  const calendar = await createCalendar(ctx, meta, demoCalendar);
  const planIds = new Map<string, string>();
  for (const plan of demoPlans)
    planIds.set(plan.name, (await createPlan(ctx, meta, { ...plan, calendarId: calendar.id })).id);
  for (const [index, demo] of demoCompanies.entries()) {
    const company = await createCompany(ctx, meta, {
      name: demo.name,
      cnpj: demo.cnpj,
      state: demo.state,
      city: demo.city,
      planId: planIds.get(demoCompanyPlans[index] ?? ""),
    });
    const users = [];
    for (const person of demo.users) {
      const { user } = await createUser(ctx, meta, { ...person, companyId: company.id, locale: "pt-BR" });
      await setPasswordDirectly(ctx, meta, user.id, DEMO_PASSWORD);
      users.push(user);
      logins.push({ email: person.email, role: person.role, company: demo.name });
    }
    cast.companies.push({ company, users });
  }
  for (const [index, category] of demoCategories.entries()) {
    const row = await createCategory(ctx, index + 1, category);
    cast.categoryIds.set(row.name, row.id);
  }
  await upsertScreens(ctx, demoScreens);
  for (const [index, story] of demoTickets.entries()) await playDemoTicket(ctx, meta, cast, story, index);
  return logins;
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const lines = logins.map(
    (l) => `  ${l.email.padEnd(44)} ${l.role.padEnd(15)} ${l.company ?? "equipe de suporte"}`,
  );
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
