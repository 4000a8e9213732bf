// Step 3, the form: every field required but the attachments; what was typed survives a refusal.
import { Alert, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconSend } from "@tabler/icons-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { CreateTicketRequest, type Ticket } from "../../../contracts/tickets";
import { type ApiError, isApiError } from "../../api/api-error";
import { useCreateTicket } from "../../api/tickets";
import type { AttachmentUploads } from "../../components/attachments/use-attachment-uploads";
import { useI18n } from "../../i18n/i18n";
import { TicketFields } from "./TicketFields";
import { checkDraft, FORM_FIELDS, hasProblems, requestOf, type TicketDraft } from "./ticket-draft";
import { fieldsOf, useFieldProblems } from "./use-field-problems";

interface TicketFormProps {
  categoryId: string;
  relatedTicketNumber: number | null;
  draft: TicketDraft;
  onDraftChange: (changes: Partial<TicketDraft>) => void;
  uploads: AttachmentUploads;
  onCreated: (ticket: Ticket) => void;
}

export function TicketForm({
  categoryId,
  relatedTicketNumber,
  draft,
  onDraftChange,
  uploads,
  onCreated,
}: TicketFormProps) {
  const { t } = useI18n();
  const create = useCreateTicket();
  const problems = useFieldProblems(create.error);
  const [attempts, setAttempts] = useState(0);
  const [waitUploads, setWaitUploads] = useState(false);
  const formRef = useFocusFirstError(attempts, create.error);
  const context = { categoryId, relatedTicketNumber, attachmentIds: uploads.attachmentIds };

  const change = (changes: Partial<TicketDraft>) => {
    onDraftChange(changes);
    problems.settle(fieldsOf(changes), checkDraft({ ...draft, ...changes }, context, t));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setWaitUploads(uploads.uploading);
    if (uploads.uploading) return;
    const found = checkDraft(draft, context, t);
    problems.showAll(found);
    setAttempts((count) => count + 1);
    const request = CreateTicketRequest.safeParse(requestOf(draft, context));
    if (hasProblems(found) || !request.success) return;
    create.mutate(request.data, { onSuccess: onCreated });
  };

  return (
    <Paper ref={formRef} component="form" onSubmit={submit} noValidate withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t("newTicket.formIntro")}
        </Text>
        {create.error && <SubmitError error={create.error} />}
        {waitUploads && (
          <Alert color="yellow" variant="light" role="alert">
            {t("attachments.wait")}
          </Alert>
        )}
        <TicketFields draft={draft} onChange={change} errorOf={problems.errorOf} uploads={uploads} />
        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={create.isPending}
            leftSection={<IconSend size={18} aria-hidden />}
          >
            {t("newTicket.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The API's message, and the field messages no visible field shows (the category, a related ticket, a file). */
function SubmitError({ error }: { error: Error }) {
  const shown: ReadonlySet<string> = new Set(FORM_FIELDS);
  const others = isApiError(error) ? otherFields(error, shown) : [];
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
      {error.message}
      {others.length > 0 && (
        <List fz="sm" mt={4}>
          {others.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function otherFields(error: ApiError, shown: ReadonlySet<string>): string[] {
  return Object.entries(error.fields)
    .filter(([field]) => !shown.has(field))
    .map(([, message]) => message);
}

/**
 * After a refusal (ours at a submit, or the server's), the first field marked invalid takes the
 * focus; never while the person types, when a fixed field's message goes away.
 */
function useFocusFirstError(attempts: number, error: Error | null) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempts === 0 && !error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempts, error]);
  return formRef;
}
