// Inviting someone: name, e-mail, role (staff roles only for admins) and, for customers, the company.
// The answer carries the one-time link, shown at once to copy.
import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { CUSTOMER_ROLES, type Role, STAFF_ROLES } from "../../../contracts/common";
import type { PasswordLink } from "../../../contracts/users";
import { useCompanyList, useInviteUser } from "../../api/accounts";
import { fieldError, isApiError } from "../../api/api-error";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useI18n } from "../../i18n/i18n";
import { useCurrentUser } from "../../shell/current-user";

interface Props {
  opened: boolean;
  onClose(): void;
  /** A company chosen beforehand (the company's page). */
  company?: { id: string; name: string };
  onInvited(name: string, link: PasswordLink): void;
}

export function InviteUserModal({ opened, onClose, company, onInvited }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t("users.form.title")} size="lg">
      {opened && <InviteForm company={company} onCancel={onClose} onInvited={onInvited} />}
    </Modal>
  );
}

function InviteForm({
  company,
  onCancel,
  onInvited,
}: {
  company: { id: string; name: string } | undefined;
  onCancel(): void;
  onInvited(name: string, link: PasswordLink): void;
}) {
  const { t } = useI18n();
  const { abilities } = useCurrentUser();
  const invite = useInviteUser();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(company ? "customer_admin" : "customer");
  const [companyId, setCompanyId] = useState<string | null>(company?.id ?? null);
  const [companySearch, setCompanySearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(companySearch, 250);
  const customerRole = (CUSTOMER_ROLES as readonly Role[]).includes(role);
  const companies = useCompanyList({ q: debouncedSearch, active: "true" });
  const companyOptions = company
    ? [{ value: company.id, label: company.name }]
    : (companies.data?.pages.flatMap((page) => page.items) ?? []).map((c) => ({
        value: c.id,
        label: c.name,
      }));
  const roles: Role[] = [
    ...CUSTOMER_ROLES,
    ...(abilities.manageStaffAccounts && !company ? STAFF_ROLES : []),
  ];
  const ruleError =
    isApiError(invite.error) && Object.keys(invite.error.fields).length === 0 ? invite.error : null;

  const submit = () =>
    invite.mutate(
      { name, email, role, locale: "pt-BR", ...(customerRole && companyId && { companyId }) },
      {
        onSuccess: (answer) => {
          if ("setPasswordLink" in answer) onInvited(answer.user.name, answer.setPasswordLink);
        },
      },
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t("users.form.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(invite.error, "name")}
          required
          data-autofocus
        />
        <TextInput
          label={t("users.form.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(invite.error, "email")}
          required
        />
        <Select
          label={t("users.form.role")}
          data={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          error={fieldError(invite.error, "role")}
          allowDeselect={false}
        />
        {customerRole && (
          <Select
            label={t("users.form.company")}
            placeholder={t("users.form.companyPlaceholder")}
            data={companyOptions}
            value={companyId}
            onChange={setCompanyId}
            searchable={!company}
            searchValue={company ? undefined : companySearch}
            onSearchChange={company ? undefined : setCompanySearch}
            filter={({ options }) => options}
            disabled={Boolean(company)}
            error={fieldError(invite.error, "companyId")}
            required
          />
        )}
        <ErrorAlert error={ruleError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("companies.form.cancel")}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t("users.form.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
