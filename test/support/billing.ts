// A small world for the billing tests: two companies (one on a plan with 4 consultancy hours a
// month), their users, the support team, signed in, and helpers for consultancy tickets and estimates.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { CompanyRow } from "../../src/server/modules/companies/repository";
import { buildTestApp, call, type TestApp } from "./app";
import {
  type Catalog,
  loginAs,
  type MadeUser,
  makeCatalog,
  makeCompany,
  makeUser,
  putOnProfessionalPlan,
  ticketBody,
} from "./factories";

export interface Caller {
  user: MadeUser;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface BillingWorld {
  t: TestApp;
  catalog: Catalog;
  /** On "Profissional": 4 consultancy hours a month. */
  companyA: CompanyRow;
  /** Without a plan. */
  companyB: CompanyRow;
  customerA: Caller;
  adminA: Caller;
  adminB: Caller;
  agent: Caller;
  otherAgent: Caller;
  supervisor: Caller;
  admin: Caller;
  /** No session at all. */
  anonymous: Omit<Caller, "user">;
}

function callerWith(t: TestApp, cookie: string | undefined) {
  return {
    get: (url: string) => call(t.app, "GET", url, undefined, { cookie }),
    post: (url: string, body: unknown = {}) => call(t.app, "POST", url, body, { cookie }),
    patch: (url: string, body: unknown) => call(t.app, "PATCH", url, body, { cookie }),
    delete: (url: string) => call(t.app, "DELETE", url, undefined, { cookie }),
  };
}

async function signedIn(t: TestApp, user: MadeUser): Promise<Caller> {
  return { user, ...callerWith(t, await loginAs(t.app, user)) };
}

/** Where the world's clock starts: late in April 2026, so that a test can step into May and back. */
export const BILLING_NOW = "2026-04-29T13:00:00Z";

export async function makeBillingWorld(env: Record<string, string> = {}): Promise<BillingWorld> {
  // Sessions outlive the tests' clock moves (a few days either way).
  const t = await buildTestApp({
    env: { SESSION_IDLE_MINUTES: "10080", SESSION_ABSOLUTE_HOURS: "720", ...env },
  });
  t.clock.set(BILLING_NOW);
  const catalog = await makeCatalog(t.ctx);
  const companyA = await makeCompany(t.ctx, { name: "Distribuidora Paulista de Alimentos Ltda" });
  await putOnProfessionalPlan(t.ctx, companyA.id);
  const companyB = await makeCompany(t.ctx, { name: "Metalúrgica Vale do Aço S.A.", state: "MG" });
  return {
    t,
    catalog,
    companyA,
    companyB,
    customerA: await signedIn(
      t,
      await makeUser(t.ctx, "customer", { company: companyA, name: "Fernanda Lima" }),
    ),
    adminA: await signedIn(
      t,
      await makeUser(t.ctx, "customer_admin", { company: companyA, name: "Bruno Carvalho" }),
    ),
    adminB: await signedIn(t, await makeUser(t.ctx, "customer_admin", { company: companyB })),
    agent: await signedIn(t, await makeUser(t.ctx, "agent", { name: "Juliana Prado" })),
    otherAgent: await signedIn(t, await makeUser(t.ctx, "agent", { name: "Marcos Teixeira" })),
    supervisor: await signedIn(t, await makeUser(t.ctx, "supervisor", { name: "Carlos Menezes" })),
    admin: await signedIn(t, await makeUser(t.ctx, "admin")),
    anonymous: callerWith(t, undefined),
  };
}

/** Opens a ticket as `requester` and returns its number. */
export async function openTicket(world: BillingWorld, requester: Caller, subject?: string): Promise<number> {
  const body = ticketBody(world.catalog, subject ? { subject } : {});
  const response = await requester.post("/api/v1/tickets", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().number;
}

/** The agent reclassifies the ticket as consultancy, with a reason when given. */
export async function reclassify(
  world: BillingWorld,
  number: number,
  kind: "consultancy" | "support",
  kindReason?: string,
): Promise<LightMyRequestResponse> {
  const { version } = (await world.agent.get(`/api/v1/tickets/${number}`)).json();
  return world.agent.patch(`/api/v1/tickets/${number}`, { version, kind, ...(kindReason && { kindReason }) });
}

/** A company-A ticket already classified as consultancy. */
export async function consultancyTicket(world: BillingWorld, subject?: string): Promise<number> {
  const number = await openTicket(world, world.customerA, subject);
  expect((await reclassify(world, number, "consultancy")).statusCode).toBe(200);
  return number;
}

/** The agent drafts an estimate and (unless `send` is false) sends it; returns its id. */
export async function estimateOn(
  world: BillingWorld,
  number: number,
  minutes: number,
  options: { send?: boolean; description?: string } = {},
): Promise<string> {
  const created = await world.agent.post(`/api/v1/tickets/${number}/estimates`, {
    minutes,
    description: options.description ?? "Análise lançamento a lançamento da conta corrente.",
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  if (options.send !== false) {
    const sent = await world.agent.post(`/api/v1/tickets/${number}/estimates/${id}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
  }
  return id;
}

/** Drafts, sends and has company A's admin approve an estimate; returns its id. */
export async function approvedEstimate(
  world: BillingWorld,
  number: number,
  minutes: number,
): Promise<string> {
  const id = await estimateOn(world, number, minutes);
  const approved = await world.adminA.post(`/api/v1/tickets/${number}/estimates/${id}/approve`, {});
  expect(approved.statusCode, approved.body).toBe(200);
  return id;
}
