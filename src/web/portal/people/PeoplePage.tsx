// "Pessoas da empresa": a company's admin sees who has access; while the settings allow it, invites
// a colleague (the support team hands over the link) and deactivates one. Otherwise the page says
// that accounts are requested from the support team, in the Support Policy's words.
import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import type { User } from "../../../contracts/users";
import { useChangeUser, useInviteUser, useUserList } from "../../api/accounts";
import { fieldError, isApiError } from "../../api/api-error";
import { useBrand } from "../../api/app-info";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { UserStatusBadge } from "../../console/users/UserStatusBadge";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";

export function PeoplePage() {
  const { t } = useI18n();
  usePageTitle(t("nav.people"));
  const me = useCurrentUser();
  const brand = useBrand();
  const people = useUserList({}, me.abilities.viewCompanyPeople);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const manage = me.abilities.manageCompanyPeople;

  return (
    <Stack gap="lg" maw={900}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.people")}
        </Title>
        <Text c="dimmed">{t("people.intro", { company: me.company?.name ?? "" })}</Text>
      </Stack>
      {manage ? (
        <InviteColleague />
      ) : (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="people-request">
          {t("people.requestFromSupport", { brand })}
        </Alert>
      )}
      {people.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={people.error} />
      {people.data && items.length === 0 && <Text c="dimmed">{t("people.empty")}</Text>}
      <Stack gap="xs">
        {items.map((user) => (
          <Person
            key={user.id}
            user={user}
            mayDeactivate={manage && user.role === "customer" && user.id !== me.id}
          />
        ))}
      </Stack>
      {people.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void people.fetchNextPage()}
            loading={people.isFetchingNextPage}
          >
            {t("companies.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Person({ user, mayDeactivate }: { user: User; mayDeactivate: boolean }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [confirming, setConfirming] = useState(false);
  const change = useChangeUser();
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={500}>
            {user.name}
            {user.id === me.id && ` (${t("people.you")})`}
          </Text>
          <Text fz="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
            {user.email}
          </Text>
          <Text fz="sm">{t(`role.${user.role}`)}</Text>
        </Stack>
        <Group gap="xs">
          <UserStatusBadge user={user} />
          {mayDeactivate && user.active && (
            <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
              {t("people.deactivate")}
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={user.name}>
        <Stack gap="sm">
          <Text fz="sm">{t("people.deactivateConfirm", { name: user.name })}</Text>
          <ErrorAlert error={change.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("companies.form.cancel")}
            </Button>
            <Button
              color="red"
              loading={change.isPending}
              onClick={() =>
                change.mutate(
                  { userId: user.id, request: { active: false } },
                  { onSuccess: () => setConfirming(false) },
                )
              }
            >
              {t("people.deactivate")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function InviteColleague() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const invite = useInviteUser();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [invited, setInvited] = useState<string | null>(null);
  const ruleError =
    isApiError(invite.error) && Object.keys(invite.error.fields).length === 0 ? invite.error : null;
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setInvited(null);
          invite.mutate(
            {
              name,
              email,
              role: "customer",
              locale: "pt-BR",
              ...(me.company && { companyId: me.company.id }),
            },
            {
              onSuccess: (answer) => {
                setInvited("email" in answer ? answer.email : email);
                setName("");
                setEmail("");
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t("people.inviteTitle")}
          </Title>
          <Text fz="sm" c="dimmed">
            {t("people.inviteNote")}
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t("users.form.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(invite.error, "name")}
              required
              miw={200}
            />
            <TextInput
              label={t("users.form.email")}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(invite.error, "email")}
              required
              miw={200}
            />
          </Group>
          <ErrorAlert error={ruleError} />
          {invited && (
            <Alert color="teal" variant="light" role="status">
              {t("people.invited", { email: invited })}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t("users.form.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
