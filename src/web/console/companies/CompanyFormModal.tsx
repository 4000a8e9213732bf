// Registering a company or changing one: CNPJ checked and formatted as typed, the plan's effect said.
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useState } from "react";
import { formatCnpj, isValidCnpj, normalizeCnpj } from "../../../contracts/cnpj";
import { BRAZILIAN_STATES, type BrazilianState, type Company } from "../../../contracts/companies";
import { useSaveCompany } from "../../api/accounts";
import { fieldError } from "../../api/api-error";
import { usePlans } from "../../api/sla";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";

interface Props {
  opened: boolean;
  onClose(): void;
  /** Absent: a new company. */
  company?: Company;
  onSaved(company: Company): void;
}

export function CompanyFormModal({ opened, onClose, company, onSaved }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={company ? t("companies.form.editTitle") : t("companies.form.createTitle")}
      size="lg"
    >
      {opened && <CompanyForm company={company} onCancel={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function CompanyForm({
  company,
  onCancel,
  onSaved,
}: {
  company: Company | undefined;
  onCancel(): void;
  onSaved(company: Company): void;
}) {
  const { t } = useI18n();
  const plans = usePlans();
  const save = useSaveCompany(company?.id ?? null);
  const [name, setName] = useState(company?.name ?? "");
  const [cnpj, setCnpj] = useState(company ? formatCnpj(company.cnpj) : "");
  const [state, setState] = useState<string | null>(company?.state ?? null);
  const [city, setCity] = useState(company?.city ?? "");
  const [planId, setPlanId] = useState<string | null>(company?.planId ?? null);
  const [cnpjTouched, setCnpjTouched] = useState(false);
  const cnpjLocal =
    cnpjTouched && cnpj.trim() !== "" && !isValidCnpj(cnpj) ? t("validation.cnpj") : undefined;

  // An archived plan is not offered for new choices; a company already on one still shows it.
  const planOptions = (plans.data?.items ?? [])
    .filter((plan) => plan.archivedAt === null || plan.id === company?.planId)
    .map((plan) => ({ value: plan.id, label: plan.name }));
  const submit = () => {
    const fields = { name, state: (state ?? "") as BrazilianState, city, ...(planId && { planId }) };
    save.mutate(company ? fields : { ...fields, cnpj }, { onSuccess: onSaved });
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("companies.form.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(save.error, "name")}
          required
          data-autofocus
        />
        <TextInput
          label={t("companies.form.cnpj")}
          description={company ? t("companies.form.cnpjFixed") : t("companies.form.cnpjHint")}
          value={cnpj}
          onChange={(e) => setCnpj(e.currentTarget.value)}
          onBlur={() => {
            setCnpjTouched(true);
            if (isValidCnpj(cnpj)) setCnpj(formatCnpj(normalizeCnpj(cnpj)));
          }}
          error={cnpjLocal ?? fieldError(save.error, "cnpj")}
          readOnly={Boolean(company)}
          required
          inputMode="text"
          placeholder="00.000.000/0000-00"
        />
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t("companies.form.state")}
            data={[...BRAZILIAN_STATES]}
            value={state}
            onChange={setState}
            error={fieldError(save.error, "state")}
            searchable
            required
            miw={120}
          />
          <TextInput
            label={t("companies.form.city")}
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            error={fieldError(save.error, "city")}
            required
            miw={180}
          />
        </Group>
        <Select
          label={t("companies.form.plan")}
          data={planOptions}
          value={planId}
          onChange={setPlanId}
          error={fieldError(save.error, "planId")}
          placeholder={t("companies.noPlan")}
          clearable={!company}
        />
        {company && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            {t("companies.form.planNote")}
          </Alert>
        )}
        {save.error && Object.keys(fieldsOf(save.error)).length === 0 && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("companies.form.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {company ? t("companies.form.save") : t("companies.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function fieldsOf(error: Error): Readonly<Record<string, string>> {
  return "fields" in error ? (error.fields as Record<string, string>) : {};
}
