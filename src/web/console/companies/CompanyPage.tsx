// A company's page in the console: who it is, its plan, its people, its recent tickets and the
// month's consultancy hours used against those its plan includes (the monthly statement's figures).
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { formatCnpj } from "../../../contracts/cnpj";
import type { CompanyOverview } from "../../../contracts/companies";
import type { PasswordLink } from "../../../contracts/users";
import { formatDateTime } from "../../../i18n/format-date";
import { useCompanyOverview, useSaveCompany, useUserList } from "../../api/accounts";
import { formatHours } from "../../components/billing/hours";
import { ErrorAlert } from "../../components/ErrorAlert";
import { StatusBadge } from "../../components/tickets/StatusBadge";
import { usePageTitle } from "../../components/use-page-title";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { formatMonth } from "../compliance/compliance-report";
import { InviteUserModal } from "../users/InviteUserModal";
import { PasswordLinkModal } from "../users/PasswordLinkModal";
import { UserCards, UserTable } from "../users/UsersPage";
import { CompanyActiveBadge } from "./CompaniesPage";
import { CompanyFormModal } from "./CompanyFormModal";

export function CompanyPage() {
  const { companyId = "" } = useParams();
  const { t } = useI18n();
  const overview = useCompanyOverview(companyId);
  usePageTitle(overview.data?.company.name ?? t("nav.companies"));
  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/console/companies" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} />
          {t("companies.back")}
        </Group>
      </Anchor>
      {overview.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={overview.error} />
      {overview.data && <CompanyDetails overview={overview.data} />}
    </Stack>
  );
}

function CompanyDetails({ overview }: { overview: CompanyOverview }) {
  const { t } = useI18n();
  const { abilities } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const { company } = overview;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<{ name: string; link: PasswordLink } | null>(null);
  const justCreated = params.get("created") === "1";

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz="h2">
              {company.name}
            </Title>
            <CompanyActiveBadge active={company.active} />
          </Group>
          <Text c="dimmed">
            CNPJ {formatCnpj(company.cnpj)} · {company.city}/{company.state}
          </Text>
          <Text>{t("companies.planLine", { plan: company.planName ?? t("companies.noPlan") })}</Text>
        </Stack>
        {abilities.manageCompanies ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setEditing(true)}>
              {t("companies.edit")}
            </Button>
            <Button
              variant="light"
              color={company.active ? "red" : "teal"}
              onClick={() => setConfirming(true)}
            >
              {company.active ? t("companies.deactivate") : t("companies.reactivate")}
            </Button>
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {t("companies.readOnly")}
          </Text>
        )}
      </Group>
      {justCreated && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setParams({}, { replace: true })}>
          {t("companies.created", { name: company.name })}
        </Alert>
      )}
      <Consultancy overview={overview} />
      <People
        companyId={company.id}
        canInvite={abilities.manageUsers && company.active}
        onInvite={() => setInviting(true)}
      />
      <RecentTickets overview={overview} />
      <CompanyFormModal
        opened={editing}
        company={company}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <ActiveModal opened={confirming} onClose={() => setConfirming(false)} overview={overview} />
      <InviteUserModal
        opened={inviting}
        company={{ id: company.id, name: company.name }}
        onClose={() => setInviting(false)}
        onInvited={(name, link) => {
          setInviting(false);
          setCreated({ name, link });
        }}
      />
      <PasswordLinkModal
        link={created?.link ?? null}
        name={created?.name ?? ""}
        onClose={() => setCreated(null)}
      />
    </>
  );
}

function ActiveModal({
  opened,
  onClose,
  overview,
}: {
  opened: boolean;
  onClose(): void;
  overview: CompanyOverview;
}) {
  const { t } = useI18n();
  const { company } = overview;
  const save = useSaveCompany(company.id);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={company.active ? t("companies.deactivate") : t("companies.reactivate")}
    >
      <Stack gap="sm">
        <Text fz="sm">
          {company.active
            ? t("companies.deactivateConfirm", { name: company.name })
            : t("companies.reactivateConfirm", { name: company.name })}
        </Text>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("companies.form.cancel")}
          </Button>
          <Button
            color={company.active ? "red" : "teal"}
            loading={save.isPending}
            onClick={() => save.mutate({ active: !company.active }, { onSuccess: onClose })}
          >
            {t("companies.confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Consultancy({ overview }: { overview: CompanyOverview }) {
  const { t, locale } = useI18n();
  const { abilities } = useCurrentUser();
  const c = overview.consultancy;
  const figures = [
    { label: t("companies.included"), minutes: c.includedMinutes, testId: "consultancy-included" },
    { label: t("companies.used"), minutes: c.approvedMinutes, testId: "consultancy-used" },
    {
      label: t("companies.remaining"),
      minutes: Math.max(0, c.includedMinutes - c.usedIncludedMinutes),
      testId: "consultancy-remaining",
    },
    { label: t("companies.billable"), minutes: c.billableMinutes, testId: "consultancy-billable" },
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="h4">
          {t("companies.consultancy", { month: formatMonth(c.month, locale) })}
        </Title>
        {abilities.readBillingStatements && (
          <Anchor component={Link} to={`/console/statements/${overview.company.id}?month=${c.month}`} fz="sm">
            {t("companies.statementLink")}
          </Anchor>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {figures.map((figure) => (
          <Paper key={figure.testId} withBorder radius="md" p="sm" data-testid={figure.testId}>
            <Text fz="xs" c="dimmed" fw={600}>
              {figure.label}
            </Text>
            <Text fz="lg" fw={700}>
              {formatHours(figure.minutes, locale)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text fz="xs" c="dimmed">
        {t("companies.logged")}: {formatHours(c.loggedMinutes, locale)}
      </Text>
    </Stack>
  );
}

function People({
  companyId,
  canInvite,
  onInvite,
}: {
  companyId: string;
  canInvite: boolean;
  onInvite(): void;
}) {
  const { t } = useI18n();
  const phone = usePhoneLayout();
  const people = useUserList({ companyId });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} fz="h4">
          {t("companies.people")}
        </Title>
        {canInvite && (
          <Button size="xs" leftSection={<IconUserPlus size={16} />} onClick={onInvite}>
            {t("companies.invite")}
          </Button>
        )}
      </Group>
      {people.isPending && <Loader size="sm" aria-label={t("app.loading")} />}
      <ErrorAlert error={people.error} />
      {people.data && items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t("companies.peopleEmpty")}
        </Text>
      )}
      {items.length > 0 &&
        (phone ? (
          <UserCards users={items} withCompany={false} />
        ) : (
          <UserTable users={items} withCompany={false} />
        ))}
      {people.hasNextPage && (
        <Group>
          <Button variant="default" size="xs" onClick={() => void people.fetchNextPage()}>
            {t("companies.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RecentTickets({ overview }: { overview: CompanyOverview }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t("companies.recentTickets")}
      </Title>
      {overview.recentTickets.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t("companies.recentEmpty")}
        </Text>
      ) : (
        <Stack gap={6}>
          {overview.recentTickets.map((ticket) => (
            <Paper key={ticket.number} withBorder p="xs" radius="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fz="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  <Anchor component={Link} to={`/console/tickets/${ticket.number}`} fz="sm">
                    #{ticket.number}
                  </Anchor>{" "}
                  {ticket.subject}
                </Text>
                <Group gap="xs">
                  <StatusBadge status={ticket.status} size="sm" />
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(ticket.createdAt, locale)}
                  </Text>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
