// The one owner of ticket writes. Every command on a ticket — a reply, a note, a change, a call, a
// merge or link, an estimate, a time entry, an SLA firing — runs through `ticketCommand`: it locks
// the ticket, asks the ticket's policy, refuses a merged or stale ticket, stamps the command's
// history events with the version it produces, applies the clock changes once (rules from
// src/domain/sla), updates the ticket once and checks it, records the effects of what happened in
// the same transaction and publishes the live events once it commits.
import type { Priority, TicketKind, TicketStatus } from "../../../contracts/tickets";
import type { Actor } from "../../../domain/policies";
import { scopeOf } from "../../../domain/policies";
import { analyze } from "../../../domain/search/portuguese";
import type { Clock, ClockChange } from "../../../domain/sla/ticket-clocks";
import type { TicketDecision, TicketResource } from "../../../domain/tickets/policies";
import type { AppContext } from "../../context";
import { dialectOf } from "../../db/dialect";
import type { Executor, TicketEventTable } from "../../db/schema";
import { type AppError, errors } from "../../errors";
import type { LiveEvent } from "../../events/bus";
import {
  claimIdempotencyKey,
  type IdempotencyKey,
  type ResultCodec,
  replayAfterRace,
} from "../idempotency/service";
import { numberOfTicket } from "../relations/repository";
import { settingsOf } from "../settings/service";
import { moveTicketClocks, openingClocks } from "../sla/clocks";
import {
  loadPolicy,
  type SlaPolicy,
  StoredSnapshots,
  snapshotPolicyOnce,
  storedSnapshotsOf,
} from "../sla/policy";
import { priorityOrder, type QueueKeys, queueKeysFrom } from "../sla/queue-keys";
import { clockRows } from "../sla/repository";
import { type CommandOutcome, type EffectsSetup, recordEffects } from "./effects";
import { newTicketEvent } from "./events";
import type { TicketHappening } from "./happenings";
import {
  findTicketRow,
  insertEvents,
  insertOpenedTicket,
  type TicketChanges,
  type TicketEventRow,
  type TicketRow,
  updateTicketAt,
  updateTicketKeys,
} from "./repository";
import { ticketResource } from "./resource";
import { staleTicketError } from "./stale";

/** Which policy rule the command is: asked of the actor and the ticket before anything is written. */
export type TicketAccess = (actor: Actor, ticket: TicketResource) => TicketDecision;

export interface OpenOptions {
  /** The version the caller saw: a stale one answers 409 with what changed since. */
  expectedVersion?: number | undefined;
  /** The error for a missing ticket (default: 404). */
  onMissing?: () => AppError;
  /** The error for a ticket merged into `continuesIn` (default: 409 naming it). */
  onMerged?: (number: number, continuesIn: number) => AppError;
}

/** Columns a command sets directly; status, priority and kind go through their own moves. */
type FieldChanges = Pick<TicketChanges, "category_id" | "screen_code" | "assignee_id" | "merged_into_id">;

/** One ticket inside a command: what the command does to it, written or collected in order. */
export class TicketWrite {
  private readonly columns: TicketChanges = {};
  private readonly clockChanges: ClockChange[] = [];
  private readonly terms: string[] = [];
  private readonly happened: TicketHappening[] = [];
  private versioned = false;
  private publicChange = false;
  /** What a ticket this command opened started with (`TicketTransaction.create`). */
  private opening: { clocks: readonly Clock[]; companyName: string } | undefined;

  constructor(
    private readonly tx: TicketTransaction,
    /** The row as the command found it (locked). */
    readonly row: TicketRow,
    /** Opened by this command: its events carry version 1 and nothing bumps it. */
    private readonly created: boolean,
  ) {}

  /** The version this command produces: what its events carry. */
  get version(): number {
    return this.created ? this.row.version : this.row.version + 1;
  }

  get status(): TicketStatus {
    return this.columns.status ?? this.row.status;
  }

  get priority(): Priority {
    return this.columns.priority ?? this.row.priority;
  }

  get kind(): TicketKind {
    return this.columns.kind ?? this.row.kind;
  }

  /** A history event of this command, stamped with the version it produces; written at once. */
  async event(fields: Partial<TicketEventTable> & { type: string }): Promise<TicketEventRow> {
    const row = newTicketEvent(this.row.id, this.tx.actorId, this.tx.now, {
      ...fields,
      ticket_version: this.version,
    });
    await insertEvents(this.tx.trx, [row]);
    this.wrote(row);
    return row;
  }

  /** Takes note of an event of this ticket the command wrote. */
  wrote(row: TicketEventRow): void {
    this.versioned = true;
    if (row.internal === 0) this.publicChange = true;
  }

  /**
   * A system note in the internal history (an SLA alert): it changes nothing, so no version. Written
   * when the command finishes, with the command's other notes in one statement.
   */
  annotate(fields: Partial<TicketEventTable> & { type: string }): void {
    this.tx.note(
      newTicketEvent(this.row.id, this.tx.actorId, this.tx.now, {
        ...fields,
        internal: 1,
        ticket_version: null,
      }),
    );
  }

  /** Moves the ticket to `status` with its history event and clock change; nothing when already there. */
  async moveTo(status: TicketStatus, how: { reopened?: boolean } = {}): Promise<void> {
    const from = this.status;
    if (status === from) return;
    await this.event({
      type: how.reopened ? "reopened" : "status_changed",
      from_status: from,
      to_status: status,
    });
    this.clockChanges.push({
      kind: "status",
      from,
      to: status,
      resolvedAt: this.columns.resolved_at === undefined ? this.row.resolved_at : this.columns.resolved_at,
    });
    this.columns.status = status;
    this.columns.resolved_at = status === "resolved" ? this.tx.now : null;
    this.happen({ type: "status_changed", from, to: status });
  }

  async prioritize(priority: Priority): Promise<void> {
    const from = this.priority;
    if (priority === from) return;
    await this.event({ type: "priority_changed", from_priority: from, to_priority: priority });
    this.clockChanges.push({ kind: "priority", to: priority });
    this.columns.priority = priority;
    this.columns.priority_order = priorityOrder(priority);
    this.happen({ type: "priority_changed", from, to: priority });
  }

  /** Support or consultancy; a reason, when given, is shown to the customer in the history. */
  async reclassify(kind: TicketKind, reason: { body: string; bodyHtml: string } | undefined): Promise<void> {
    const from = this.kind;
    if (kind === from) return;
    await this.event({
      type: "kind_changed",
      to_kind: kind,
      ...(reason && { body: reason.body, body_html: reason.bodyHtml }),
    });
    this.clockChanges.push({ kind: "classification", to: kind });
    this.columns.kind = kind;
    this.happen({ type: "kind_changed", from, to: kind });
  }

  set(changes: FieldChanges): void {
    Object.assign(this.columns, changes);
  }

  /** A public reply or a customer's message moves the clocks beyond any status change. */
  clock(change: Extract<ClockChange, { kind: "staff_reply" | "customer_message" }>): void {
    this.clockChanges.push(change);
  }

  /** Public text that should find the ticket in searches. */
  searchable(text: string): void {
    const terms = analyze(text);
    if (terms.length > 0) this.terms.push(terms.join(" "));
  }

  happen(happening: TicketHappening): void {
    this.happened.push(happening);
  }

  /** The ticket as the command leaves it, for the effects. */
  outcome(): CommandOutcome {
    // A ticket opened here whose clocks nothing moved since: the effects need not read them.
    const clocks =
      this.opening && this.clockChanges.length === 0
        ? this.opening.clocks.map((clock) => ({
            metric: clock.metric,
            due_at: clock.dueAt,
            met_at: clock.metAt,
            stopped_at: clock.stoppedAt,
          }))
        : undefined;
    // Nor the ticket itself, while none of its columns changed since it was written.
    const ticket =
      this.opening && Object.keys(this.columns).length === 0
        ? {
            id: this.row.id,
            number: this.row.number,
            subject: this.row.subject,
            status: this.row.status,
            company_id: this.row.company_id,
            company_name: this.opening.companyName,
            requester_id: this.row.requester_id,
            assignee_id: this.row.assignee_id,
          }
        : undefined;
    return {
      ticketId: this.row.id,
      ref: { number: this.row.number, companyId: this.row.company_id, status: this.status },
      happenings: this.happened,
      ...(clocks && { clocks }),
      ...(ticket && { ticket }),
    };
  }

  /** Set once, by the command that opens the ticket. */
  started(clocks: readonly Clock[], companyName: string): void {
    this.opening = { clocks, companyName };
  }

  /** Writes the clocks and the ticket once, refusing a ticket someone changed meanwhile. */
  async flush(): Promise<void> {
    const { trx, now } = this.tx;
    const keys = await this.moveClocks();
    const changes: TicketChanges = {
      ...this.columns,
      ...keys,
      ...(this.publicChange && !this.created && { updated_at: now }),
      ...(this.terms.length > 0 && { appendTerms: this.terms.join(" ") }),
    };
    if (this.created) {
      if (Object.keys(changes).length > 0) await updateTicketKeys(trx, this.row.id, changes);
      return;
    }
    if (!this.versioned && Object.keys(this.columns).length === 0) {
      if (keys) await updateTicketKeys(trx, this.row.id, keys);
      return;
    }
    if (!(await updateTicketAt(trx, this.row.id, this.row.version, changes))) {
      throw await staleTicketError(trx, this.row, this.row.version);
    }
  }

  private async moveClocks(): Promise<QueueKeys | undefined> {
    if (this.clockChanges.length === 0) return undefined;
    const policy = await loadPolicy(this.tx.trx, this.row.sla_policy_id);
    if (!policy) return undefined;
    const ticket = {
      id: this.row.id,
      priority: this.row.priority,
      kind: this.row.kind,
      status: this.row.status,
    };
    return moveTicketClocks(this.tx.trx, ticket, policy, this.clockChanges, this.tx.now);
  }
}

/** A command's transaction: the tickets it opens, locked, and what it does to them. */
export class TicketTransaction {
  private readonly writes: TicketWrite[] = [];
  /** System notes (`TicketWrite.annotate`), written together by `finish`. */
  private readonly notes: TicketEventRow[] = [];

  /** Policy snapshots this transaction wrote: known to the database once it commits. */
  readonly writtenSnapshots: string[] = [];

  constructor(
    readonly trx: Executor,
    /** Null for the system (the SLA sweeper). */
    readonly actor: Actor | null,
    readonly now: number,
    /** The configuration and the settings in force, read before the transaction began. */
    private readonly setup: EffectsSetup,
    /** The policy snapshots the database is known to hold (`storedSnapshotsOf`). */
    private readonly storedSnapshots: StoredSnapshots = new StoredSnapshots(),
  ) {}

  /** The id of `policy`'s snapshot, written unless the database is known to hold it already. */
  async policySnapshot(policy: SlaPolicy): Promise<string> {
    const { id, written } = await snapshotPolicyOnce(this.trx, policy, this.now, this.storedSnapshots);
    if (written) this.writtenSnapshots.push(id);
    return id;
  }

  get actorId(): string | null {
    return this.actor?.userId ?? null;
  }

  /** Locks and checks the ticket `number` for `access`. */
  async open(number: number, access: TicketAccess, options: OpenOptions = {}): Promise<TicketWrite> {
    const [write] = await this.openInOrder([{ number, access, ...options }]);
    if (!write) throw errors.notFound("ticket.not_found");
    return write;
  }

  /**
   * Locks several tickets, lowest number first (two commands on the same tickets never deadlock),
   * then checks each in the order given.
   */
  async openInOrder(
    specs: readonly (OpenOptions & { number: number; access: TicketAccess })[],
  ): Promise<TicketWrite[]> {
    const rows = new Map<number, TicketRow | undefined>();
    const scope = this.actor ? scopeOf(this.actor) : { kind: "all" as const };
    for (const number of [...new Set(specs.map((spec) => spec.number))].sort((a, b) => a - b)) {
      rows.set(number, await findTicketRow(this.trx, scope, number, { lock: true }));
    }
    const opened: TicketWrite[] = [];
    for (const spec of specs) {
      const row = rows.get(spec.number);
      if (!row) throw spec.onMissing?.() ?? errors.notFound("ticket.not_found");
      opened.push(await this.adopt(row, spec.access, spec));
    }
    return opened;
  }

  /**
   * The system's commands (the SLA sweeper) open tickets by their ids, in one statement, locked
   * lowest number first like `openInOrder`; each id once.
   */
  async openByIds(ids: readonly string[]): Promise<Map<string, TicketWrite>> {
    const opened = new Map<string, TicketWrite>();
    if (ids.length === 0) return opened;
    const rows = await this.trx
      .selectFrom("ticket")
      .selectAll()
      .where("id", "in", [...new Set(ids)])
      .orderBy("number")
      .$if(dialectOf(this.trx) === "postgres", (q) => q.forUpdate())
      .execute();
    for (const row of rows) opened.set(row.id, await this.adopt(row, () => "allow", {}));
    return opened;
  }

  /** A new ticket of `companyName`: its row, its clocks (under `policy`) and its opening event, version 1. */
  async create(
    row: TicketRow,
    policy: SlaPolicy | null,
    companyName: string,
  ): Promise<{ ticket: TicketWrite; opened: TicketEventRow; clocks: readonly Clock[] }> {
    const clocks = policy ? openingClocks(policy, row.priority, row.created_at) : [];
    const ticket = new TicketWrite(this, row, true);
    ticket.started(clocks, companyName);
    this.writes.push(ticket);
    const opened = newTicketEvent(row.id, this.actorId, this.now, {
      type: "opened",
      ticket_version: ticket.version,
    });
    await insertOpenedTicket(
      this.trx,
      { ...row, ...queueKeysFrom(clocks) },
      clockRows(row.id, clocks),
      opened,
    );
    ticket.wrote(opened);
    return { ticket, opened, clocks };
  }

  private async adopt(row: TicketRow, access: TicketAccess, options: OpenOptions): Promise<TicketWrite> {
    if (this.actor) await this.enforce(row, access(this.actor, ticketResource(row)), options);
    // Whatever the policy says, a merged ticket takes no command: it continues elsewhere.
    if (row.merged_into_id !== null) await this.enforce(row, { refused: "merged" }, options);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw await staleTicketError(this.trx, row, options.expectedVersion);
    }
    const write = new TicketWrite(this, row, false);
    this.writes.push(write);
    return write;
  }

  private async enforce(row: TicketRow, decision: TicketDecision, options: OpenOptions): Promise<void> {
    if (decision === "allow") return;
    if (decision === "hide") throw errors.notFound("ticket.not_found");
    if (decision === "forbid") throw errors.forbidden();
    switch (decision.refused) {
      case "merged": {
        const continuesIn = await numberOfTicket(this.trx, row.merged_into_id ?? "");
        throw options.onMerged?.(row.number, continuesIn) ?? errors.merged(continuesIn);
      }
      case "cancelled":
        throw errors.conflict("ticket.cancelled");
      case "reopen_closed":
        throw errors.conflict("ticket.reopen_closed");
    }
  }

  note(row: TicketEventRow): void {
    this.notes.push(row);
  }

  /** Writes every ticket once and records the effects; returns what to do after commit. */
  async finish(): Promise<{ live: LiveEvent[]; emails: number; webhooks: number }> {
    await insertEvents(this.trx, this.notes);
    for (const write of this.writes) await write.flush();
    return recordEffects(
      this.trx,
      this.setup,
      this.writes.map((write) => write.outcome()),
      this.actorId,
      this.now,
    );
  }
}

export interface CommandOptions<R> {
  /** The request's Idempotency-Key: a retry replays the first run's answer instead of running again. */
  idempotency?: { key: IdempotencyKey; codec: ResultCodec<R> } | undefined;
}

/**
 * Runs `body` as one ticket command: one transaction, the tickets it opens locked, written once at
 * the end with their effects; the live events go out after the commit.
 */
export async function ticketCommand<R>(
  ctx: AppContext,
  actor: Actor | null,
  body: (tx: TicketTransaction) => Promise<R>,
  options: CommandOptions<R> = {},
): Promise<R> {
  const { idempotency } = options;
  let outcome: { result: R; live: LiveEvent[]; emails: number; webhooks: number };
  // Outside the transaction: on SQLite its one connection is busy until the commit.
  const setup: EffectsSetup = { config: ctx.config, settings: await settingsOf(ctx) };
  const storedSnapshots = storedSnapshotsOf(ctx.db);
  let committed: TicketTransaction | undefined;
  try {
    outcome = await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const claim = idempotency && (await claimIdempotencyKey(trx, idempotency.key, idempotency.codec, now));
      if (claim && "replayed" in claim) return { result: claim.replayed, live: [], emails: 0, webhooks: 0 };
      const tx = new TicketTransaction(trx, actor, now, setup, storedSnapshots);
      committed = tx;
      const result = await body(tx);
      await claim?.finish(result);
      return { result, ...(await tx.finish()) };
    });
  } catch (error) {
    const raced = idempotency && (await replayAfterRace(ctx.db, error, idempotency.key, idempotency.codec));
    if (raced) return raced.replayed;
    throw error;
  }
  for (const id of committed?.writtenSnapshots ?? []) storedSnapshots.learn(id);
  for (const event of outcome.live) await ctx.live.publish(event);
  if (outcome.emails > 0) ctx.mailer?.nudge();
  if (outcome.webhooks > 0) ctx.webhooks?.nudge();
  return outcome.result;
}
