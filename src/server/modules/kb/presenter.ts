// Knowledge-base rows to the contract's shapes.
import type { Article, Category } from "../../../contracts/kb";
import type { ArticleRow } from "./repository";

export function presentCategory(row: {
  id: string;
  name: string;
  description: string;
  article_count: number | string;
}): Category {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    articleCount: Number(row.article_count),
  };
}

export function presentArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    categoryId: row.category_id,
    categoryName: row.category_name,
    question: row.question,
    answerHtml: row.answer_html,
    position: row.position,
    helpfulCount: row.helpful_count,
  };
}
