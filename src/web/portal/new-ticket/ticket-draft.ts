// The new-ticket form's values as typed, the request they make, and the checks made before sending it.
import { CreateTicketRequest, type Priority } from "../../../contracts/tickets";
import type { Translate } from "../../../i18n";
import { fieldMessages } from "../../../i18n/zod-issues";

export interface TicketDraft {
  subject: string;
  description: string;
  /** What the screen field shows: a typed code or name, or the picked "ATW0001 – Atendimento ao Cliente". */
  screen: string;
  exampleRecord: string;
  priority: Priority | null;
}

export const emptyDraft: TicketDraft = {
  subject: "",
  description: "",
  screen: "",
  exampleRecord: "",
  priority: null,
};

/** The fields the form shows, by the contract's names; the server's field errors use the same keys. */
export const FORM_FIELDS = ["subject", "description", "screenCode", "exampleRecord", "priority"] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldProblems = Partial<Record<string, string>>;

/** The screen code at the start of the field ("ATW0001 – Atendimento ao Cliente", "atw0001"), if any. */
export function screenCodeOf(screen: string): string | null {
  const match = /^\s*([A-Za-z]{3}\d{4})\b/.exec(screen);
  return match?.[1]?.toUpperCase() ?? null;
}

interface RequestContext {
  categoryId: string;
  attachmentIds: string[];
  relatedTicketNumber: number | null;
}

/** The request as the server will read it; unfinished fields are sent as typed, for the server to judge. */
export function requestOf(draft: TicketDraft, context: RequestContext) {
  return {
    categoryId: context.categoryId,
    subject: draft.subject,
    description: draft.description,
    screenCode: screenCodeOf(draft.screen) ?? draft.screen.trim(),
    exampleRecord: draft.exampleRecord,
    priority: draft.priority ?? undefined,
    attachmentIds: context.attachmentIds,
    ...(context.relatedTicketNumber !== null && { relatedTicketNumber: context.relatedTicketNumber }),
  };
}

/**
 * Every field is required; otherwise the contract's own rules, worded as the server words them.
 * The server stays the authority (an unknown screen code is only caught there).
 */
export function checkDraft(draft: TicketDraft, context: RequestContext, t: Translate): FieldProblems {
  const request = requestOf(draft, context);
  const checked = CreateTicketRequest.safeParse(request);
  const problems: FieldProblems = checked.success ? {} : fieldMessages(checked.error.issues, t, request);
  const typed: Record<FormField, string> = {
    subject: draft.subject,
    description: draft.description,
    screenCode: draft.screen,
    exampleRecord: draft.exampleRecord,
    priority: draft.priority ?? "",
  };
  for (const field of FORM_FIELDS) if (typed[field].trim() === "") problems[field] = t("validation.required");
  if (draft.screen.trim() !== "" && screenCodeOf(draft.screen) === null)
    problems.screenCode = t("newTicket.screenPick");
  return problems;
}

export function hasProblems(problems: FieldProblems): boolean {
  return Object.keys(problems).length > 0;
}
