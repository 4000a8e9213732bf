// A deadline in one line: "Primeira resposta até 22/04/2026 14:00", "…: cumprido em …",
// "…: respondida com atraso em …" (met, but after its due time) or "…: pausado — aguardando você".
import type { TicketSla } from "../../../contracts/tickets";
import type { Translate } from "../../../i18n";

type Deadline = TicketSla["deadlines"][number];

/** Who reads the page: a paused deadline waits for "você" (the customer) or for "cliente" (staff's words). */
export type Audience = "customer" | "staff";

const MET_LATE = {
  first_response: "ticket.sla.metLate.response",
  next_response: "ticket.sla.metLate.response",
  resolution: "ticket.sla.metLate.resolution",
} as const;

export function deadlineText(
  t: Translate,
  formatDateTime: (instant: string) => string,
  deadline: Deadline,
  audience: Audience,
): string {
  const name = t(`ticket.sla.metric.${deadline.metric}`);
  if (deadline.metAt) {
    // Met after its due time: the badge says "violado", the line says when it was done.
    const key = deadline.state === "breached" ? MET_LATE[deadline.metric] : "ticket.sla.metAt";
    return t(key, { deadline: name, date: formatDateTime(deadline.metAt) });
  }
  // The clock stands still while paused: there is no due time to show.
  if (deadline.state === "paused" || !deadline.dueAt) {
    const key = audience === "customer" ? "ticket.sla.pausedForCustomer" : "ticket.sla.pausedForStaff";
    return t(key, { deadline: name });
  }
  return t("ticket.sla.dueAt", { deadline: name, date: formatDateTime(deadline.dueAt) });
}
