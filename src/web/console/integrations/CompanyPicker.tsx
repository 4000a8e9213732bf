// The company a service token is bound to, searched by name or CNPJ; empty: every company (staff-wide).
import { Select } from "@mantine/core";
import { useState } from "react";
import { useCompanyList } from "../../api/accounts";
import { useI18n } from "../../i18n/i18n";

export function CompanyPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const companies = useCompanyList({ q: search.trim() || undefined, active: "true" });
  const items = companies.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Select
      label={t("tokens.company")}
      description={t("tokens.companyHelp")}
      placeholder={t("tokens.allCompanies")}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={onChange}
      data={items.map((company) => ({ value: company.id, label: company.name }))}
      nothingFoundMessage={t("tokens.noCompany")}
    />
  );
}
