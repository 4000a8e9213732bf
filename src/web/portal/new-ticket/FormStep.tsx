// Step 3 laid out: the form, and beside it the "Dicas" and the answers that match the subject.
import { Alert, Anchor, Grid, Stack } from "@mantine/core";
import { IconLink } from "@tabler/icons-react";
import { Link } from "react-router";
import type { Article } from "../../../contracts/kb";
import type { Ticket } from "../../../contracts/tickets";
import type { AttachmentUploads } from "../../components/attachments/use-attachment-uploads";
import { useI18n } from "../../i18n/i18n";
import { ArticleSuggestions } from "./ArticleSuggestions";
import { TicketForm } from "./TicketForm";
import { TipsPanel } from "./TipsPanel";
import type { TicketDraft } from "./ticket-draft";

interface FormStepProps {
  categoryId: string;
  relatedTicketNumber: number | null;
  draft: TicketDraft;
  onDraftChange: (changes: Partial<TicketDraft>) => void;
  uploads: AttachmentUploads;
  onCreated: (ticket: Ticket) => void;
  onSolved: (article: Article) => void;
}

export function FormStep({ relatedTicketNumber, draft, onSolved, ...form }: FormStepProps) {
  const { t } = useI18n();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <Stack gap="md">
          {relatedTicketNumber !== null && (
            <Alert color="blue" variant="light" icon={<IconLink size={18} />}>
              {t("newTicket.related", { number: relatedTicketNumber })}{" "}
              <Anchor component={Link} to={`/portal/tickets/${relatedTicketNumber}`} fz="sm">
                {t("ticket.title", { number: relatedTicketNumber })}
              </Anchor>
            </Alert>
          )}
          <TicketForm relatedTicketNumber={relatedTicketNumber} draft={draft} {...form} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Stack gap="md">
          <TipsPanel />
          <ArticleSuggestions subject={draft.subject} onSolved={onSolved} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
