// Creating an API token: name, scopes (only those the server says may be given), expiry and, for a
// service token, the company it is bound to. The value comes back once, shown by NewTokenNotice.
import { Button, Checkbox, Group, Select, Stack, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import type { ApiScope, ApiTokenKind, CreatedApiToken } from "../../../contracts/tokens";
import { fieldError } from "../../api/api-error";
import { useCreateApiToken } from "../../api/tokens";
import { useI18n } from "../../i18n/i18n";
import { ErrorAlert } from "../ErrorAlert";

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_DAYS = ["30", "90", "365", "never"] as const;

interface Props {
  kind: ApiTokenKind;
  /** The scopes the server lets this token carry. */
  scopes: readonly ApiScope[];
  /** Service tokens: the company picker, given the chosen id and its setter. */
  companyPicker?: (companyId: string | null, choose: (id: string | null) => void) => ReactNode;
  onCreated: (token: CreatedApiToken) => void;
}

export function ApiTokenCreateForm({ kind, scopes, companyPicker, onCreated }: Props) {
  const { t } = useI18n();
  const create = useCreateApiToken();
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<string>("90");
  const [companyId, setCompanyId] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const expiresAt =
      expiry === "never" ? undefined : new Date(Date.now() + Number(expiry) * DAY_MS).toISOString();
    create.mutate(
      {
        name,
        kind,
        scopes: chosen.filter((scope): scope is ApiScope => scopes.includes(scope as ApiScope)),
        ...(expiresAt && { expiresAt }),
        ...(companyId && { companyId }),
      },
      {
        onSuccess: (created) => {
          setName("");
          setChosen([]);
          onCreated(created);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error && !fieldError(create.error, "name") ? create.error : null} />
        <TextInput
          label={t("tokens.name")}
          description={t("tokens.nameHelp")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(create.error, "name")}
          required
        />
        <Checkbox.Group
          label={t("tokens.scopes")}
          value={chosen}
          onChange={setChosen}
          error={fieldError(create.error, "scopes")}
          required
        >
          <Stack gap={6} mt={6}>
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} description={t(`tokens.scope.${scope}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {companyPicker?.(companyId, setCompanyId)}
        <Select
          label={t("tokens.expiry")}
          value={expiry}
          onChange={(value) => setExpiry(value ?? "90")}
          data={EXPIRY_DAYS.map((value) => ({ value, label: t(`tokens.expiryIn.${value}`) }))}
          allowDeselect={false}
          error={fieldError(create.error, "expiresAt")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("tokens.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
