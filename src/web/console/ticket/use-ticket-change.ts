// Staff changes to a ticket through PATCH with the version on screen. A stale version (409) reloads the
// ticket and keeps what was tried, so the agent reads what changed meanwhile and may apply it again.
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Ticket, UpdateTicketRequest } from "../../../contracts/tickets";
import { isApiError } from "../../api/api-error";
import { queryKeys } from "../../api/query-keys";
import { useUpdateTicket } from "../../api/tickets";
import { useI18n } from "../../i18n/i18n";
import { type StaleTicket, staleTicketOf } from "./conflict-text";

export type TicketChanges = Omit<UpdateTicketRequest, "version">;

export interface TicketChangeControl {
  change: (changes: TicketChanges, successMessage?: string) => void;
  pending: boolean;
  error: Error | null;
  /** Set after a 409: what changed since, and the change that was refused. */
  stale: (StaleTicket & { refused: TicketChanges }) | undefined;
  /** Sends the refused change again, with the reloaded ticket's version. */
  reapply: () => void;
  /** Whether the reloaded ticket is on screen (reapplying before it would be stale again). */
  reloaded: boolean;
}

export function useTicketChange(ticket: Ticket): TicketChangeControl {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateTicket(ticket.number);
  const [refused, setRefused] = useState<TicketChanges | null>(null);
  const staleInfo = staleTicketOf(update.error);

  const change = (changes: TicketChanges, successMessage = t("ticket.updated")) =>
    update.mutate(
      { version: ticket.version, ...changes },
      {
        onSuccess: () => {
          setRefused(null);
          notifications.show({ color: "teal", message: successMessage });
        },
        onError: (error) => {
          if (!isApiError(error) || error.status !== 409) return;
          // Someone else changed it meanwhile: show what it is now before anyone tries again.
          setRefused(changes);
          void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.number) });
        },
      },
    );

  const stale = staleInfo && refused ? { ...staleInfo, refused } : undefined;
  return {
    change,
    pending: update.isPending,
    error: update.error,
    stale,
    reapply: () => {
      if (refused) change(refused);
    },
    reloaded: stale !== undefined && ticket.version >= stale.version,
  };
}
