// "Abertura de ocorrência": pick a category, read its questions and answers, and only then the form.
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import type { Article } from "../../../contracts/kb";
import type { Ticket } from "../../../contracts/tickets";
import { useCategories } from "../../api/kb";
import { useAttachmentUploads } from "../../components/attachments/use-attachment-uploads";
import { usePageTitle } from "../../components/use-page-title";
import { useI18n } from "../../i18n/i18n";
import { CategoryStep } from "./CategoryStep";
import { FaqStep } from "./FaqStep";
import { FormStep } from "./FormStep";
import { HelpfulThanks } from "./HelpfulThanks";
import { NewTicketStepper } from "./NewTicketStepper";
import { TicketCreated } from "./TicketCreated";
import { emptyDraft, type TicketDraft } from "./ticket-draft";
import { useNewTicketSteps } from "./use-new-ticket-steps";
import { useOutcome } from "./use-outcome";

export function NewTicketPage() {
  const { t } = useI18n();
  usePageTitle(t("nav.newTicket"));
  const steps = useNewTicketSteps();
  const categories = useCategories();
  const category = categories.data?.items.find((item) => item.id === steps.categoryId);
  // The draft lives above the steps: going back to the answers and returning keeps what was typed.
  // An ERP link's screen and record fill the form from the start ("Suporte UNO ERP").
  const [draft, setDraft] = useState<TicketDraft>(() => ({
    ...emptyDraft,
    screen: steps.prefill.screen ?? "",
    exampleRecord: steps.prefill.record ?? "",
  }));
  const uploads = useAttachmentUploads();
  const [solved, setSolved] = useOutcome<Article>();
  const [created, setCreated] = useOutcome<Ticket>();
  // An unknown category in the address (removed since, mistyped) starts again from the categories.
  const step = categories.isSuccess && !category ? "category" : steps.step;

  const forgetDraft = () => {
    setDraft(emptyDraft);
    uploads.clear();
  };

  const content = () => {
    if (created)
      return (
        <TicketCreated
          ticket={created}
          onAnother={() => {
            forgetDraft();
            steps.startOver();
          }}
        />
      );
    if (solved) return <HelpfulThanks article={solved} onBack={() => setSolved(null)} />;
    if (step === "category" || !steps.categoryId)
      return <CategoryStep onPick={(picked) => steps.pickCategory(picked.id)} />;
    if (step === "faq")
      return (
        category && (
          <StepFrame
            title={t("newTicket.faqTitle", { category: category.name })}
            onChangeCategory={() => steps.goTo("category")}
          >
            <FaqStep category={category} onSolved={setSolved} onNotFound={steps.showForm} />
          </StepFrame>
        )
      );
    return (
      <StepFrame title={t("newTicket.formTitle")} onChangeCategory={() => steps.goTo("category")}>
        <FormStep
          categoryId={steps.categoryId}
          relatedTicketNumber={steps.relatedTicketNumber}
          draft={draft}
          onDraftChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
          uploads={uploads}
          onCreated={(ticket) => {
            setCreated(ticket);
            forgetDraft();
          }}
          onSolved={setSolved}
        />
      </StepFrame>
    );
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t("nav.newTicket")}
        </Title>
        {step === "category" && <Text c="dimmed">{t("portal.newTicket.intro")}</Text>}
      </Stack>
      {!created && !solved && (
        <NewTicketStepper step={step} categoryName={category?.name} onBack={steps.goTo} />
      )}
      {content()}
    </Stack>
  );
}

interface StepFrameProps {
  title: string;
  onChangeCategory: () => void;
  children: ReactNode;
}

/** A step's heading, with "Trocar categoria" beside it. */
function StepFrame({ title, onChangeCategory, children }: StepFrameProps) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Title order={2} fz="h3">
          {title}
        </Title>
        <Anchor component="button" type="button" fz="sm" onClick={onChangeCategory}>
          {t("newTicket.changeCategory")}
        </Anchor>
      </Group>
      {children}
    </Stack>
  );
}
