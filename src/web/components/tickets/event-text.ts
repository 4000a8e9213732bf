// What a history event says in one line: "Status alterado de aberta para em andamento", "Nota interna"…
import type { Locale } from "../../../contracts/common";
import type { Priority, TicketEvent, TicketStatus } from "../../../contracts/tickets";
import type { Translate } from "../../../i18n";

export function eventText(event: TicketEvent, t: Translate, locale: Locale): string {
  switch (event.type) {
    case "opened":
      // Staff open tickets only by logging a customer's phone call.
      return event.actor?.staff
        ? t("ticket.event.openedByPhone", { name: event.actor.name })
        : t("ticket.event.opened");
    case "message":
      return event.internal ? t("ticket.event.note") : t("ticket.event.message");
    case "status_changed":
      return t("ticket.event.statusChanged", {
        from: statusInSentence(event.fromStatus, t, locale),
        to: statusInSentence(event.toStatus, t, locale),
      });
    case "priority_changed":
      return t("ticket.event.priorityChanged", {
        from: priorityInSentence(event.fromPriority, t, locale),
        to: priorityInSentence(event.toPriority, t, locale),
      });
    case "attachment_added":
      return t("ticket.event.attachmentAdded");
    case "reopened":
      return t("ticket.event.reopened");
    case "sla_warning":
      return t("ticket.event.slaWarning", { deadline: deadlineInSentence(event.metric, t) });
    case "sla_breach":
      return t("ticket.event.slaBreach", { deadline: deadlineInSentence(event.metric, t) });
    case "kind_changed":
      return event.toKind === "consultancy" ? t("ticket.event.toConsultancy") : t("ticket.event.toSupport");
    case "assigned":
      return event.toValue ? t("ticket.event.assigned", { to: event.toValue }) : t("ticket.event.unassigned");
    case "category_changed":
      return t("ticket.event.categoryChanged", values(event));
    case "screen_changed":
      return t("ticket.event.screenChanged", values(event));
    case "tags_changed":
      return event.toValue
        ? t("ticket.event.tagsChanged", { to: event.toValue })
        : t("ticket.event.tagsCleared");
    case "call_logged":
      return t("ticket.event.callLogged", { minutes: event.durationMinutes ?? 0 });
    case "merged":
      return t("ticket.event.merged", { number: event.relatedTicketNumber ?? "—" });
    case "merged_from":
      return t("ticket.event.mergedFrom", { number: event.relatedTicketNumber ?? "—" });
    case "linked":
      // Undoing a link is recorded as the link going from "#1042" to nothing.
      return event.toValue === null && event.fromValue !== null
        ? t("ticket.event.unlinked", { number: event.relatedTicketNumber ?? "—" })
        : t("ticket.event.linked", { number: event.relatedTicketNumber ?? "—" });
    case "estimate_sent":
      return t("ticket.event.estimateSent");
    case "estimate_approved":
      return t("ticket.event.estimateApproved");
    case "estimate_declined":
      return t("ticket.event.estimateDeclined");
    case "estimate_withdrawn":
      return t("ticket.event.estimateWithdrawn");
  }
}

function values(event: TicketEvent): { from: string; to: string } {
  return { from: event.fromValue ?? "—", to: event.toValue ?? "—" };
}

function deadlineInSentence(metric: TicketEvent["metric"], t: Translate): string {
  return metric ? t(`sla.metric.${metric}`) : "—";
}

/** Inside a sentence a status is written in lower case: "de aberta para em andamento". */
function statusInSentence(status: TicketStatus | null, t: Translate, locale: Locale): string {
  return status ? t(`ticket.status.${status}`).toLocaleLowerCase(locale) : "—";
}

function priorityInSentence(priority: Priority | null, t: Translate, locale: Locale): string {
  return priority ? t(`ticket.priority.${priority}`).toLocaleLowerCase(locale) : "—";
}
