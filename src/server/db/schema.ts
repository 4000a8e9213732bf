// Kysely's view of the database. Instants are epoch milliseconds (bigint), flags are 0/1 integers and
// JSON is text, so that one set of queries runs unchanged on SQLite and PostgreSQL. Closed sets are
// typed with the contract's enum (the database refuses other values: migration 0011), JSON columns
// with the value their codec in `json.ts` reads and writes. `schema.test.ts` holds this file and the
// migrated databases to each other.
import type { Generated, Kysely, Transaction } from "kysely";
import type { AuditTargetType } from "../../contracts/audit";
import type { TokenPurpose } from "../../contracts/auth";
import type { EstimateStatus } from "../../contracts/billing";
import type { Locale, Role } from "../../contracts/common";
import type { BrazilianState } from "../../contracts/companies";
import type { ErpAlgorithm } from "../../contracts/erp-installations";
import type { ArticleState } from "../../contracts/kb";
import type { NotificationType } from "../../contracts/notifications";
import type { EmailPurpose, EmailTopic, OutboxState } from "../../contracts/outbox";
import type { QueueFilters } from "../../contracts/queue";
import type { CustomHoliday, HolidayRegion, PlanServices, Targets, WeeklyHours } from "../../contracts/sla";
import type {
  Priority,
  SlaMetric,
  TicketChangeField,
  TicketChannel,
  TicketEventType,
  TicketKind,
  TicketStatus,
} from "../../contracts/tickets";
import type { ApiScope, ApiTokenKind } from "../../contracts/tokens";
import type { WebhookEvent } from "../../contracts/webhooks";
import type { Pause } from "../../domain/sla/clock";
import type { SlaPolicy } from "../modules/sla/policy";
import type { Json } from "./json";

/**
 * A flag column as the drivers return it: better-sqlite3 and pg both give the integer 0 or 1. Kept as
 * the number rather than converted to a boolean so rows reach the code exactly as read (no mapping
 * layer to forget on one path) and query conditions (`where("active", "=", 1)`) read like the rows.
 */
export type Flag = 0 | 1;

export const flag = (value: boolean): Flag => (value ? 1 : 0);

export interface CompanyTable {
  id: string;
  name: string;
  /** 14 digits, no punctuation. */
  cnpj: string;
  /** Federative unit, two letters (SP, RJ…). */
  state: BrazilianState;
  city: string;
  active: Flag;
  /** The support plan its tickets are measured against. */
  plan_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface UserTable {
  id: string;
  company_id: string | null;
  name: string;
  /** Lower-cased: e-mail addresses are unique case-insensitively. */
  email: string;
  password_hash: string | null;
  role: Role;
  locale: Locale;
  active: Flag;
  last_login_at: number | null;
  /** The sign-in before the last one: what "último acesso" shows the user. */
  previous_login_at: number | null;
  created_at: number;
  updated_at: number;
  /** When the person was anonymized (LGPD): name, e-mail and sign-ins removed. */
  anonymized_at: number | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a stolen table grants no session. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string;
  user_agent: string;
}

export interface UserTokenTable {
  /** SHA-256 of the one-time link's token. */
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface LoginFailureTable {
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  at: number;
  /** On `ip:` rows, the e-mail the attempt was for (the per-address limit counts distinct accounts). */
  account: string | null;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: AuditTargetType;
  target_id: string;
  /** What the command was given. */
  details: Json<Record<string, unknown>>;
  ip: string | null;
  created_at: number;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface CategoryTable {
  id: string;
  name: string;
  description: string;
  position: number;
  active: Flag;
  created_at: number;
  updated_at: number;
}

export interface ArticleTable {
  id: string;
  category_id: string;
  question: string;
  /** Markdown, as written. */
  answer: string;
  /** Sanitized HTML rendered from `answer` when it was written. */
  answer_html: string;
  position: number;
  /** 1 exactly when `state` is published: what the readers' and search queries filter on. */
  active: Flag;
  helpful_count: number;
  /** Analyzed terms (src/domain/search), matched by the full-text index. */
  search_terms: string;
  created_at: number;
  updated_at: number;
  state: ArticleState;
  /** Who last wrote it in the console; null for seeded answers. */
  updated_by: string | null;
}

/** Who opened an article in the FAQ, how often and when first: views and the deflection rate. */
export interface ArticleReaderTable {
  article_id: string;
  user_id: string;
  company_id: string | null;
  views: number;
  first_read_at: number;
  last_read_at: number;
}

/** "Buscas sem resposta": a normalized query that found nothing, counted per São Paulo day. */
export interface UnansweredSearchTable {
  query: string;
  /** YYYY-MM-DD in São Paulo. */
  day: string;
  count: number;
  last_searched_at: number;
}

/** Each customer's last logged miss, so that typing a longer query within a minute replaces it. */
export interface UnansweredSearchUserTable {
  user_id: string;
  query: string;
  day: string;
  searched_at: number;
}

export interface DeflectionTable {
  id: string;
  article_id: string;
  category_id: string;
  user_id: string;
  company_id: string | null;
  created_at: number;
}

export interface ScreenTable {
  /** ATW0001 */
  code: string;
  name: string;
  module: string;
  active: Flag;
  search_terms: string;
  created_at: number;
  updated_at: number;
  /** The category an ERP link naming this screen opens on; null: the one most chosen for it. */
  category_id: string | null;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface TicketTable {
  id: string;
  /** Sequential, public: what people say on the phone. */
  number: number;
  company_id: string;
  requester_id: string;
  category_id: string;
  screen_code: string;
  subject: string;
  description: string;
  description_html: string;
  example_record: string;
  priority: Priority;
  status: TicketStatus;
  channel: TicketChannel;
  kind: TicketKind;
  assignee_id: string | null;
  related_ticket_id: string | null;
  version: number;
  /** Terms of the subject, description, example record and public replies. */
  search_terms: string;
  /** The plan's policy when the ticket was opened (a shared snapshot); null without a plan. */
  sla_policy_id: string | null;
  created_at: number;
  /** Last change a customer can see (internal notes do not move it). */
  updated_at: number;
  resolved_at: number | null;
  /** The earliest due instant of a running SLA clock; NO_DUE when none runs (sorts last). */
  queue_due_at: number;
  /** The earliest warning instant of a running clock: "vence em breve" once it has passed. */
  queue_warn_at: number | null;
  /** urgent 0, high 1, normal 2, low 3: the "by priority" queue key. */
  priority_order: number;
  /** Set when this ticket was merged into another, which continues the conversation. */
  merged_into_id: string | null;
}

export interface TicketEventTable {
  id: string;
  ticket_id: string;
  type: TicketEventType;
  actor_id: string | null;
  internal: Flag;
  body: string | null;
  body_html: string | null;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  from_priority: Priority | null;
  to_priority: Priority | null;
  /** SLA events: the metric they concern. */
  metric: SlaMetric | null;
  /** "kind_changed" events: the new classification. */
  to_kind: TicketKind | null;
  /** Generic field changes (assignee, category, screen, tags): the field and its values. */
  field: TicketChangeField | null;
  from_value: string | null;
  to_value: string | null;
  /** Merges and links: the other ticket. */
  related_ticket_id: string | null;
  /** The ticket's version after this change. */
  ticket_version: number | null;
  /** Logged phone calls. */
  duration_minutes: number | null;
  created_at: number;
}

export interface AttachmentTable {
  /** Random and unguessable: downloads are reached by this id. */
  id: string;
  /** Null until the upload is attached to a ticket or a message. */
  ticket_id: string | null;
  event_id: string | null;
  uploader_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  /** File name under the attachments folder; never derived from user input. */
  storage_key: string;
  created_at: number;
  /** Whose storage quota it uses: the uploader's company, or the ticket's once attached (null: staff, pending). */
  company_id: string | null;
  /** When the retention setting removed its file (the row stays, so the history names it). */
  purged_at: number | null;
}

/** One accepted upload, for the per-user upload rate limit; purged once out of its window. */
export interface UploadLogTable {
  user_id: string;
  at: number;
  bytes: number;
}

export interface BusinessCalendarTable {
  id: string;
  name: string;
  time_zone: string;
  weekly_hours: Json<WeeklyHours>;
  /** Null: no public holidays at all. */
  holidays: Json<HolidayRegion> | null;
  /** "YYYY-MM-DD", sorted. */
  closed_dates: Json<string[]>;
  open_dates: Json<string[]>;
  /** The admin's own holidays. */
  custom_holidays: Json<CustomHoliday[]>;
  /** "YYYY-MM-DD": generated holidays the admin removed. */
  removed_holidays: Json<string[]>;
  /** Null: offered for new plans; else archived then (kept on the plans that use it). */
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface PlanTable {
  id: string;
  name: string;
  description: string;
  calendar_id: string;
  services: Json<PlanServices>;
  targets: Json<Targets>;
  /** Null: offered for companies; else archived then (kept on the companies that have it). */
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SlaClockTable {
  id: string;
  ticket_id: string;
  metric: SlaMetric;
  cycle: number;
  started_at: number;
  target_minutes: number;
  pauses: Json<Pause[]>;
  due_at: number | null;
  warn_at: number | null;
  met_at: number | null;
  stopped_at: number | null;
  warned_at: number | null;
  breached_at: number | null;
}

export interface SlaPolicyTable {
  /** SHA-256 of `policy`. */
  id: string;
  policy: Json<SlaPolicy>;
  created_at: number;
}

export interface TicketTagTable {
  ticket_id: string;
  tag: string;
  /** 1 while the ticket is open (open, in progress, waiting): kept by triggers (migration 0038). */
  open: Generated<number>;
}

export interface TicketLinkTable {
  ticket_id: string;
  linked_ticket_id: string;
  created_by: string;
  created_at: number;
}

export interface CannedResponseTable {
  id: string;
  /** Null: shared with the whole team. */
  owner_id: string | null;
  title: string;
  /** Markdown with {placeholders}. */
  body: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface TimeEntryTable {
  id: string;
  ticket_id: string;
  user_id: string;
  minutes: number;
  note: string;
  billable: Flag;
  /** YYYY-MM-DD in the vendor's time zone. */
  work_date: string;
  created_at: number;
}

export interface ConsultancyEstimateTable {
  id: string;
  ticket_id: string;
  company_id: string;
  minutes: number;
  description: string;
  /** draft · sent · approved · declined · withdrawn */
  status: EstimateStatus;
  created_by: string;
  created_at: number;
  sent_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  /** YYYY-MM (vendor's time zone) of the decision: the statement month an approval counts in. */
  decided_month: string | null;
}

export interface SavedViewTable {
  id: string;
  owner_id: string;
  name: string;
  /** The queue's filters, as its contract validates them. */
  filters: Json<QueueFilters>;
  shared: Flag;
  created_at: number;
}

export interface NotificationTable {
  id: string;
  /** The staff member it is for; nobody else ever reads or marks it. */
  recipient_id: string;
  /** sla_warning · sla_breach (later types are new values of this column). */
  type: NotificationType;
  ticket_id: string;
  /** SLA notifications: the deadline concerned; null for other types. */
  metric: SlaMetric | null;
  created_at: number;
  /** Null while unread. */
  read_at: number | null;
  /** Who raised it (assigned, mentioned); null for the SLA sweeper's. */
  actor_id: string | null;
}

export interface IdempotencyKeyTable {
  user_id: string;
  /** As the client sent it in the Idempotency-Key header. */
  key: string;
  operation: string;
  /** SHA-256 of the operation and request: a key reused for another request is refused. */
  fingerprint: string;
  /** JSON of the command's answer. */
  result: string;
  created_at: number;
}

export interface SettingTable {
  /** A key of the settings contract (`reopenWindowDays`…). */
  key: string;
  /** JSON of its value. */
  value: string;
  updated_by: string | null;
  updated_at: number;
}

export interface OutboxMessageTable {
  id: string;
  purpose: EmailPurpose;
  recipient_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  reply_to: string | null;
  /** JSON object of further headers. */
  headers: Json<Record<string, string>>;
  ticket_id: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  leased_by: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

/** An endpoint of the vendor's systems that hears of tickets ("Integrações" → "Webhooks"). */
export interface WebhookEndpointTable {
  id: string;
  url: string;
  /** JSON array of the events it subscribed to. */
  events: Json<WebhookEvent[]>;
  /** `whsec_…`: kept readable, as every delivery is signed with it. */
  secret: string;
  /** The secret before the last rotation, still signing beside the new one until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: number | null;
  /** Internal notes reach it too. */
  internal: Flag;
  active: Flag;
  /** "failing" when disabled automatically; null otherwise. */
  disabled_reason: "failing" | null;
  last_attempt_at: number | null;
  last_attempt_ok: Flag | null;
  last_status_code: number | null;
  last_success_at: number | null;
  /** The first failure since the last success: how long it has been failing. */
  failing_since: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/** One event for one endpoint: a lease-queue row like an outbox e-mail (same states and columns). */
export interface WebhookDeliveryTable {
  /** Also the `webhook-id` header: the same on every attempt. */
  id: string;
  endpoint_id: string;
  event: WebhookEvent;
  /** The JSON body `{type, timestamp, data}`, written with the change: the same on every attempt. */
  payload: string;
  ticket_id: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  leased_by: string | null;
  lease_until: number | null;
  last_error: string | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  /** The last answer's first bytes (at most 1 KiB). */
  last_response: string | null;
  created_at: number;
  /** When a 2xx answer came. */
  sent_at: number | null;
}

export interface TicketFollowerTable {
  ticket_id: string;
  user_id: string;
  created_at: number;
}

/** An API token (migration 0025): only its hash is kept. */
export interface ApiTokenTable {
  id: string;
  /** SHA-256 (hex) of the whole value. */
  token_hash: string;
  /** The value's first characters (`ext_AbCd`), shown to tell tokens apart. */
  hint: string;
  kind: ApiTokenKind;
  name: string;
  /** Who the token acts as: its owner (personal) or its service account (service). */
  user_id: string;
  scopes: Json<ApiScope[]>;
  created_by: string | null;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
}

export interface EmailOptOutTable {
  user_id: string;
  topic: EmailTopic;
}

/** An ERP installation allowed to sign its users in with a signed link ("Suporte UNO ERP"). */
export interface ErpInstallationTable {
  id: string;
  name: string;
  company_id: string;
  algorithm: ErpAlgorithm;
  /** HS256 only: the shared secret, shown once when set. */
  secret: string | null;
  /** EdDSA and RS256 only: PEM (SPKI). */
  public_key: string | null;
  creates_users: Flag;
  active: Flag;
  revoked_at: number | null;
  last_used_at: number | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/** A link already used: its id, per installation, until the link's own expiry. */
export interface ErpLinkUseTable {
  installation_id: string;
  jti: string;
  expires_at: number;
}

export interface Database {
  company: CompanyTable;
  app_user: UserTable;
  session: SessionTable;
  user_token: UserTokenTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  category: CategoryTable;
  article: ArticleTable;
  deflection: DeflectionTable;
  article_reader: ArticleReaderTable;
  unanswered_search: UnansweredSearchTable;
  unanswered_search_user: UnansweredSearchUserTable;
  screen: ScreenTable;
  counter: CounterTable;
  ticket: TicketTable;
  ticket_event: TicketEventTable;
  attachment: AttachmentTable;
  upload_log: UploadLogTable;
  business_calendar: BusinessCalendarTable;
  plan: PlanTable;
  sla_clock: SlaClockTable;
  sla_policy: SlaPolicyTable;
  ticket_tag: TicketTagTable;
  ticket_link: TicketLinkTable;
  canned_response: CannedResponseTable;
  time_entry: TimeEntryTable;
  consultancy_estimate: ConsultancyEstimateTable;
  saved_view: SavedViewTable;
  notification: NotificationTable;
  idempotency_key: IdempotencyKeyTable;
  setting: SettingTable;
  outbox_message: OutboxMessageTable;
  email_opt_out: EmailOptOutTable;
  ticket_follower: TicketFollowerTable;
  api_token: ApiTokenTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  erp_installation: ErpInstallationTable;
  erp_link_use: ErpLinkUseTable;
}

export type Db = Kysely<Database>;
/** A connection or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
