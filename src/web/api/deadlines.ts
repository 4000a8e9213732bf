// "Como este prazo foi calculado": one of a ticket's deadlines explained, fetched only when asked for.
import { useQuery } from "@tanstack/react-query";
import { DeadlineExplanation } from "../../contracts/sla";
import { apiRequest } from "./client";
import { queryKeys, type SlaMetric } from "./query-keys";

export function useDeadlineExplanation(number: number, metric: SlaMetric, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.ticketDeadline(number, metric),
    queryFn: () => apiRequest("GET", `/api/v1/tickets/${number}/deadlines/${metric}`, DeadlineExplanation),
    enabled,
  });
}
