// "Seguir esta ocorrência": a colleague of the requester gets this ticket's e-mails too. Shown to
// colleagues only: whoever opened the ticket gets them anyway.
import { Paper, Switch } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TicketFollowing } from "../../../contracts/tickets";
import { apiRequest } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function FollowTicket({ number }: { number: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = queryKeys.ticketFollowing(number);
  const following = useQuery({
    queryKey: key,
    queryFn: () => apiRequest("GET", `/api/v1/tickets/${number}/following`, TicketFollowing),
  });
  const change = useMutation({
    mutationFn: (next: boolean) =>
      apiRequest("PUT", `/api/v1/tickets/${number}/following`, TicketFollowing, { following: next }),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
  if (!following.data || following.data.isRequester) return null;
  return (
    <Paper withBorder radius="md" p="sm">
      <Switch
        label={t("ticket.follow")}
        description={t("ticket.followHelp")}
        checked={following.data.following}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.checked)}
      />
      <ErrorAlert error={change.error} />
    </Paper>
  );
}
