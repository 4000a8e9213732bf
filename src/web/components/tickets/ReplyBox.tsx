// "Resposta" and "Responder" (with optional attachments); staff may switch it to an internal note.
import { Alert, Button, Group, Paper, Stack, Switch, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLock, IconSend } from "@tabler/icons-react";
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
} from "react";
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

/** What the console does to the box from outside: shortcuts and canned responses. */
export interface ReplyBoxHandle {
  /** Focuses the text, switched to a public reply or (staff) to an internal note, or as it was. */
  focus(internal?: boolean): void;
  /** Puts text at the cursor (replacing any selection), still editable before sending. */
  insert(text: string): void;
}

interface ReplyBoxProps {
  ticket: Ticket;
  /** The server will not take replies on this ticket any more (finalizada too long ago, cancelada). */
  onRefused?: (error: ApiError) => void;
  ref?: Ref<ReplyBoxHandle>;
  /** More buttons beside the submit button (the console's canned responses). */
  tools?: ReactNode;
  /** Told whether a reply is being written (the box has text or focus): "está respondendo". */
  onComposingChange?: (composing: boolean) => void;
  /** Keys typed in the text, before the box handles them (the console's "\" at a line's start). */
  onTextKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

export function ReplyBox({ ticket, onRefused, ref, tools, onComposingChange, onTextKeyDown }: ReplyBoxProps) {
  const { t } = useI18n();
  const addMessage = useAddMessage(ticket.number);
  const uploads = useAttachmentUploads();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const staff = ticket.abilities.addInternalNote;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [focused, setFocused] = useState(false);
  const composing = focused || body.trim() !== "";
  useEffect(() => onComposingChange?.(composing), [composing, onComposingChange]);
  useImperativeHandle(
    ref,
    () => ({
      focus: (note) => {
        if (note !== undefined) setInternal(note && staff);
        textarea.current?.focus();
      },
      insert: (text) => {
        const element = textarea.current;
        const value = element?.value ?? body;
        const start = element?.selectionStart ?? value.length;
        const end = element?.selectionEnd ?? value.length;
        setBody(value.slice(0, start) + text + value.slice(end));
        // After React has written the new text: the cursor goes to the end of what was inserted.
        requestAnimationFrame(() => {
          element?.focus();
          element?.setSelectionRange(start + text.length, start + text.length);
        });
      },
    }),
    [body, staff],
  );

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
          ref={textarea}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onKeyDown={onTextKeyDown}
          error={problem ?? fieldError(addMessage.error, "body")}
        />
        <AttachmentPicker uploads={uploads} />
        {internal && (
          <Alert color="yellow" variant="light" icon={<IconLock size={16} />} py={6}>
            {t("reply.internalHint")}
            <Text fz="xs" c="dimmed">
              {t("reply.mentionHint")}
            </Text>
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
          <Group gap="xs" ml="auto">
            {tools}
            <Button
              type="submit"
              loading={addMessage.isPending}
              color={internal ? "yellow.8" : undefined}
              leftSection={internal ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
            >
              {internal ? t("reply.submitNote") : t("reply.submit")}
            </Button>
          </Group>
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
