// "Empresas": customer companies with their plan, active users and open tickets; search, filters,
// keyset "carregar mais"; admins register and change them.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBuildingPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { formatCnpj } from "../../../contracts/cnpj";
import { BRAZILIAN_STATES, type CompanyListItem } from "../../../contracts/companies";
import { useCompanyList } from "../../api/accounts";
import { usePlans } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { CompanyFormModal } from "./CompanyFormModal";

const FILTERS = ["q", "active", "planId", "state"] as const;

export function CompaniesPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.companies"));
  const { abilities } = useCurrentUser();
  const phone = usePhoneLayout();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const active = params.get("active");
  const planId = params.get("planId");
  const state = params.get("state");
  const setFilter = (name: (typeof FILTERS)[number], value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const filtered = Boolean(debouncedQ || active || planId || state);
  const companies = useCompanyList({ q: debouncedQ, active, planId, state });
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];
  const w = (desktop: number) => (phone ? "100%" : desktop);

  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t("nav.companies")}
          </Title>
          <Text c="dimmed">{t("console.companies.intro")}</Text>
        </Stack>
        {abilities.manageCompanies && (
          <Button leftSection={<IconBuildingPlus size={18} />} onClick={() => setCreating(true)}>
            {t("companies.new")}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t("companies.search")}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setFilter("q", e.currentTarget.value.trim() || null);
          }}
          w={w(280)}
        />
        <Select
          label={t("companies.filter.status")}
          data={[
            { value: "true", label: t("companies.filter.active") },
            { value: "false", label: t("companies.filter.inactive") },
          ]}
          placeholder={t("companies.filter.all")}
          value={active}
          onChange={(value) => setFilter("active", value)}
          clearable
          w={w(160)}
        />
        <Select
          label={t("companies.filter.plan")}
          data={(plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.name }))}
          placeholder={t("companies.filter.anyPlan")}
          value={planId}
          onChange={(value) => setFilter("planId", value)}
          clearable
          w={w(200)}
        />
        <Select
          label={t("companies.filter.state")}
          data={[...BRAZILIAN_STATES]}
          placeholder={t("companies.filter.anyState")}
          value={state}
          onChange={(value) => setFilter("state", value)}
          searchable
          clearable
          w={w(150)}
        />
      </Group>
      {companies.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={companies.error} />
      {companies.data && items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text c="dimmed">{filtered ? t("companies.empty") : t("companies.emptyAll")}</Text>
            {filtered && (
              <Button
                variant="default"
                onClick={() => {
                  setQ("");
                  setParams({}, { replace: true });
                }}
              >
                {t("companies.clearFilters")}
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      {items.length > 0 && (phone ? <CompanyCards companies={items} /> : <CompanyTable companies={items} />)}
      {companies.hasNextPage && (
        <Group>
          <Button
            variant="default"
            onClick={() => void companies.fetchNextPage()}
            loading={companies.isFetchingNextPage}
          >
            {t("companies.loadMore")}
          </Button>
        </Group>
      )}
      <CompanyFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(company) => {
          setCreating(false);
          void navigate(`/console/companies/${company.id}?created=1`);
        }}
      />
    </Stack>
  );
}

export function CompanyActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge color={active ? "teal" : "gray"} variant="light">
      {active ? t("companies.active") : t("companies.inactive")}
    </Badge>
  );
}

function CompanyTable({ companies }: { companies: CompanyListItem[] }) {
  const { t } = useI18n();
  return (
    <Table striped withTableBorder fz="sm" aria-label={t("nav.companies")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("companies.col.name")}</Table.Th>
          <Table.Th>{t("companies.col.cnpj")}</Table.Th>
          <Table.Th>{t("companies.col.place")}</Table.Th>
          <Table.Th>{t("companies.col.plan")}</Table.Th>
          <Table.Th ta="right">{t("companies.col.activeUsers")}</Table.Th>
          <Table.Th ta="right">{t("companies.col.openTickets")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {companies.map((company) => (
          <Table.Tr key={company.id}>
            <Table.Td>
              <Anchor component={Link} to={`/console/companies/${company.id}`} fz="sm" fw={500}>
                {company.name}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatCnpj(company.cnpj)}</Table.Td>
            <Table.Td>
              {company.city}/{company.state}
            </Table.Td>
            <Table.Td>{company.planName ?? t("companies.noPlan")}</Table.Td>
            <Table.Td ta="right">{company.activeUsers}</Table.Td>
            <Table.Td ta="right">{company.openTickets}</Table.Td>
            <Table.Td>{!company.active && <CompanyActiveBadge active={false} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CompanyCards({ companies }: { companies: CompanyListItem[] }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      {companies.map((company) => (
        <Paper key={company.id} withBorder p="sm" radius="md">
          <Stack gap={2}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/console/companies/${company.id}`} fw={500}>
                {company.name}
              </Anchor>
              {!company.active && <CompanyActiveBadge active={false} />}
            </Group>
            <Text fz="sm">{formatCnpj(company.cnpj)}</Text>
            <Text fz="sm" c="dimmed">
              {company.city}/{company.state} · {company.planName ?? t("companies.noPlan")}
            </Text>
            <Text fz="sm">
              {t("companies.col.activeUsers")}: {company.activeUsers} · {t("companies.col.openTickets")}:{" "}
              {company.openTickets}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
