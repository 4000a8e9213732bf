// The team's knowledge-base rows to the contract's shapes: categories in any state, articles with
// their Markdown, last editor and measures.
import type { ArticleMeasures, StaffArticle, StaffCategory } from "../../../contracts/kb";
import { toIso } from "../../db/time";
import type { MeasureRow, StaffArticleRow, StaffCategoryRow } from "./editor-repository";

export function presentStaffCategory(row: StaffCategoryRow): StaffCategory {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    order: row.position,
    active: row.active === 1,
    articleCount: Number(row.article_count),
    publishedCount: Number(row.published_count ?? 0),
    updatedAt: toIso(row.updated_at),
  };
}

export function presentMeasures(helpful: number, row: MeasureRow | undefined): ArticleMeasures {
  const readers = Number(row?.readers ?? 0);
  const opened = Number(row?.readers_who_opened ?? 0);
  return {
    views: Number(row?.views ?? 0),
    readers,
    helpful,
    readersWhoOpenedTicket: opened,
    deflectionRate: readers === 0 ? null : (readers - opened) / readers,
  };
}

export function presentStaffArticle(row: StaffArticleRow, measures: MeasureRow | undefined): StaffArticle {
  return {
    id: row.id,
    categoryId: row.category_id,
    categoryName: row.category_name,
    question: row.question,
    answer: row.answer,
    answerHtml: row.answer_html,
    state: row.state,
    order: row.position,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by && row.editor_name ? { id: row.updated_by, name: row.editor_name } : null,
    measures: presentMeasures(row.helpful_count, measures),
  };
}
