// Registering an ERP installation (company, algorithm, secret or public key, user creation) or
// changing one (name, user creation, active, a new key). The secret is answered once, after saving.
import { Button, Checkbox, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import {
  ErpAlgorithm,
  type ErpInstallation,
  type ErpInstallationWithSecret,
} from "../../../contracts/erp-installations";
import { useCompanyList } from "../../api/accounts";
import { fieldError } from "../../api/api-error";
import { useChangeErpInstallation, useCreateErpInstallation } from "../../api/erp-installations";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

interface KeyDraft {
  algorithm: ErpAlgorithm;
  secret: string;
  publicKey: string;
}

const emptyKey: KeyDraft = { algorithm: "HS256", secret: "", publicKey: "" };

/** 32 random bytes, base64url: what the server would generate too. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The key as the contract takes it: HS256 a secret (none: the server generates one), else a public key. */
function keyBody(key: KeyDraft) {
  if (key.algorithm === "HS256")
    return { algorithm: key.algorithm, ...(key.secret.trim() !== "" && { secret: key.secret }) };
  return { algorithm: key.algorithm, publicKey: key.publicKey };
}

export function ErpInstallationModal({
  installation,
  onClose,
  onSaved,
}: {
  installation: ErpInstallation | "new" | null;
  onClose(): void;
  onSaved(saved: ErpInstallationWithSecret): void;
}) {
  const { t } = useI18n();
  const title = installation === "new" ? t("erpInstallations.new") : (installation?.name ?? "");
  return (
    <Modal opened={installation !== null} onClose={onClose} title={title} size="lg">
      {/* Each opening starts afresh from the installation as it is (or blank). */}
      {installation !== null && (
        <InstallationForm
          key={installation === "new" ? "new" : installation.id}
          existing={installation === "new" ? null : installation}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function InstallationForm({
  existing,
  onClose,
  onSaved,
}: {
  existing: ErpInstallation | null;
  onClose(): void;
  onSaved(saved: ErpInstallationWithSecret): void;
}) {
  const { t } = useI18n();
  const creating = existing === null;
  const create = useCreateErpInstallation();
  const change = useChangeErpInstallation();
  const mutation = creating ? create : change;
  const [name, setName] = useState(existing?.name ?? "");
  const [companyId, setCompanyId] = useState<string | null>(existing?.companyId ?? null);
  const [companySearch, setCompanySearch] = useState("");
  const [createsUsers, setCreatesUsers] = useState(existing?.createsUsers ?? false);
  const [active, setActive] = useState(existing ? existing.state === "active" : true);
  const [rotating, setRotating] = useState(false);
  const [key, setKey] = useState<KeyDraft>(
    existing ? { ...emptyKey, algorithm: existing.algorithm } : emptyKey,
  );
  const companies = useCompanyList({ q: companySearch.trim() || null, active: "true" });

  const companyOptions = (companies.data?.pages.flatMap((page) => page.items) ?? []).map((company) => ({
    value: company.id,
    label: company.name,
  }));
  if (existing && !companyOptions.some((option) => option.value === existing.companyId))
    companyOptions.push({ value: existing.companyId, label: existing.companyName });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating) {
      create.mutate(
        { name, companyId: companyId ?? "", createsUsers, ...keyBody(key) },
        { onSuccess: onSaved },
      );
    } else if (existing) {
      change.mutate(
        {
          id: existing.id,
          body: { name, createsUsers, active, ...(rotating && { rotateKey: keyBody(key) }) },
        },
        { onSuccess: onSaved },
      );
    }
  };
  const keyField = (field: "secret" | "publicKey") =>
    fieldError(mutation.error, creating ? field : `rotateKey.${field}`);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={mutation.error} />
        <TextInput
          label={t("erpInstallations.name")}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(mutation.error, "name")}
          required
          data-autofocus
        />
        <Select
          label={t("erpInstallations.company")}
          data={companyOptions}
          value={companyId}
          onChange={setCompanyId}
          searchable
          searchValue={companySearch}
          onSearchChange={setCompanySearch}
          filter={({ options }) => options}
          disabled={!creating}
          error={fieldError(mutation.error, "companyId")}
          required
        />
        {!creating && (
          <Switch
            label={t("erpInstallations.active")}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        )}
        <Switch
          label={t("erpInstallations.createsUsers")}
          description={t("erpInstallations.createsUsersHint")}
          checked={createsUsers}
          onChange={(event) => setCreatesUsers(event.currentTarget.checked)}
        />
        {!creating && (
          <Checkbox
            label={t("erpInstallations.rotate")}
            description={t("erpInstallations.rotateHint")}
            checked={rotating}
            onChange={(event) => setRotating(event.currentTarget.checked)}
          />
        )}
        {(creating || rotating) && (
          <>
            <Select
              label={t("erpInstallations.algorithm")}
              data={ErpAlgorithm.options.map((value) => ({
                value,
                label: t(`erpInstallations.algorithm.${value}`),
              }))}
              value={key.algorithm}
              onChange={(value) => {
                const parsed = ErpAlgorithm.safeParse(value);
                if (parsed.success) setKey({ ...key, algorithm: parsed.data });
              }}
              allowDeselect={false}
            />
            {key.algorithm === "HS256" ? (
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t("erpInstallations.secret")}
                  description={t("erpInstallations.secretHint")}
                  value={key.secret}
                  onChange={(event) => setKey({ ...key, secret: event.currentTarget.value })}
                  error={keyField("secret")}
                  ff="monospace"
                  autoComplete="off"
                />
                <Button variant="default" onClick={() => setKey({ ...key, secret: randomSecret() })}>
                  {t("erpInstallations.generate")}
                </Button>
              </Group>
            ) : (
              <Textarea
                label={t("erpInstallations.publicKey")}
                description={t("erpInstallations.publicKeyHint")}
                value={key.publicKey}
                onChange={(event) => setKey({ ...key, publicKey: event.currentTarget.value })}
                error={keyField("publicKey")}
                autosize
                minRows={4}
                ff="monospace"
                required
              />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("erpInstallations.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
