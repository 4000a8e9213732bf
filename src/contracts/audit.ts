// The audit trail's vocabulary: what kind of record an entry is about. Not served by any endpoint yet;
// the database refuses any other value (migration 0011).
import { z } from "zod";

export const AuditTargetType = z.enum([
  "api_token",
  "article",
  "calendar",
  "canned_response",
  "category",
  "company",
  "erp_installation",
  "outbox_message",
  "plan",
  "saved_view",
  "screen",
  "settings",
  "ticket",
  "user",
  "webhook",
]);
export type AuditTargetType = z.infer<typeof AuditTargetType>;
