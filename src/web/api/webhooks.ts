// "Integrações" → "Webhooks" (admins): endpoints, their deliveries and "reenviar".
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  type CreateWebhookRequest,
  type UpdateWebhookRequest,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookList,
  WebhookWithSecret,
} from "../../contracts/webhooks";
import { apiCommand, apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 25;

export function useWebhooks() {
  return useQuery({
    queryKey: queryKeys.webhooks,
    queryFn: () => apiRequest("GET", "/api/v1/webhooks", WebhookList),
  });
}

export function useWebhook(id: string) {
  return useQuery({
    queryKey: [...queryKeys.webhooks, "one", id],
    queryFn: () => apiRequest("GET", `/api/v1/webhooks/${encodeURIComponent(id)}`, Webhook),
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateWebhookRequest>) =>
      apiRequest("POST", "/api/v1/webhooks", WebhookWithSecret, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

/** Answers with the new secret when `rotateSecret` was asked. */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateWebhookRequest & { id: string }) =>
      apiRequest(
        "PATCH",
        `/api/v1/webhooks/${encodeURIComponent(id)}`,
        z.union([WebhookWithSecret, Webhook]),
        body,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand("DELETE", `/api/v1/webhooks/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}

export function useWebhookDeliveries(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/webhooks/${encodeURIComponent(id)}/deliveries${searchOf({ cursor: pageParam, limit: PAGE_SIZE })}`,
        WebhookDeliveryPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useResendWebhookDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      apiRequest(
        "POST",
        `/api/v1/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/resend`,
        WebhookDelivery,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks }),
  });
}
