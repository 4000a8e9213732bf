// "Ocorrências vinculadas": each related ticket's number (a link), subject and status; staff may
// pass an action per row (removing the relation).
import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { LinkedTicket } from "../../../contracts/tickets";
import { useI18n } from "../../i18n/i18n";
import { StatusBadge } from "./StatusBadge";

interface RelatedTicketsProps {
  links: readonly LinkedTicket[];
  ticketPath: (number: number) => string;
  /** Staff's control beside each row. */
  action?: (link: LinkedTicket) => ReactNode;
  /** Below the list: staff's form to relate another ticket. */
  children?: ReactNode;
}

export function RelatedTickets({ links, ticketPath, action, children }: RelatedTicketsProps) {
  const { t } = useI18n();
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="related-tickets">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="related-tickets">
          {t("links.title")}
        </Title>
        {links.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t("links.empty")}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {links.map((link) => (
              <Group key={link.number} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Stack gap={2} miw={0}>
                  <Anchor component={Link} to={ticketPath(link.number)} fz="sm" fw={600}>
                    {t("ticket.title", { number: link.number })}
                  </Anchor>
                  <Text fz="xs" c="dimmed" truncate>
                    {link.subject}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <StatusBadge status={link.status} size="sm" />
                  {action?.(link)}
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
