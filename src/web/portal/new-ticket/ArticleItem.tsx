// One question and its answer, expandable (opening it counts a view), with "Isso resolveu meu problema";
// used in the FAQ and the suggestions.
import { Accordion, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconThumbUp } from "@tabler/icons-react";
import { useRef } from "react";
import type { Article } from "../../../contracts/kb";
import { useMarkHelpful } from "../../api/kb";
import { useRecordView } from "../../api/kb-editor";
import { SanitizedHtml } from "../../components/tickets/SanitizedHtml";
import { useI18n } from "../../i18n/i18n";

interface ArticleItemProps {
  article: Article;
  onSolved: (article: Article) => void;
  /** Suggestions come from every category: say which, in a narrower column. */
  showCategory?: boolean;
}

export function ArticleItem({ article, onSolved, showCategory = false }: ArticleItemProps) {
  const { t } = useI18n();
  const markHelpful = useMarkHelpful();
  const recordView = useRecordView();
  // The first click opens the answer: one view per time it is shown, not per toggle.
  const viewed = useRef(false);
  const opened = () => {
    if (viewed.current) return;
    viewed.current = true;
    recordView.mutate(article.id);
  };
  const solved = () =>
    markHelpful.mutate(article.id, {
      onSuccess: () => onSolved(article),
      onError: (error) => notifications.show({ color: "red", message: error.message }),
    });
  return (
    <Accordion.Item value={article.id}>
      <Accordion.Control onClick={opened}>
        <Stack gap={4}>
          {showCategory && (
            <Badge size="xs" variant="light" color="gray" radius="sm">
              {article.categoryName}
            </Badge>
          )}
          <Text fz={showCategory ? "sm" : "md"} fw={500}>
            {article.question}
          </Text>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <SanitizedHtml html={article.answerHtml} fz="sm" />
          <Group>
            <Button
              variant="light"
              color="teal"
              size="xs"
              leftSection={<IconThumbUp size={14} aria-hidden />}
              loading={markHelpful.isPending}
              onClick={solved}
            >
              {t("newTicket.helpful")}
            </Button>
          </Group>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
