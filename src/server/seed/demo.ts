// Seeds the demo once (a marker row remembers it) and returns the logins to print.
import type { AppContext, CommandMeta } from "../context";
import { setPasswordDirectly } from "../modules/auth/service";
import { createCompany } from "../modules/companies/service";
import { claimMetaKey, deleteMetaKey, readMetaKey } from "../modules/meta/repository";
import { createUser } from "../modules/users/service";
import { DEMO_PASSWORD, demoCompanies, demoStaff } from "./demo-data";

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
  for (const staff of demoStaff) {
    const { user } = await createUser(ctx, meta, { ...staff, locale: "pt-BR" });
    await setPasswordDirectly(ctx, meta, user.id, DEMO_PASSWORD);
    logins.push({ email: staff.email, role: staff.role, company: null });
  }
  for (const demo of demoCompanies) {
    const company = await createCompany(ctx, meta, {
      name: demo.name,
      cnpj: demo.cnpj,
      state: demo.state,
      city: demo.city,
    });
    for (const person of demo.users) {
      const { user } = await createUser(ctx, meta, { ...person, companyId: company.id, locale: "pt-BR" });
      await setPasswordDirectly(ctx, meta, user.id, DEMO_PASSWORD);
      logins.push({ email: person.email, role: person.role, company: demo.name });
    }
  }
  return logins;
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const lines = logins.map(
    (l) => `  ${l.email.padEnd(44)} ${l.role.padEnd(15)} ${l.company ?? "equipe de suporte"}`,
  );
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...lines].join("\n");
}
