// What a stale update's 409 says happened meanwhile: "Carlos Menezes: Status alterado de aberta para
// em andamento", one line per change, oldest first.
import type { Locale } from "../../../contracts/common";
import { StaleTicketResponse, type TicketChange } from "../../../contracts/tickets";
import type { Translate } from "../../../i18n";
import { isApiError } from "../../api/api-error";
import { eventText } from "../../components/tickets/event-text";

export interface StaleTicket {
  /** The ticket's version now. */
  version: number;
  changes: TicketChange[];
}

/** The 409's details when an update was refused for a stale version; undefined for anything else. */
export function staleTicketOf(error: unknown): StaleTicket | undefined {
  if (!isApiError(error) || error.status !== 409 || error.code !== "ticket.stale_version") return undefined;
  const parsed = StaleTicketResponse.shape.error.safeParse(error.details);
  if (!parsed.success) return { version: 0, changes: [] };
  return { version: parsed.data.version ?? 0, changes: parsed.data.changes ?? [] };
}

export function conflictLine(change: TicketChange, t: Translate, locale: Locale): string {
  return t("conflict.line", {
    who: change.actor?.name ?? t("conflict.someone"),
    what: eventText({ ...change, id: "", bodyHtml: null, attachments: [] }, t, locale),
  });
}
