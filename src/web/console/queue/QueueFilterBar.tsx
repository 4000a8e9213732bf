// The queue's filter bar: text search, company, category, screen, priority, kind, channel, assignee
// ("Eu" included), tag and the sort. Every choice goes straight into the address.
import { Button, Group, Select, type SelectProps, TextInput } from "@mantine/core";
import { IconFilterOff, IconSearch } from "@tabler/icons-react";
import { type Ref, useState } from "react";
import { ASSIGNEE_ME, effectiveSort, type QueueFilters, QueueSort } from "../../../contracts/queue";
import { Priority, TicketChannel, TicketKind } from "../../../contracts/tickets";
import { useCompanyChoices, useQueueOptions } from "../../api/console-queue";
import { useScreens } from "../../api/screens";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { activeBarFilters, type BarFilter } from "./queue-params";

interface Props {
  filters: QueueFilters;
  searchText: string;
  onSearchText: (text: string) => void;
  searchRef: Ref<HTMLInputElement>;
  setFilter: <K extends keyof QueueFilters>(name: K, value: QueueFilters[K] | null) => void;
  onClear: () => void;
}

const COMMON: Partial<SelectProps> = {
  size: "xs",
  clearable: true,
  w: 168,
  comboboxProps: { withinPortal: true },
};

export function QueueFilterBar({ filters, searchText, onSearchText, searchRef, setFilter, onClear }: Props) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const options = useQueueOptions().data;
  const [companySearch, setCompanySearch] = useState("");
  const companies = useCompanyChoices(companySearch, filters.companyId);
  const [screenSearch, setScreenSearch] = useState("");
  const screens = useScreens(screenSearch).data?.items ?? [];
  const any = t("queue.filter.any");
  const pick =
    <K extends BarFilter>(name: K, parse: (value: string) => QueueFilters[K] | null) =>
    (value: string | null) =>
      setFilter(name, value === null ? null : parse(value));
  const sort = effectiveSort(filters);

  const screenData = screens.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }));
  if (filters.screenCode && !screenData.some((s) => s.value === filters.screenCode))
    screenData.unshift({ value: filters.screenCode, label: filters.screenCode });

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        size="xs"
        type="search"
        label={t("tickets.search")}
        placeholder={t("tickets.searchPlaceholder")}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={searchText}
        onChange={(event) => onSearchText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        w={240}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.company")}
        placeholder={any}
        searchable
        searchValue={companySearch}
        onSearchChange={setCompanySearch}
        nothingFoundMessage={t("queue.filter.nothingFound")}
        data={companies.map((company) => ({ value: company.id, label: company.name }))}
        value={filters.companyId ?? null}
        onChange={pick("companyId", (value) => value)}
        w={220}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.category")}
        placeholder={any}
        data={(options?.categories ?? []).map((category) => ({ value: category.id, label: category.name }))}
        value={filters.categoryId ?? null}
        onChange={pick("categoryId", (value) => value)}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.screen")}
        placeholder={any}
        searchable
        searchValue={screenSearch}
        onSearchChange={setScreenSearch}
        nothingFoundMessage={t("queue.filter.nothingFound")}
        data={screenData}
        value={filters.screenCode ?? null}
        onChange={pick("screenCode", (value) => value)}
        w={200}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.priority")}
        placeholder={any}
        data={Priority.options.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))}
        value={filters.priority ?? null}
        onChange={pick("priority", (value) => Priority.safeParse(value).data ?? null)}
        w={120}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.kind")}
        placeholder={any}
        data={TicketKind.options.map((kind) => ({ value: kind, label: t(`ticket.kind.${kind}`) }))}
        value={filters.kind ?? null}
        onChange={pick("kind", (value) => TicketKind.safeParse(value).data ?? null)}
        w={130}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.channel")}
        placeholder={any}
        data={TicketChannel.options.map((channel) => ({
          value: channel,
          label: t(`queue.channel.${channel}`),
        }))}
        value={filters.channel ?? null}
        onChange={pick("channel", (value) => TicketChannel.safeParse(value).data ?? null)}
        w={120}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.assignee")}
        placeholder={any}
        searchable
        data={[
          { value: ASSIGNEE_ME, label: t("queue.filter.me", { name: me.name }) },
          ...(options?.staff ?? [])
            .filter((person) => person.id !== me.id)
            .map((person) => ({ value: person.id, label: person.name })),
        ]}
        value={filters.assigneeId === me.id ? ASSIGNEE_ME : (filters.assigneeId ?? null)}
        onChange={pick("assigneeId", (value) => value)}
      />
      <Select
        {...COMMON}
        label={t("queue.filter.tag")}
        placeholder={any}
        searchable
        nothingFoundMessage={t("queue.filter.nothingFound")}
        data={[...new Set([...(filters.tag ? [filters.tag] : []), ...(options?.tags ?? [])])]}
        value={filters.tag ?? null}
        onChange={pick("tag", (value) => value)}
        w={130}
      />
      <Select
        size="xs"
        label={t("queue.sort.label")}
        data={QueueSort.options.map((option) => ({ value: option, label: t(`queue.sort.${option}`) }))}
        value={sort}
        allowDeselect={false}
        disabled={filters.view === "resolved"}
        title={filters.view === "resolved" ? t("queue.sort.resolvedHint") : undefined}
        onChange={(value) => setFilter("sort", QueueSort.safeParse(value).data ?? null)}
        w={160}
      />
      {activeBarFilters(filters) > 0 && (
        <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={onClear}>
          {t("queue.filter.clear")}
        </Button>
      )}
    </Group>
  );
}
