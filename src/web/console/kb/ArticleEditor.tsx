// An article's editor: category, question, Markdown answer with a live preview rendered by the
// server's own sanitizer (what customers will read), state and order. Read-only for agents.
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import {
  type ArticleState,
  ArticleState as ArticleStates,
  type StaffArticle,
  type StaffCategory,
} from "../../../contracts/kb";
import { fieldError } from "../../api/api-error";
import { useMarkdownPreview, useSaveArticle } from "../../api/kb-editor";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SanitizedHtml } from "../../components/tickets/SanitizedHtml";
import { usePhoneLayout } from "../../components/use-phone-layout";
import { useI18n } from "../../i18n/i18n";
import { unlessFieldError } from "./kb-format";
import { StateBadge } from "./StateBadge";

const PREVIEW_DEBOUNCE_MS = 300;

interface ArticleEditorProps {
  /** null: a new article in `categoryId`. */
  article: StaffArticle | null;
  categoryId: string;
  categories: StaffCategory[];
  canEdit: boolean;
  onClose: () => void;
}

export function ArticleEditor({ article, categoryId, categories, canEdit, onClose }: ArticleEditorProps) {
  const { t } = useI18n();
  const phone = usePhoneLayout();
  const title = !canEdit
    ? t("kb.editor.titleRead")
    : article
      ? t("kb.editor.titleEdit")
      : t("kb.editor.titleNew");
  return (
    <Modal opened onClose={onClose} size="80rem" fullScreen={phone} title={title}>
      {canEdit ? (
        <ArticleForm article={article} categoryId={categoryId} categories={categories} onClose={onClose} />
      ) : (
        article && <ArticleReadOnly article={article} />
      )}
    </Modal>
  );
}

function ArticleReadOnly({ article }: { article: StaffArticle }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Group gap="xs">
        <StateBadge state={article.state} />
        <Badge variant="light" color="gray">
          {article.categoryName}
        </Badge>
      </Group>
      <Text fw={600}>{article.question}</Text>
      <SanitizedHtml html={article.answerHtml} fz="sm" />
      <Text fz="xs" c="dimmed">
        {t("kb.editor.readOnly")}
      </Text>
    </Stack>
  );
}

function ArticleForm({ article, categoryId, categories, onClose }: Omit<ArticleEditorProps, "canEdit">) {
  const { t } = useI18n();
  const save = useSaveArticle(article?.id ?? null);
  const [category, setCategory] = useState(article?.categoryId ?? categoryId);
  const [question, setQuestion] = useState(article?.question ?? "");
  const [answer, setAnswer] = useState(article?.answer ?? "");
  const [state, setState] = useState<ArticleState>(article?.state ?? "draft");
  const [order, setOrder] = useState<number | "">(article?.order ?? "");
  const [previewed] = useDebouncedValue(answer, PREVIEW_DEBOUNCE_MS);
  const preview = useMarkdownPreview(previewed);
  const error = save.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        categoryId: category,
        question,
        answer,
        state,
        ...(order !== "" && { order }),
        ...(article && { updatedAt: article.updatedAt }),
      },
      {
        onSuccess: () => {
          notifications.show({ color: "teal", message: t("kb.editor.saved") });
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Select
              label={t("kb.editor.category")}
              data={categories.map((c) => ({ value: c.id, label: c.name }))}
              value={category}
              onChange={(value) => value && setCategory(value)}
              allowDeselect={false}
              error={fieldError(error, "categoryId")}
            />
            <TextInput
              label={t("kb.editor.question")}
              value={question}
              onChange={(event) => setQuestion(event.currentTarget.value)}
              error={fieldError(error, "question")}
              required
              data-autofocus
            />
            <Textarea
              label={t("kb.editor.answer")}
              description={t("kb.editor.answerHint")}
              value={answer}
              onChange={(event) => setAnswer(event.currentTarget.value)}
              error={fieldError(error, "answer")}
              autosize
              minRows={8}
              maxRows={20}
              required
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
            <Group grow align="flex-start">
              <Select
                label={t("kb.editor.state")}
                description={t("kb.editor.stateHint")}
                data={ArticleStates.options.map((value) => ({ value, label: t(`kb.state.${value}`) }))}
                value={state}
                onChange={(value) => value && setState(value as ArticleState)}
                allowDeselect={false}
                error={fieldError(error, "state")}
              />
              <NumberInput
                label={t("kb.editor.order")}
                description={t("kb.categoryForm.orderHint")}
                value={order}
                onChange={(value) => setOrder(typeof value === "number" ? value : "")}
                min={1}
                allowDecimal={false}
                error={fieldError(error, "order")}
              />
            </Group>
          </Stack>
          <Stack gap={6} aria-live="polite">
            <Group gap="xs">
              <Text fw={600} fz="sm" id="kb-preview-title">
                {t("kb.editor.preview")}
              </Text>
              {preview.isFetching && <Loader size={12} />}
            </Group>
            <Paper
              withBorder
              radius="md"
              p="md"
              mih={200}
              aria-labelledby="kb-preview-title"
              data-testid="kb-preview"
            >
              {question.trim() && (
                <Text fw={600} mb="sm">
                  {question}
                </Text>
              )}
              {previewed.trim() && preview.data ? (
                <SanitizedHtml html={preview.data.html} fz="sm" />
              ) : (
                <Text c="dimmed" fz="sm">
                  {t("kb.editor.previewEmpty")}
                </Text>
              )}
            </Paper>
          </Stack>
        </SimpleGrid>
        <ErrorAlert error={unlessFieldError(error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("kb.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("kb.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
