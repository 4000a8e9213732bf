// "Auditoria": every staff and admin change — who, when, what, each field before → after — filtered
// by person, kind and period (kept in the address), newest first, "carregar mais", and its CSV.
import { Anchor, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { Link, useSearchParams } from "react-router";
import { type AuditEntry, AuditTargetType } from "../../../contracts/audit";
import {
  auditActionLabel,
  auditFieldLabel,
  auditFieldValueText,
  auditKindLabel,
} from "../../../i18n/audit-labels";
import { type AuditFilters, auditCsvUrl, useAuditActors, useAuditLog } from "../../api/audit";
import { DateField } from "../../components/DateField";
import { ErrorAlert } from "../../components/ErrorAlert";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";
import { NotFoundPage } from "../../shell/NotFoundPage";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function filtersOf(params: URLSearchParams): AuditFilters {
  const kind = AuditTargetType.safeParse(params.get("kind"));
  const date = (name: string) => {
    const value = params.get(name);
    return value && DATE.test(value) ? value : null;
  };
  return {
    actorId: params.get("actorId") || null,
    kind: kind.success ? kind.data : null,
    from: date("from"),
    to: date("to"),
  };
}

export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.audit"));
  const { abilities } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const log = useAuditLog(filters, abilities.readAudit);
  const actors = useAuditActors(abilities.readAudit);
  if (!abilities.readAudit) return <NotFoundPage />;

  // From the address as it is now, not as this render saw it: two filters chosen in quick
  // succession both stay.
  const choose = (next: Partial<AuditFilters>) => {
    setParams(
      (current) => {
        const merged = { ...filtersOf(current), ...next };
        const search: Record<string, string> = {};
        for (const [name, value] of Object.entries(merged)) if (value) search[name] = value;
        return search;
      },
      { replace: true },
    );
  };
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some((value) => value !== null);

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.audit")}
        </Title>
        <Text c="dimmed">{t("audit.intro")}</Text>
      </Stack>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t("audit.person")}
          placeholder={t("audit.everyone")}
          data={(actors.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.name }))}
          value={filters.actorId}
          onChange={(value) => choose({ actorId: value })}
          clearable
          searchable
          w={240}
        />
        <Select
          label={t("audit.kind")}
          placeholder={t("audit.allKinds")}
          data={AuditTargetType.options
            .map((kind) => ({ value: kind, label: auditKindLabel(t, kind) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
          value={filters.kind}
          onChange={(value) => choose({ kind: AuditTargetType.safeParse(value).data ?? null })}
          clearable
          w={220}
        />
        <DateField
          label={t("audit.from")}
          value={filters.from ?? ""}
          onChange={(date) => choose({ from: date || null })}
        />
        <DateField
          label={t("audit.to")}
          value={filters.to ?? ""}
          onChange={(date) => choose({ to: date || null })}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>
            {t("audit.clear")}
          </Button>
        )}
        <Button
          component="a"
          href={auditCsvUrl(filters)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          {t("audit.csv")}
        </Button>
      </Group>
      {log.isPending && <Loader aria-label={t("app.loading")} />}
      <ErrorAlert error={log.error} />
      {log.data && entries.length === 0 && (
        <Text c="dimmed" fz="sm">
          {t("audit.empty")}
        </Text>
      )}
      <Stack gap="sm" aria-label={t("nav.audit")} role="list">
        {entries.map((entry) => (
          <AuditEntryCard key={entry.id} entry={entry} privacyLinks={abilities.managePersonalData} />
        ))}
      </Stack>
      {log.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t("audit.loadMore")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function AuditEntryCard({ entry, privacyLinks }: { entry: AuditEntry; privacyLinks: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const target = entry.target.label ?? (entry.kind === "settings" ? null : entry.target.id);
  return (
    <Paper withBorder radius="md" p="sm" role="listitem" data-testid="audit-entry">
      <Group gap="xs" wrap="wrap" justify="space-between">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" size="sm">
            {auditKindLabel(t, entry.kind)}
          </Badge>
          <Text fw={600} fz="sm">
            {auditActionLabel(t, entry.action, entry.kind)}
          </Text>
          {target && (
            <Text fz="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
              {target}
            </Text>
          )}
          {privacyLinks && entry.kind === "user" && (
            <Anchor component={Link} to={`/console/people/${entry.target.id}/privacy`} fz="sm">
              {t("audit.privacyLink")}
            </Anchor>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {formatDateTime(entry.at)} · {entry.actor?.name ?? t("audit.system")}
          {entry.apiToken && ` · ${t("audit.viaToken", { name: entry.apiToken.name })}`}
        </Text>
      </Group>
      {entry.changes.length > 0 && (
        <Stack gap={2} mt={6}>
          {entry.changes.map((change) => (
            <Text key={change.field} fz="sm" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              <Text span fw={500} fz="sm">
                {auditFieldLabel(t, change.field)}:
              </Text>{" "}
              <Text span c="red.8" fz="sm" td={change.before === null ? undefined : "line-through"}>
                {auditFieldValueText(t, locale, change.field, change.before)}
              </Text>{" "}
              →{" "}
              <Text span c="teal.8" fz="sm">
                {auditFieldValueText(t, locale, change.field, change.after)}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
