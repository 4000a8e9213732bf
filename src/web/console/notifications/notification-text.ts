// What a notification says: "Vence em breve: primeira resposta", "Ocorrência atribuída a você" and "#1042 Erro ao gravar contato (Metalúrgica Paulista)".
import type { Notification } from "../../../contracts/notifications";
import type { Translate } from "../../../i18n";

export interface NotificationText {
  headline: string;
  ticket: string;
}

export function notificationText(notification: Notification, t: Translate): NotificationText {
  const { ticket } = notification;
  const about = t("notifications.ticket", {
    number: ticket.number,
    subject: ticket.subject,
    company: ticket.companyName,
  });
  const deadline = notification.metric ? t(`sla.metric.${notification.metric}`) : "—";
  switch (notification.type) {
    case "sla_warning":
      return { headline: t("notifications.slaWarning", { deadline }), ticket: about };
    case "sla_breach":
      return { headline: t("notifications.slaBreach", { deadline }), ticket: about };
    case "ticket_assigned":
      return {
        headline: notification.actorName
          ? t("notifications.ticketAssignedBy", { actor: notification.actorName })
          : t("notifications.ticketAssigned"),
        ticket: about,
      };
    case "mention":
      return {
        headline: notification.actorName
          ? t("notifications.mentionBy", { actor: notification.actorName })
          : t("notifications.mention"),
        ticket: about,
      };
  }
}

/** The whole notification in one line, for screen readers and tests. */
export function notificationLine(notification: Notification, t: Translate): string {
  const text = notificationText(notification, t);
  return `${text.headline} — ${text.ticket}`;
}
