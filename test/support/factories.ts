// Factories: companies and users written straight through the services, and signing them in.
import type { FastifyInstance } from "fastify";
import { withCheckDigits } from "../../src/contracts/cnpj";
import type { Role } from "../../src/contracts/common";
import type { CreateTicketRequest } from "../../src/contracts/tickets";
import type { AppContext, CommandMeta } from "../../src/server/context";
import { setPasswordDirectly } from "../../src/server/modules/auth/service";
import type { CompanyRow } from "../../src/server/modules/companies/repository";
import { changeCompany, createCompany } from "../../src/server/modules/companies/service";
import { createCategory } from "../../src/server/modules/kb/service";
import { createCalendar } from "../../src/server/modules/plans/calendars";
import { createPlan } from "../../src/server/modules/plans/plans";
import { upsertScreens } from "../../src/server/modules/screens/service";
import { readStoredSettings, updateSettings } from "../../src/server/modules/settings/service";
import { openTicket } from "../../src/server/modules/tickets/service";
import type { UserRow } from "../../src/server/modules/users/repository";
import { createUser } from "../../src/server/modules/users/service";
import { demoCalendar, demoPlans } from "../../src/server/seed/content/plans";
import { call, sessionCookieOf, TEST_ORIGIN } from "./app";

export const TEST_PASSWORD = "senha-de-teste-123";
const systemMeta: CommandMeta = { actorId: null, ip: null, origin: TEST_ORIGIN };
let sequence = 0;

/** A fresh valid CNPJ on every call. */
export function nextCnpj(): string {
  sequence += 1;
  return withCheckDigits(`${String(10_000_000 + sequence * 7919).padStart(8, "0")}0001`);
}

export async function makeCompany(
  ctx: AppContext,
  overrides: Partial<{ name: string; state: "SP" | "RJ" | "MG"; city: string }> = {},
): Promise<CompanyRow> {
  sequence += 1;
  return createCompany(ctx, systemMeta, {
    name: overrides.name ?? `Empresa Teste ${sequence}`,
    cnpj: nextCnpj(),
    state: overrides.state ?? "SP",
    city: overrides.city ?? "São Paulo",
  });
}

export interface MadeUser extends UserRow {
  password: string;
}

export async function makeUser(
  ctx: AppContext,
  role: Role,
  options: {
    company?: CompanyRow;
    name?: string;
    email?: string;
    locale?: "pt-BR" | "en";
    password?: string | null;
  } = {},
): Promise<MadeUser> {
  sequence += 1;
  const company =
    role === "customer" || role === "customer_admin"
      ? (options.company ?? (await makeCompany(ctx)))
      : undefined;
  const { user } = await createUser(ctx, systemMeta, {
    name: options.name ?? `Pessoa ${sequence}`,
    email: options.email ?? `pessoa${sequence}.${process.pid}@example.com.br`,
    role,
    locale: options.locale ?? "pt-BR",
    ...(company && { companyId: company.id }),
  });
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  if (password !== null) await setPasswordDirectly(ctx, systemMeta, user.id, password);
  return { ...user, password: password ?? "" };
}

/** Signs in through the real login endpoint and returns the cookie to send. */
export async function loginAs(
  app: FastifyInstance,
  user: { email: string; password: string },
): Promise<string> {
  const response = await call(app, "POST", "/api/v1/auth/login", {
    email: user.email,
    password: user.password,
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return sessionCookieOf(response);
}

export interface Catalog {
  categoryId: string;
  otherCategoryId: string;
  screenCode: string;
}

/** Two FAQ categories and a few screens, enough to open tickets. */
export async function makeCatalog(ctx: AppContext): Promise<Catalog> {
  const fiscal = await createCategory(ctx, 1, {
    name: "Fiscal",
    description: "NF-e, NFC-e, ICMS e CFOP.",
    articles: [
      {
        question: "Como faço a emissão de NF-e?",
        answer: "Acesse **Fiscal > Emissão** (tela FIS0001) e clique em *Emitir*.",
      },
      {
        question: "Como é calculado o ICMS para consumidor final?",
        answer: "Depende da UF de destino (DIFAL).",
      },
      { question: "A SEFAZ rejeitou minha nota", answer: "Veja o código da rejeição na tela FIS0004." },
    ],
  });
  const finance = await createCategory(ctx, 2, {
    name: "Financeiro",
    description: "Contas a pagar e a receber, fluxo de caixa.",
    articles: [
      {
        question: "Como fazer a conciliação bancária?",
        answer: "Use a tela FIN0006 e importe o extrato OFX.",
      },
    ],
  });
  await upsertScreens(ctx, [
    { code: "ATW0001", name: "Atendimento ao Cliente", module: "Atendimento" },
    { code: "FIS0001", name: "Emissão de NF-e", module: "Fiscal" },
    { code: "FIN0005", name: "Fluxo de Caixa", module: "Financeiro" },
  ]);
  return { categoryId: fiscal.id, otherCategoryId: finance.id, screenCode: "ATW0001" };
}

export function ticketBody(catalog: Catalog, overrides: Partial<CreateTicketRequest> = {}) {
  return {
    categoryId: catalog.categoryId,
    subject: "E-mail do contato não foi gravado",
    description:
      "Cadastrei o cliente código 100 através da tela ATW0001 – Atendimento ao Cliente, porém o e-mail do contato Bruno não foi gravado. Favor verificar.",
    screenCode: catalog.screenCode,
    exampleRecord: "cliente código 100",
    priority: "normal" as const,
    ...overrides,
  };
}

/** Opens a ticket through the service as `requester`; returns its number. */
export async function makeTicket(
  ctx: AppContext,
  catalog: Catalog,
  requester: { id: string; company_id: string | null },
  overrides: Partial<CreateTicketRequest> = {},
): Promise<number> {
  const opening = await openTicket(
    ctx,
    { userId: requester.id, role: "customer", companyId: requester.company_id },
    { attachmentIds: [], ...ticketBody(catalog, overrides) },
  );
  return opening.number;
}

/** Turns "company admins may invite colleagues" (Configurações) on or off. */
export async function letCompanyAdminsInvite(ctx: AppContext, allowed: boolean): Promise<void> {
  const current = await readStoredSettings(ctx.db);
  await updateSettings(ctx, systemMeta, { ...current, companyAdminsMayInvite: allowed });
}

/**
 * Puts the company on the demo's "Profissional" plan, with a calendar of its own: its new tickets get
 * deadlines and consultancy hours. Returns the plan's id.
 */
export async function putOnProfessionalPlan(ctx: AppContext, companyId: string): Promise<string> {
  const calendar = await createCalendar(ctx, systemMeta, demoCalendar);
  const professional = demoPlans.find((plan) => plan.name === "Profissional");
  if (!professional) throw new Error("the demo plans have no Profissional");
  const plan = await createPlan(ctx, systemMeta, { ...professional, calendarId: calendar.id });
  await changeCompany(ctx, systemMeta, companyId, { planId: plan.id });
  return plan.id;
}
