// The fields every new ticket has, whoever opens it (the customer in the portal, an agent logging a
// call): subject, description, ERP screen, example record, priority and attachments, all required
// but the files. The form around them owns the draft, the checks and the submit.
import { Textarea, TextInput } from "@mantine/core";
import { AttachmentPicker } from "../../components/attachments/AttachmentPicker";
import type { AttachmentUploads } from "../../components/attachments/use-attachment-uploads";
import { useI18n } from "../../i18n/i18n";
import { PriorityField } from "./PriorityField";
import { ScreenField } from "./ScreenField";
import type { TicketDraft } from "./ticket-draft";

export function TicketFields({
  draft,
  onChange,
  errorOf,
  uploads,
  descriptionRows = { min: 5, max: 14 },
}: {
  draft: TicketDraft;
  onChange: (changes: Partial<TicketDraft>) => void;
  /** A field's message (the form's own check, or the server's), by the contract's field name. */
  errorOf: (
    field: "subject" | "description" | "screenCode" | "exampleRecord" | "priority",
  ) => string | undefined;
  uploads: AttachmentUploads;
  descriptionRows?: { min: number; max: number };
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t("ticket.field.subject")}
        placeholder={t("newTicket.subjectPlaceholder")}
        withAsterisk
        maxLength={120}
        value={draft.subject}
        onChange={(event) => onChange({ subject: event.currentTarget.value })}
        error={errorOf("subject")}
      />
      <Textarea
        label={t("ticket.field.description")}
        placeholder={t("newTicket.descriptionPlaceholder")}
        withAsterisk
        autosize
        minRows={descriptionRows.min}
        maxRows={descriptionRows.max}
        value={draft.description}
        onChange={(event) => onChange({ description: event.currentTarget.value })}
        error={errorOf("description")}
      />
      <ScreenField
        value={draft.screen}
        onChange={(screen) => onChange({ screen })}
        error={errorOf("screenCode")}
      />
      <TextInput
        label={t("ticket.field.exampleRecord")}
        description={t("newTicket.exampleHint")}
        placeholder={t("newTicket.examplePlaceholder")}
        withAsterisk
        value={draft.exampleRecord}
        onChange={(event) => onChange({ exampleRecord: event.currentTarget.value })}
        error={errorOf("exampleRecord")}
      />
      <PriorityField
        value={draft.priority}
        onChange={(priority) => onChange({ priority })}
        error={errorOf("priority")}
      />
      <AttachmentPicker uploads={uploads} label={t("ticket.field.attachments")} />
    </>
  );
}
