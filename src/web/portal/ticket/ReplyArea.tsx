// Below a customer's ticket: the reply box, with a word about reopening, or the offer of a new linked ticket.
import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconFilePlus, IconInfoCircle, IconLockAccess } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { Ticket } from "../../../contracts/tickets";
import { ReplyBox } from "../../components/tickets/ReplyBox";
import { useI18n } from "../../i18n/i18n";
import { linkedTicketPath, replyWindowOf } from "./reply-window";

export function ReplyArea({ ticket }: { ticket: Ticket }) {
  const { t, formatDateTime } = useI18n();
  const [refusedByServer, setRefusedByServer] = useState(false);
  const replyWindow = replyWindowOf(ticket, new Date(), refusedByServer);

  if (replyWindow.kind === "closed")
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconLockAccess size={18} />}
        title={ticket.status === "cancelled" ? t("ticket.cancelledNotice") : t("ticket.reopenClosedTitle")}
        role="status"
      >
        <Stack gap="sm" align="flex-start">
          <Text fz="sm">{t("ticket.reopenClosed")}</Text>
          <Button component={Link} to={linkedTicketPath(ticket)} leftSection={<IconFilePlus size={16} />}>
            {t("ticket.openRelated")}
          </Button>
        </Stack>
      </Alert>
    );
  if (!ticket.abilities.reply) return null;
  return (
    <Stack gap="sm">
      {replyWindow.kind === "reopens" && (
        <Alert color="teal" variant="light" icon={<IconInfoCircle size={18} />}>
          {t("ticket.reopenOpen", { date: formatDateTime(replyWindow.until) })}
        </Alert>
      )}
      <ReplyBox ticket={ticket} onRefused={() => setRefusedByServer(true)} />
    </Stack>
  );
}
