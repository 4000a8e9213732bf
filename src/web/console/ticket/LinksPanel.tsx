// "Ocorrências vinculadas" in the console: the list, a remove button per row and "Vincular ocorrência".
import { ActionIcon, Button, Group, NumberInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLink, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import type { Ticket } from "../../../contracts/tickets";
import { fieldError } from "../../api/api-error";
import { useLinkTicket, useUnlinkTicket } from "../../api/console-calls";
import { ErrorAlert } from "../../components/ErrorAlert";
import { RelatedTickets } from "../../components/tickets/RelatedTickets";
import { useI18n } from "../../i18n/i18n";

interface LinksPanelProps {
  ticket: Ticket;
  ticketPath: (number: number) => string;
}

export function LinksPanel({ ticket, ticketPath }: LinksPanelProps) {
  const { t } = useI18n();
  const link = useLinkTicket(ticket.number);
  const unlink = useUnlinkTicket(ticket.number);
  const [other, setOther] = useState<number | string>("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (typeof other !== "number") return;
    link.mutate(other, {
      onSuccess: () => {
        setOther("");
        notifications.show({ color: "teal", message: t("links.added") });
      },
    });
  };

  return (
    <RelatedTickets
      links={ticket.links}
      ticketPath={ticketPath}
      action={(linked) =>
        ticket.abilities.link && (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t("links.remove", { number: linked.number })}
            loading={unlink.isPending && unlink.variables === linked.number}
            onClick={() =>
              unlink.mutate(linked.number, {
                onSuccess: () => notifications.show({ color: "teal", message: t("links.removed") }),
              })
            }
          >
            <IconX size={14} />
          </ActionIcon>
        )
      }
    >
      <ErrorAlert error={unlink.error ?? (fieldError(link.error, "number") ? null : link.error)} />
      {ticket.abilities.link && (
        <form onSubmit={submit} noValidate aria-label={t("links.add")}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <NumberInput
              label={t("links.add")}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              size="sm"
              style={{ flex: 1 }}
              value={other}
              onChange={setOther}
              error={fieldError(link.error, "number")}
            />
            <Button
              type="submit"
              size="sm"
              variant="light"
              loading={link.isPending}
              leftSection={<IconLink size={14} aria-hidden />}
            >
              {t("links.submit")}
            </Button>
          </Group>
        </form>
      )}
    </RelatedTickets>
  );
}
