// "Registrar ligação" (/console/phone): a customer's call logged as a ticket of their company, with
// the portal form's fields (the same checks, the screen autocomplete) and the call's minutes.
import { Alert, Button, Divider, Group, NumberInput, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPhone } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { PhoneTicketRequest } from "../../../contracts/phone";
import { useLogPhoneTicket } from "../../api/console-calls";
import { useCategories } from "../../api/kb";
import { useAttachmentUploads } from "../../components/attachments/use-attachment-uploads";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { TicketFields } from "../../portal/new-ticket/TicketFields";
import { fieldsOf, useFieldProblems } from "../../portal/new-ticket/use-field-problems";
import { CallerFields } from "./CallerFields";
import { checkPhoneDraft, emptyPhoneDraft, type PhoneDraft, phoneRequestOf } from "./phone-draft";

export function PhoneTicketPage() {
  const { t } = useI18n();
  usePageTitle(t("phone.title"));
  const navigate = useNavigate();
  const log = useLogPhoneTicket();
  const categories = useCategories();
  const uploads = useAttachmentUploads();
  const [draft, setDraft] = useState<PhoneDraft>(emptyPhoneDraft);
  const [callerName, setCallerName] = useState<string | null>(null);
  const problems = useFieldProblems(log.error);
  const [waitUploads, setWaitUploads] = useState(false);
  const errorOf = problems.errorOf;
  // One pick can make two changes in a row (a new company clears the caller): check the latest draft.
  const latest = useRef(draft);
  latest.current = draft;
  const change = (changes: Partial<PhoneDraft>) => {
    const next = { ...latest.current, ...changes };
    latest.current = next;
    setDraft(next);
    problems.settle(fieldsOf(changes), checkPhoneDraft(next, uploads.attachmentIds, t));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setWaitUploads(uploads.uploading);
    if (uploads.uploading) return;
    const found = checkPhoneDraft(draft, uploads.attachmentIds, t);
    problems.showAll(found);
    const request = PhoneTicketRequest.safeParse(phoneRequestOf(draft, uploads.attachmentIds));
    if (Object.keys(found).length > 0 || !request.success) return;
    log.mutate(request.data, {
      onSuccess: (ticket) => {
        notifications.show({
          color: "teal",
          message: t("phone.created", { number: ticket.number, name: callerName ?? ticket.requester.name }),
        });
        void navigate(`/console/tickets/${ticket.number}`);
      },
    });
  };

  return (
    <Stack gap="md" maw={880}>
      <Stack gap={2}>
        <Title order={1} fz="h3">
          {t("phone.title")}
        </Title>
        <Text c="dimmed" fz="sm">
          {t("phone.intro")}
        </Text>
      </Stack>
      <Paper component="form" onSubmit={submit} noValidate withBorder radius="lg" p="lg">
        <Stack gap="md">
          <ErrorAlert error={log.error} />
          {waitUploads && (
            <Alert color="yellow" variant="light" role="alert">
              {t("attachments.wait")}
            </Alert>
          )}
          <Title order={2} fz="h5">
            {t("phone.who")}
          </Title>
          <CallerFields
            companyId={draft.companyId}
            requesterId={draft.requesterId}
            onCompany={(companyId) => change({ companyId })}
            onRequester={(requesterId, name) => {
              change({ requesterId });
              setCallerName(name);
            }}
            errors={{ companyId: errorOf("companyId"), requesterId: errorOf("requesterId") }}
          />
          <Divider />
          <Select
            label={t("phone.category")}
            placeholder={t("phone.categoryPlaceholder")}
            withAsterisk
            data={(categories.data?.items ?? []).map((category) => ({
              value: category.id,
              label: category.name,
            }))}
            value={draft.categoryId}
            onChange={(categoryId) => change({ categoryId })}
            error={errorOf("categoryId")}
          />
          <TicketFields
            draft={draft}
            onChange={change}
            errorOf={errorOf}
            uploads={uploads}
            descriptionRows={{ min: 4, max: 12 }}
          />
          <Divider />
          <NumberInput
            label={t("phone.duration")}
            withAsterisk
            min={1}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            maw={240}
            value={draft.durationMinutes}
            onChange={(durationMinutes) => change({ durationMinutes })}
            error={errorOf("durationMinutes")}
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              size="md"
              loading={log.isPending}
              leftSection={<IconPhone size={18} aria-hidden />}
            >
              {t("phone.submit")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
