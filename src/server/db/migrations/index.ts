// Every migration, by name: imported statically so the bundled server carries them.
import type { Migration } from "kysely";
import * as foundation from "./20261128_0001_foundation";
import * as tickets from "./20261128_0002_tickets";
import * as plans from "./20261128_0003_plans";
import * as slaClocks from "./20261128_0004_sla_clocks";
import * as calendarHolidays from "./20261128_0005_calendar_holidays";
import * as notifications from "./20261128_0006_notifications";
import * as console from "./20261128_0007_console";
import * as billing from "./20261128_0008_billing";
import * as notificationActor from "./20261128_0009_notification_actor";
import * as queueFilterCounts from "./20261128_0010_queue_filter_counts";
import * as checkConstraints from "./20261206_0011_check_constraints";
import * as attachmentStorage from "./20261206_0012_attachment_storage";
import * as loginAttemptAccount from "./20261206_0013_login_attempt_account";
import * as idempotencyKeys from "./20261206_0014_idempotency_keys";
import * as settings from "./20261206_0015_settings";
import * as accountLists from "./20261206_0016_account_lists";
import * as knowledgeBase from "./20261206_0017_knowledge_base";
import * as catalog from "./20261206_0018_catalog";
import * as auditPrivacy from "./20261206_0019_audit_privacy";
import * as searchTerms from "./20261206_0020_search_terms";
import * as outbox from "./20261206_0021_outbox";
import * as ticketFollowers from "./20261206_0022_ticket_followers";
import * as outboxQueueIndex from "./20261206_0023_outbox_queue_index";
import * as erpInstallations from "./20261206_0024_erp_installations";
import * as apiTokens from "./20261206_0025_api_tokens";
import * as webhooks from "./20261206_0026_webhooks";
import * as outboxSlim from "./20261206_0027_outbox_slim";
import * as runningDeadlinesIndex from "./20261206_0028_running_deadlines_index";
import * as ticketSearchVector from "./20261206_0029_ticket_search_vector";
import * as ticketNumberSequence from "./20261206_0030_ticket_number_sequence";
import * as sweeperDueIndexes from "./20261206_0031_sweeper_due_indexes";
import * as dropIndexSamples from "./20261207_0032_drop_index_samples";
import * as assigneeFilterCounts from "./20261207_0033_assignee_filter_counts";
import * as queueFilterDueIndexes from "./20261208_0034_queue_filter_due_indexes";
import * as screenUpdatedIndex from "./20261208_0035_screen_updated_index";
import * as queueWalksHoldFilters from "./20261208_0036_queue_walks_hold_filters";
import * as openTicketIds from "./20261208_0037_open_ticket_ids";
import * as tagEntriesOpen from "./20261208_0038_tag_entries_open";

export const migrations: Record<string, Migration> = {
  "20261128_0001_foundation": foundation,
  "20261128_0002_tickets": tickets,
  "20261128_0003_plans": plans,
  "20261128_0004_sla_clocks": slaClocks,
  "20261128_0005_calendar_holidays": calendarHolidays,
  "20261128_0006_notifications": notifications,
  "20261128_0007_console": console,
  "20261128_0008_billing": billing,
  "20261128_0009_notification_actor": notificationActor,
  "20261128_0010_queue_filter_counts": queueFilterCounts,
  "20261206_0011_check_constraints": checkConstraints,
  "20261206_0012_attachment_storage": attachmentStorage,
  "20261206_0013_login_attempt_account": loginAttemptAccount,
  "20261206_0014_idempotency_keys": idempotencyKeys,
  "20261206_0015_settings": settings,
  "20261206_0016_account_lists": accountLists,
  "20261206_0017_knowledge_base": knowledgeBase,
  "20261206_0018_catalog": catalog,
  "20261206_0019_audit_privacy": auditPrivacy,
  "20261206_0020_search_terms": searchTerms,
  "20261206_0021_outbox": outbox,
  "20261206_0022_ticket_followers": ticketFollowers,
  "20261206_0023_outbox_queue_index": outboxQueueIndex,
  "20261206_0024_erp_installations": erpInstallations,
  "20261206_0025_api_tokens": apiTokens,
  "20261206_0026_webhooks": webhooks,
  "20261206_0027_outbox_slim": outboxSlim,
  "20261206_0028_running_deadlines_index": runningDeadlinesIndex,
  "20261206_0029_ticket_search_vector": ticketSearchVector,
  "20261206_0030_ticket_number_sequence": ticketNumberSequence,
  "20261206_0031_sweeper_due_indexes": sweeperDueIndexes,
  "20261207_0032_drop_index_samples": dropIndexSamples,
  "20261207_0033_assignee_filter_counts": assigneeFilterCounts,
  "20261208_0034_queue_filter_due_indexes": queueFilterDueIndexes,
  "20261208_0035_screen_updated_index": screenUpdatedIndex,
  "20261208_0036_queue_walks_hold_filters": queueWalksHoldFilters,
  "20261208_0037_open_ticket_ids": openTicketIds,
  "20261208_0038_tag_entries_open": tagEntriesOpen,
};
