// "Registrar ligação" on a ticket: the call's minutes and "Resumo da ligação", public by default
// (the customer reads it; it counts as the team's response) or internal.
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconInfoCircle, IconLock, IconPhone } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { LogCallRequest } from "../../../contracts/phone";
import type { Ticket } from "../../../contracts/tickets";
import { fieldMessages } from "../../../i18n/zod-issues";
import { fieldError } from "../../api/api-error";
import { useLogCall } from "../../api/console-calls";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

export function CallPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="light"
        fullWidth
        justify="flex-start"
        leftSection={<IconPhone size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t("call.action")}
      </Button>
      {opened && <CallForm ticket={ticket} onClose={() => setOpened(false)} />}
    </>
  );
}

function CallForm({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useI18n();
  const logCall = useLogCall(ticket.number);
  const [durationMinutes, setDuration] = useState<number | string>("");
  const [summary, setSummary] = useState("");
  const [internal, setInternal] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const errorOf = (field: string) => problems[field] ?? fieldError(logCall.error, field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = {
      durationMinutes: typeof durationMinutes === "number" ? durationMinutes : undefined,
      summary,
      internal,
    };
    const checked = LogCallRequest.safeParse(request);
    setProblems(checked.success ? {} : fieldMessages(checked.error.issues, t, request));
    if (!checked.success) return;
    logCall.mutate(checked.data, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("call.saved") });
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("call.title")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={logCall.error} />
          <NumberInput
            label={t("call.duration")}
            withAsterisk
            min={1}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            maw={200}
            value={durationMinutes}
            onChange={setDuration}
            error={errorOf("durationMinutes")}
            data-autofocus
          />
          <Textarea
            label={t("call.summary")}
            placeholder={t("call.summaryPlaceholder")}
            withAsterisk
            autosize
            minRows={4}
            maxRows={12}
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={errorOf("summary")}
          />
          <Switch
            label={t("call.internal")}
            checked={internal}
            onChange={(event) => setInternal(event.currentTarget.checked)}
            color="yellow.7"
          />
          <Alert
            color={internal ? "yellow" : "blue"}
            variant="light"
            icon={internal ? <IconLock size={16} /> : <IconInfoCircle size={16} />}
            py={6}
          >
            {internal ? t("call.internalHint") : t("call.publicHint")}
          </Alert>
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={logCall.isPending}
              color={internal ? "yellow.8" : undefined}
              leftSection={<IconPhone size={16} aria-hidden />}
            >
              {t("call.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
