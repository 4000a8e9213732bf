// "Resposta" and "Responder" (with optional attachments); staff may switch it to an internal note.
import { Alert, Button, Group, Paper, Stack, Switch, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock, IconSend } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { AddMessageRequest, type Ticket } from "../../../contracts/tickets";
import type { Translate } from "../../../i18n";
import { fieldMessages } from "../../../i18n/zod-issues";
import { type ApiError, fieldError, isApiError } from "../../api/api-error";
import { useAddMessage } from "../../api/tickets";
import { useI18n } from "../../i18n/i18n";
import { AttachmentPicker } from "../attachments/AttachmentPicker";
import { useAttachmentUploads } from "../attachments/use-attachment-uploads";
import { ErrorAlert } from "../ErrorAlert";

/** Codes with which the server refuses a reply and offers a new linked ticket instead. */
const REFUSED_FOR_GOOD = new Set(["ticket.reopen_closed", "ticket.cancelled"]);

interface ReplyBoxProps {
  ticket: Ticket;
  /** The server will not take replies on this ticket any more (finalizada too long ago, cancelada). */
  onRefused?: (error: ApiError) => void;
}

export function ReplyBox({ ticket, onRefused }: ReplyBoxProps) {
  const { t } = useI18n();
  const addMessage = useAddMessage(ticket.number);
  const uploads = useAttachmentUploads();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const staff = ticket.abilities.addInternalNote;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = { body, internal, attachmentIds: uploads.attachmentIds };
    const found = uploads.uploading ? t("attachments.wait") : bodyProblem(request, t);
    setProblem(found);
    if (found) return;
    addMessage.mutate(request, {
      onSuccess: () => {
        setBody("");
        setInternal(false);
        uploads.clear();
        notifications.show({ color: "teal", message: internal ? t("reply.noteSaved") : t("reply.sent") });
      },
      onError: (error) => {
        if (isApiError(error) && REFUSED_FOR_GOOD.has(error.code)) onRefused?.(error);
      },
    });
  };

  const refused = isApiError(addMessage.error) && REFUSED_FOR_GOOD.has(addMessage.error.code);
  return (
    <Paper
      component="form"
      onSubmit={submit}
      noValidate
      withBorder
      radius="lg"
      p="lg"
      bg={internal ? "yellow.0" : undefined}
      style={internal ? { borderColor: "var(--mantine-color-yellow-5)" } : undefined}
    >
      <Stack gap="md">
        {!refused && <ErrorAlert error={addMessage.error} />}
        <Textarea
          label={t("reply.label")}
          placeholder={placeholderFor(staff, internal, t)}
          autosize
          minRows={4}
          maxRows={16}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={problem ?? fieldError(addMessage.error, "body")}
        />
        <AttachmentPicker uploads={uploads} />
        {internal && (
          <Alert color="yellow" variant="light" icon={<IconLock size={16} />} py={6}>
            {t("reply.internalHint")}
          </Alert>
        )}
        <Group justify={staff ? "space-between" : "flex-end"} wrap="wrap">
          {staff && (
            <Switch
              label={t("reply.internal")}
              checked={internal}
              onChange={(event) => setInternal(event.currentTarget.checked)}
              color="yellow.7"
            />
          )}
          <Button
            type="submit"
            loading={addMessage.isPending}
            color={internal ? "yellow.8" : undefined}
            leftSection={internal ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
          >
            {internal ? t("reply.submitNote") : t("reply.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The contract's own rule (text, or at least one file), worded as the server would word it. */
function bodyProblem(request: AddMessageRequest, t: Translate): string | null {
  const checked = AddMessageRequest.safeParse(request);
  return checked.success ? null : (fieldMessages(checked.error.issues, t, request).body ?? null);
}

function placeholderFor(staff: boolean, internal: boolean, t: Translate): string {
  if (internal) return t("reply.notePlaceholder");
  return staff ? t("reply.staffPlaceholder") : t("reply.placeholder");
}
