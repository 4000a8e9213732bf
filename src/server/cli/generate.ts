// `extranet generate --tickets N`: synthetic companies, users and tickets with history, written in
// batches (one transaction each; COPY on PostgreSQL) for load tests and benchmarks. Ticket numbers
// are reserved as a block; text goes through the same search analysis and Markdown rendering as
// real tickets, once per distinct text (see `describer`).

import { type Insertable, sql } from "kysely";
import { withCheckDigits } from "../../contracts/cnpj";
import { BRAZILIAN_STATES } from "../../contracts/companies";
import {
  Priority,
  type TicketChannel,
  type TicketEventType,
  type TicketStatus,
} from "../../contracts/tickets";
import { ticketTextTerms } from "../../domain/search/documents";
import type { BusinessTime } from "../../domain/sla/business-time";
import { type Clock, type ClockRules, newClock } from "../../domain/sla/ticket-clocks";
import type { AppContext } from "../context";
import { hashPassword, newId } from "../crypto";
import { refreshStatistics } from "../db/analyze";
import type { SlaClockTable, TicketEventTable, TicketTable, TicketTagTable } from "../db/schema";
import { companyTerm } from "../db/search";
import { renderMarkdown } from "../markdown";
import { createCategory } from "../modules/kb/service";
import { calendarOf, createCalendar } from "../modules/plans/calendars";
import { createPlan } from "../modules/plans/plans";
import { listPlanRows } from "../modules/plans/repository";
import { upsertScreens } from "../modules/screens/service";
import { ticketSettingsOf } from "../modules/settings/service";
import { clockRules } from "../modules/sla/clocks";
import { type SlaPolicy, snapshotPolicy } from "../modules/sla/policy";
import { priorityOrder, queueKeysFrom } from "../modules/sla/queue-keys";
import { clockRow } from "../modules/sla/repository";
import { newTicketEvent } from "../modules/tickets/events";
import { reserveTicketNumbers } from "../modules/tickets/number-repository";
import { demoCategories } from "../seed/content/faq";
import { demoCalendar, demoPlans } from "../seed/content/plans";
import { demoScreens } from "../seed/content/screens";
import { out, withContext } from "./context";
import { batchWriter } from "./generate-writers";
import { progress } from "./progress";

export const GENERATED_PASSWORD = "extranet-bench";
const BATCH = 1000;
const DAY = 86_400_000;
/** A generated ticket's first answer comes an hour after its opening (its clock and its history). */
const ANSWERED_AFTER = 3_600_000;

const SUBJECTS = [
  "NF-e rejeitada pela SEFAZ na emissão",
  "Boleto não imprime após a remessa",
  "Fluxo de caixa não bate com o extrato",
  "Estoque negativo após a transferência",
  "Pedido de compra não gera a nota de entrada",
  "Relatório de vendas não mostra a filial",
  "Usuário sem permissão para faturar",
  "Cálculo do ICMS-ST diferente da planilha",
  "Conciliação bancária duplicou lançamentos",
  "Cadastro de cliente não grava o e-mail",
];
const RECORDS = ["pedido", "cliente código", "NF-e série 1 número", "título", "produto", "lote"];
const TAGS = ["nfe", "boleto", "integracao", "treinamento", "melhoria", "bug", "cliente-vip", "fechamento"];

/**
 * A real desk's rare corners, the same size whatever the desk's: a screen hardly anyone writes about
 * (about 60 tickets) and an old project's tag (700 to 1 200 tickets, all finished but 5). A queue
 * filtered on one of them must not pass over every open ticket to find its few: the bench measures
 * both (`queue-rare-screen`, `queue-rare-tag`), and a walk that tested each ticket would cost 100 ms a
 * page at 100 000 tickets. They draw from a sequence of their own, so every other draw stays as before.
 */
export const RARE_SCREEN = "EST0008";
const RARE_SCREEN_TICKETS = 60;
export const OLD_PROJECT_TAG = "migracao-versao-8";
const OLD_PROJECT_TICKETS = 1_200;
const OLD_PROJECT_OPEN = 5;

export function rareCornersFor(tickets: number, screens: readonly string[], next: () => number) {
  const others = screens.filter((code) => code !== RARE_SCREEN);
  // The share of the rare screen's even draws it keeps.
  const keep = Math.min(1, (RARE_SCREEN_TICKETS * screens.length) / tickets);
  const inProject = Math.min(1, OLD_PROJECT_TICKETS / tickets);
  let openInProject = 0;
  return {
    screen: (drawn: string): string =>
      drawn !== RARE_SCREEN || next() < keep ? drawn : (others[Math.floor(next() * others.length)] as string),
    inOldProject: (status: TicketStatus): boolean => {
      if (next() >= inProject) return false;
      if (status === "resolved" || status === "cancelled") return true;
      return openInProject++ < OLD_PROJECT_OPEN;
    },
  };
}

/** A small deterministic generator: the same N gives the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function ensureCatalog(ctx: AppContext): Promise<string[]> {
  let categories = await ctx.db.selectFrom("category").select("id").execute();
  if (categories.length === 0) {
    for (const [index, category] of demoCategories.entries()) await createCategory(ctx, index + 1, category);
    categories = await ctx.db.selectFrom("category").select("id").execute();
  }
  await upsertScreens(ctx, demoScreens);
  return categories.map((c) => c.id);
}

/**
 * Who handles a ticket, how it came in and its tags: most tickets in progress, waiting or finished
 * have an assignee, a third of the new ones; most come through the portal; a third carry tags.
 */
function consoleKeysFor(agentIds: readonly string[], next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return (status: TicketStatus) => {
    const assignedShare = status === "open" ? 0.35 : 0.9;
    const assigneeId = agentIds.length > 0 && next() < assignedShare ? pick(agentIds) : null;
    const roll = next();
    const channel: TicketChannel = roll < 0.8 ? "portal" : roll < 0.95 ? "phone" : "email";
    const tagRoll = next();
    const first = pick(TAGS);
    const second = pick(TAGS);
    const ticketTags = tagRoll < 0.2 ? [first] : tagRoll < 0.3 && second !== first ? [first, second] : [];
    return { assigneeId, channel, ticketTags };
  };
}

interface GeneratedCompany {
  id: string;
  userIds: string[];
}

/** The demo's Profissional plan (created with its calendar when absent): every generated company has it. */
async function ensurePlan(ctx: AppContext): Promise<SlaPolicy> {
  const meta = { actorId: null, ip: null, origin: "" };
  let plan = (await listPlanRows(ctx.db)).find((p) => p.name === "Profissional");
  if (!plan) {
    const calendar = await createCalendar(ctx, meta, demoCalendar);
    const profissional = demoPlans.find((p) => p.name === "Profissional") ?? demoPlans[0];
    if (!profissional) throw new Error("no demo plan to generate with");
    await createPlan(ctx, meta, { ...profissional, calendarId: calendar.id });
    plan = (await listPlanRows(ctx.db)).find((p) => p.name === "Profissional");
  }
  if (!plan) throw new Error("the Profissional plan could not be created");
  return {
    planId: plan.id,
    planName: plan.name,
    calendarName: plan.calendar.name,
    calendar: calendarOf(plan.calendar),
    targets: plan.targets,
    warningShare: (await ticketSettingsOf(ctx)).slaWarningShare,
  };
}

/**
 * The policy's clock rules with the business time of each priority worked out once: the shared
 * cache of compiled calendars serializes the calendar on every look-up, twice per generated ticket.
 */
function generatorRules(policy: SlaPolicy): ClockRules {
  const rules = clockRules(policy);
  const byPriority = new Map<Priority, BusinessTime>();
  return {
    ...rules,
    businessTime: (priority) => {
      let businessTime = byPriority.get(priority);
      if (!businessTime) {
        businessTime = rules.businessTime(priority);
        byPriority.set(priority, businessTime);
      }
      return businessTime;
    },
  };
}

/** The clocks a ticket in this status would have, as if it had lived its story. */
function clocksFor(
  rules: ClockRules,
  ticket: { id: string; priority: Priority; status: TicketStatus; createdAt: number; updatedAt: number },
  now: number,
) {
  const { priority, status, createdAt, updatedAt } = ticket;
  const answered = status === "open" ? {} : { metAt: createdAt + ANSWERED_AFTER };
  const resolution =
    status === "resolved"
      ? { metAt: updatedAt }
      : status === "cancelled"
        ? { stoppedAt: updatedAt }
        : status === "waiting_customer"
          ? { pauses: [{ from: updatedAt, to: null }] }
          : {};
  // Synthetic history: warnings and breaches already past count as raised, or the sweeper would
  // raise tens of thousands of them the moment the server starts.
  const raised = (clock: Clock): Clock => ({
    ...clock,
    warnedAt: clock.warnAt !== null && clock.warnAt < now ? clock.warnAt : null,
    breachedAt: clock.dueAt !== null && clock.dueAt < now ? clock.dueAt : null,
  });
  const context = {
    rules,
    priority,
    kind: "support" as const,
    status: "open" as const,
    at: createdAt,
    newId,
  };
  return [
    raised(newClock("first_response", 1, context, answered)),
    raised(newClock("resolution", 1, context, resolution)),
  ];
}

async function createCompanies(
  ctx: AppContext,
  count: number,
  passwordHash: string,
  planId: string,
): Promise<GeneratedCompany[]> {
  const existing = await ctx.db
    .selectFrom("company")
    .select("id")
    .where("name", "like", "Empresa Sintética %")
    .execute();
  const offset = existing.length;
  const companies: GeneratedCompany[] = [];
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const n = offset + i + 1;
      const id = newId();
      await trx
        .insertInto("company")
        .values({
          id,
          name: `Empresa Sintética ${String(n).padStart(4, "0")} Ltda`,
          cnpj: withCheckDigits(`9${String(n).padStart(7, "0")}0001`),
          state: BRAZILIAN_STATES[n % BRAZILIAN_STATES.length] ?? "SP",
          city: "Cidade Sintética",
          active: 1,
          plan_id: planId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const userIds = [0, 1, 2].map(() => newId());
      await trx
        .insertInto("app_user")
        .values(
          userIds.map((userId, u) => ({
            id: userId,
            company_id: id,
            name: `Usuário ${u + 1} da Empresa ${n}`,
            email: `usuario${u + 1}.empresa${n}@sintetica.example.com`,
            password_hash: passwordHash,
            role: u === 0 ? "customer_admin" : "customer",
            locale: "pt-BR",
            active: 1,
            last_login_at: null,
            previous_login_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      companies.push({ id, userIds });
    }
  });
  return companies;
}

/** A number no generated record has: it stands for the record's number in a cached description. */
const NUMBER_SLOT = "9876543210";

/**
 * A ticket's description, its HTML and its search terms. The text varies only by subject, screen
 * and kind of record, and the record's number is digits that render and index as themselves: the
 * Markdown and the stemming run once per combination, and the number is put in afterwards.
 */
function describer() {
  const describe = (subject: string, screen: string, record: string) =>
    `${subject}. Aconteceu na tela ${screen} com o ${record}. Favor verificar.`;
  const templates = new Map<string, { html: string; terms: string }>();
  return (subject: string, screen: string, recordKind: string, recordNumber: number) => {
    const key = `${subject}\n${screen}\n${recordKind}`;
    let template = templates.get(key);
    if (!template) {
      const record = `${recordKind} ${NUMBER_SLOT}`;
      const description = describe(subject, screen, record);
      template = {
        html: renderMarkdown(description),
        terms: ticketTextTerms({ subject, description, exampleRecord: record, screenCode: screen }).join(" "),
      };
      templates.set(key, template);
    }
    const number = String(recordNumber);
    const record = `${recordKind} ${number}`;
    return {
      record,
      description: describe(subject, screen, record),
      descriptionHtml: template.html.replace(NUMBER_SLOT, number),
      terms: template.terms.replaceAll(NUMBER_SLOT, number),
    };
  };
}

/**
 * How the generated tickets' lives are spread over time.
 * - `aged` (the default): a help desk as it is. Tickets come in at an even pace over `days`, numbered
 *   in that order; each is worked for a while (five days on average, an exponential draw) and then
 *   resolved or cancelled. Only those whose time is not up yet are still open, in progress or waiting:
 *   about 1.4% of a year's tickets, the newest ones.
 * - `uniform`: each ticket's instant and status drawn apart, 3 in 7 still open whatever their age, and
 *   numbers in no relation to instants: the data earlier benchmarks measured, a heavier queue than any
 *   real desk's, kept to compare with them.
 */
export type GeneratedHistory = "aged" | "uniform";

export interface GenerateOptions {
  tickets: number;
  companies: number;
  history?: GeneratedHistory | undefined;
  /** `aged`: how many days the tickets came in over, ending now (365 unless said). */
  days?: number | undefined;
}

interface TicketStory {
  createdAt: number;
  status: TicketStatus;
  updatedAt: number;
}

/** The earlier generator's draws, in their order: the same N gives the same data as before. */
function uniformStory(next: () => number, now: number) {
  const statuses = [
    "open",
    "in_progress",
    "waiting_customer",
    "resolved",
    "resolved",
    "resolved",
    "cancelled",
  ] as const;
  return (): TicketStory => {
    const createdAt = now - Math.floor(next() * 365 * DAY);
    const status = statuses[Math.floor(next() * statuses.length)] as TicketStatus;
    const updatedAt = Math.min(now, createdAt + Math.floor(next() * 10 * DAY));
    return { createdAt, status, updatedAt };
  };
}

/** Time from opening to the outcome: five days on average. */
const MEAN_LIFETIME = 5 * DAY;

function agedStory(next: () => number, opts: { now: number; tickets: number; days: number }) {
  const span = opts.days * DAY;
  const start = opts.now - span;
  return (i: number): TicketStory => {
    // The i-th of N at an even pace, so that numbers follow the instants as the portal's do.
    const createdAt = Math.min(opts.now, Math.floor(start + (span * (i + next())) / opts.tickets));
    const lifetime = Math.max(2 * ANSWERED_AFTER, Math.floor(-Math.log(1 - next()) * MEAN_LIFETIME));
    const outcome = next();
    const age = opts.now - createdAt;
    if (lifetime <= age) {
      return {
        createdAt,
        status: outcome < 0.85 ? "resolved" : "cancelled",
        updatedAt: createdAt + lifetime,
      };
    }
    // Still being worked: new ones not answered yet; the others answered, then last touched since.
    if (age < ANSWERED_AFTER || outcome < 0.3) return { createdAt, status: "open", updatedAt: createdAt };
    const status: TicketStatus = outcome < 0.75 ? "in_progress" : "waiting_customer";
    const touched = createdAt + ANSWERED_AFTER + Math.floor(next() * (age - ANSWERED_AFTER));
    return { createdAt, status, updatedAt: touched };
  };
}

export interface GenerateResult {
  companies: number;
  tickets: number;
  firstNumber: number;
  /** PostgreSQL: the rows each table took, as COPY reported them; undefined on SQLite. */
  copied: Record<string, number> | undefined;
}

export async function generate(
  ctx: AppContext,
  opts: GenerateOptions,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<GenerateResult> {
  const categoryIds = await ensureCatalog(ctx);
  const screens = demoScreens.map((s) => s.code);
  const agents = await ctx.db
    .selectFrom("app_user")
    .select("id")
    .where("role", "in", ["agent", "supervisor", "admin"])
    .execute();
  const policy = await ensurePlan(ctx);
  const policyId = await snapshotPolicy(ctx.db, policy, ctx.clock.now());
  const companies = await createCompanies(
    ctx,
    opts.companies,
    await hashPassword(GENERATED_PASSWORD),
    policy.planId,
  );
  const firstNumber = await reserveTicketNumbers(ctx.db, opts.tickets);
  const next = random(opts.tickets * 7919 + opts.companies);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // The console's keys (assignee, channel, tags) draw from their own sequence, so the rest of the
  // data stays what it was before they were generated.
  const consoleKeys = consoleKeysFor(
    agents.map((agent) => agent.id),
    random(opts.tickets * 31 + 7),
  );
  const corners = rareCornersFor(opts.tickets, screens, random(opts.tickets * 131 + 3));
  const rules = generatorRules(policy);
  const description = describer();
  const reply = "Olá! Estamos verificando e retornamos em breve.";
  const replyHtml = renderMarkdown(reply);
  const now = ctx.clock.now();
  const story =
    (opts.history ?? "aged") === "aged"
      ? agedStory(next, { now, tickets: opts.tickets, days: opts.days ?? 365 })
      : uniformStory(next, now);
  const writer = await batchWriter(ctx);
  try {
    for (let start = 0; start < opts.tickets; start += BATCH) {
      const tickets: TicketTable[] = [];
      const events: TicketEventTable[] = [];
      const clocks: SlaClockTable[] = [];
      const tags: Insertable<TicketTagTable>[] = [];
      const end = Math.min(opts.tickets, start + BATCH);
      for (let i = start; i < end; i++) {
        // Now and then the connection gets its turn, to send the batch in flight while this one grows.
        if (i % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
        const company = companies[i % companies.length] as GeneratedCompany;
        const requester = pick(company.userIds);
        const { createdAt, status, updatedAt } = story(i);
        const subject = pick(SUBJECTS);
        const screen = corners.screen(pick(screens));
        const text = description(subject, screen, pick(RECORDS), Math.floor(next() * 99_999));
        const id = newId();
        const { assigneeId, channel, ticketTags } = consoleKeys(status);
        for (const tag of ticketTags) tags.push({ ticket_id: id, tag });
        if (corners.inOldProject(status)) tags.push({ ticket_id: id, tag: OLD_PROJECT_TAG });
        const categoryId = pick(categoryIds);
        const priority = pick(Priority.options);
        const ticketClocks = clocksFor(rules, { id, priority, status, createdAt, updatedAt }, now);
        clocks.push(...ticketClocks.map((clock) => clockRow(id, clock)));
        tickets.push({
          id,
          number: firstNumber + i,
          company_id: company.id,
          requester_id: requester,
          category_id: categoryId,
          screen_code: screen,
          subject,
          description: text.description,
          description_html: text.descriptionHtml,
          example_record: text.record,
          priority,
          status,
          channel,
          kind: "support",
          assignee_id: assigneeId,
          related_ticket_id: null,
          version: status === "open" ? 1 : 3,
          search_terms: `${companyTerm(company.id)} ${text.terms}`,
          created_at: createdAt,
          updated_at: updatedAt,
          resolved_at: status === "resolved" ? updatedAt : null,
          sla_policy_id: policyId,
          ...queueKeysFrom(ticketClocks),
          priority_order: priorityOrder(priority),
          merged_into_id: null,
        });
        const event = (type: TicketEventType, at: number, fields: Partial<TicketEventTable> = {}) =>
          newTicketEvent(id, requester, at, { ...fields, type });
        // Each event carries the version it produced, as the commands stamp theirs.
        events.push(event("opened", createdAt, { ticket_version: 1 }));
        if (status !== "open" && agents.length > 0) {
          events.push(
            event("message", createdAt + ANSWERED_AFTER, {
              actor_id: pick(agents).id,
              body: reply,
              body_html: replyHtml,
              ticket_version: 2,
            }),
          );
          events.push(
            event("status_changed", updatedAt, {
              actor_id: pick(agents).id,
              from_status: "in_progress",
              to_status: status,
              ticket_version: 3,
            }),
          );
        }
      }
      await writer.write({ tickets, tags, events, clocks }, () => onProgress(end, opts.tickets));
    }
    await writer.finish();
  } finally {
    await writer.close();
  }
  return { companies: companies.length, tickets: opts.tickets, firstNumber, copied: writer.copied() };
}

export function generateCommand(opts: GenerateOptions) {
  return withContext(async (ctx) => {
    const result = await generate(ctx, opts, progress("tickets"));
    if (result.copied)
      out(
        `loaded with COPY: ${Object.entries(result.copied)
          .map(([table, rows]) => `${table} ${rows}`)
          .join(", ")}`,
      );
    // Fresh statistics for the planner: straight after a bulk load PostgreSQL has none until
    // autovacuum runs, and picks hash joins and sorts (50–150 ms) over the queue's index ranges.
    // On PostgreSQL a vacuum too, as autovacuum would do (or never, where it is off): it marks the
    // loaded pages all-visible, so that counts read their indexes alone instead of every row's page.
    if (ctx.connection.dialect === "sqlite") {
      // Batches leave the full-text index in several segments, and every search looks each word up in
      // each of them (at 100 000 tickets: 11 segments, 0.97 ms to match a company's query; 0.28 ms in one).
      out("merging the search index…");
      await sql`insert into ticket_fts(ticket_fts) values ('optimize')`.execute(ctx.db);
    }
    out("updating the query planner's statistics…");
    if (ctx.connection.dialect === "postgres") await sql`vacuum (analyze)`.execute(ctx.db);
    else await refreshStatistics(ctx.db);
    out(
      `generated ${result.tickets} tickets (#${result.firstNumber}…, ${opts.history ?? "aged"} history) ` +
        `across ${result.companies} companies; ` +
        `users usuario1.empresaN@sintetica.example.com, password ${GENERATED_PASSWORD}`,
    );
  });
}
