// Factories: companies and users written straight through the services, and signing them in.
import type { FastifyInstance } from "fastify";
import { withCheckDigits } from "../../src/contracts/cnpj";
import type { Role } from "../../src/contracts/common";
import type { AppContext, CommandMeta } from "../../src/server/context";
import { setPasswordDirectly } from "../../src/server/modules/auth/service";
import type { CompanyRow } from "../../src/server/modules/companies/repository";
import { createCompany } from "../../src/server/modules/companies/service";
import type { UserRow } from "../../src/server/modules/users/repository";
import { createUser } from "../../src/server/modules/users/service";
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
