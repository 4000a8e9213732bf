// "Quem ligou": pick the company (by name or CNPJ, active ones only), then one of its active users.
import { type ComboboxParsedItem, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconBuilding, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { formatCnpj } from "../../../contracts/cnpj";
import { CUSTOMER_ROLES, type Role } from "../../../contracts/common";
import { useCompanyOptions, useCompanyUsers } from "../../api/console-calls";
import { useI18n } from "../../i18n/i18n";

const SEARCH_DEBOUNCE_MS = 200;
/** The companies endpoint's longest query. */
const MAX_QUERY = 100;

interface CallerFieldsProps {
  companyId: string | null;
  requesterId: string | null;
  onCompany: (companyId: string | null) => void;
  onRequester: (requesterId: string | null, name: string | null) => void;
  errors: { companyId?: string | undefined; requesterId?: string | undefined };
}

export function CallerFields({ companyId, requesterId, onCompany, onRequester, errors }: CallerFieldsProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.slice(0, MAX_QUERY), SEARCH_DEBOUNCE_MS);
  const companies = useCompanyOptions(q);
  const users = useCompanyUsers(companyId);
  const active = (companies.data?.items ?? []).filter((company) => company.active);
  const cnpjOf = new Map(active.map((company) => [company.id, formatCnpj(company.cnpj)]));
  const callers = (users.data?.items ?? []).filter(
    (user) => user.active && (CUSTOMER_ROLES as readonly Role[]).includes(user.role),
  );

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t("phone.company")}
        placeholder={t("phone.companyPlaceholder")}
        leftSection={<IconBuilding size={16} aria-hidden />}
        withAsterisk
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The server already matched names and CNPJs.
        filter={keepAll}
        data={active.map((company) => ({ value: company.id, label: company.name }))}
        value={companyId}
        onChange={(value) => {
          onCompany(value);
          onRequester(null, null);
        }}
        nothingFoundMessage={companies.isFetching ? undefined : t("phone.companyNone")}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text fz="sm">{option.label}</Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              {cnpjOf.get(option.value)}
            </Text>
          </Stack>
        )}
        error={errors.companyId}
      />
      <Select
        label={t("phone.requester")}
        placeholder={companyId ? t("phone.requesterPlaceholder") : t("phone.requesterFirst")}
        leftSection={<IconUser size={16} aria-hidden />}
        withAsterisk
        searchable
        disabled={companyId === null}
        data={callers.map((user) => ({ value: user.id, label: user.name }))}
        value={requesterId}
        onChange={(value) => onRequester(value, callers.find((user) => user.id === value)?.name ?? null)}
        nothingFoundMessage={users.isFetching ? undefined : t("phone.requesterNone")}
        error={errors.requesterId}
      />
    </SimpleGrid>
  );
}

function keepAll({ options }: { options: ComboboxParsedItem[] }): ComboboxParsedItem[] {
  return options;
}
