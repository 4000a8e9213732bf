// The audit trail's vocabulary: what kind of record an entry is about. Not served by any endpoint yet;
// the database refuses any other value (migration 0011).
import { z } from "zod";

export const AuditTargetType = z.enum([
  "calendar",
  "canned_response",
  "company",
  "plan",
  "saved_view",
  "ticket",
  "user",
]);
export type AuditTargetType = z.infer<typeof AuditTargetType>;
