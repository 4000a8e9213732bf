// A plan's included services, each with a check mark or a cross, and its monthly consultancy hours.
import { List, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import type { Plan } from "../../contracts/sla";
import { useI18n } from "../i18n/i18n";

const SERVICES = ["portal", "phone", "email", "remoteConsultancy", "onSiteConsultancy"] as const;

export function PlanServicesList({ services }: { services: Plan["services"] }) {
  const { t } = useI18n();
  const hours = services.consultancyHoursPerMonth;
  return (
    <List spacing={4} size="sm" center>
      {SERVICES.map((service) => (
        <List.Item key={service} icon={<Mark included={services[service]} />}>
          <Text fz="sm" c={services[service] ? undefined : "dimmed"}>
            {t(`policy.service.${service}`)}
          </Text>
        </List.Item>
      ))}
      <List.Item icon={<Mark included={hours > 0} />}>
        <Text fz="sm" c={hours > 0 ? undefined : "dimmed"}>
          {hours === 0
            ? t("policy.noConsultancyHours")
            : t(hours === 1 ? "policy.consultancyHours.one" : "policy.consultancyHours", { hours })}
        </Text>
      </List.Item>
    </List>
  );
}

function Mark({ included }: { included: boolean }) {
  const { t } = useI18n();
  const label = included ? t("policy.included") : t("policy.notIncluded");
  return (
    <ThemeIcon size={20} radius="xl" variant="light" color={included ? "teal" : "gray"} aria-label={label}>
      {included ? <IconCheck size={13} /> : <IconX size={13} />}
    </ThemeIcon>
  );
}
