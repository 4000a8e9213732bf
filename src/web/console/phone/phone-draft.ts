// The phone log's values as typed: who called, the portal form's fields and the call's minutes; the
// request they make and the checks made before sending it (the portal form's own, plus ours).
import { PhoneTicketRequest } from "../../../contracts/phone";
import type { Translate } from "../../../i18n";
import { fieldMessages } from "../../../i18n/zod-issues";
import {
  checkDraft,
  emptyDraft,
  type FieldProblems,
  requestOf,
  type TicketDraft,
} from "../../portal/new-ticket/ticket-draft";

export interface PhoneDraft extends TicketDraft {
  companyId: string | null;
  requesterId: string | null;
  categoryId: string | null;
  /** As the number field gives it: a number, or "" while empty. */
  durationMinutes: number | string;
}

export const emptyPhoneDraft: PhoneDraft = {
  ...emptyDraft,
  companyId: null,
  requesterId: null,
  categoryId: null,
  durationMinutes: "",
};

/** The fields the phone log shows beyond the portal form's; the server's field errors use the same keys. */
export const CALL_FIELDS = ["companyId", "requesterId", "categoryId", "durationMinutes"] as const;

/** The request as the server will read it; unfinished fields are sent as typed, for the server to judge. */
export function phoneRequestOf(draft: PhoneDraft, attachmentIds: string[]) {
  return {
    ...requestOf(draft, { categoryId: draft.categoryId ?? "", attachmentIds, relatedTicketNumber: null }),
    requesterId: draft.requesterId ?? "",
    durationMinutes: typeof draft.durationMinutes === "number" ? draft.durationMinutes : undefined,
  };
}

/** The portal form's checks, then who called, the category and the minutes (1–600), as the server words them. */
export function checkPhoneDraft(draft: PhoneDraft, attachmentIds: string[], t: Translate): FieldProblems {
  const problems = checkDraft(
    draft,
    { categoryId: draft.categoryId ?? "", attachmentIds, relatedTicketNumber: null },
    t,
  );
  const request = phoneRequestOf(draft, attachmentIds);
  const checked = PhoneTicketRequest.safeParse(request);
  const contract = checked.success ? {} : fieldMessages(checked.error.issues, t, request);
  if (contract.durationMinutes) problems.durationMinutes = contract.durationMinutes;
  const required = t("validation.required");
  if (draft.companyId === null) problems.companyId = required;
  if (draft.requesterId === null)
    problems.requesterId = draft.companyId === null ? t("phone.requesterFirst") : required;
  if (draft.categoryId === null) problems.categoryId = required;
  else delete problems.categoryId;
  return problems;
}
