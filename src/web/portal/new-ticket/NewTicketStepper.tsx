// Where the customer is: Categoria → Perguntas e respostas → Formulário; earlier steps can be revisited.
import { Stepper } from "@mantine/core";
import { useI18n } from "../../i18n/i18n";
import type { NewTicketStep } from "./use-new-ticket-steps";

const STEP_ORDER: readonly NewTicketStep[] = ["category", "faq", "form"];

interface NewTicketStepperProps {
  step: NewTicketStep;
  categoryName: string | undefined;
  onBack: (step: NewTicketStep) => void;
}

export function NewTicketStepper({ step, categoryName, onBack }: NewTicketStepperProps) {
  const { t } = useI18n();
  return (
    <Stepper
      active={STEP_ORDER.indexOf(step)}
      onStepClick={(index) => {
        const target = STEP_ORDER[index];
        if (target) onBack(target);
      }}
      allowNextStepsSelect={false}
      size="sm"
      maw={720}
    >
      <Stepper.Step label={t("newTicket.step.category")} description={categoryName} />
      <Stepper.Step label={t("newTicket.step.faq")} />
      <Stepper.Step label={t("newTicket.step.form")} />
    </Stepper>
  );
}
