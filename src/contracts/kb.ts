// The knowledge base customers read before opening a ticket: categories and their FAQ answers.
import { z } from "zod";
import { Id, Instant } from "./common";
import { IsoDate } from "./sla";

export const Category = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  /** Published FAQ answers in the category. */
  articleCount: z.number().int(),
});
export type Category = z.infer<typeof Category>;
export const CategoryList = z.object({ items: z.array(Category) });

export const Article = z.object({
  id: Id,
  categoryId: Id,
  categoryName: z.string(),
  question: z.string(),
  /** The answer's Markdown rendered to sanitized HTML. */
  answerHtml: z.string(),
  position: z.number().int(),
  /** How many times it was marked "Isso resolveu meu problema". */
  helpfulCount: z.number().int(),
});
export type Article = z.infer<typeof Article>;
export const ArticleList = z.object({ items: z.array(Article) });

export const CategoryIdParams = z.strictObject({ categoryId: Id });
export const ArticleIdParams = z.strictObject({ articleId: Id });

export const CategoryArticlesQuery = z.strictObject({
  /** Accent-, case- and hyphen-insensitive, stemmed ("emissao" finds "emissão", "email" "e-mail"); the best matches first. */
  q: z.string().trim().max(200).optional(),
});

export const ArticleSearchQuery = z.strictObject({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const HelpfulResult = z.object({
  articleId: Id,
  helpfulCount: z.number().int(),
});

// ——— Writing the knowledge base (supervisors and admins) and measuring it ———

/** draft → published → archived: only published answers reach customers. */
export const ArticleState = z.enum(["draft", "published", "archived"]);
export type ArticleState = z.infer<typeof ArticleState>;

/** A position within its list: 1 comes first. */
const Order = z.number().int().min(1).max(10_000);
const Answer = z.string().trim().min(1).max(20_000);

export const CreateCategoryRequest = z.strictObject({
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(300).default(""),
  /** Where it appears among the categories; the end when absent. */
  order: Order.optional(),
  active: z.boolean().default(true),
});
export type CreateCategoryRequest = z.infer<typeof CreateCategoryRequest>;

export const UpdateCategoryRequest = z.strictObject({
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(300).optional(),
  order: Order.optional(),
  active: z.boolean().optional(),
  /** The `updatedAt` the editor started from: a later save by someone else answers 409 instead of being overwritten. */
  updatedAt: Instant.optional(),
});
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequest>;

/** A category as the team sees it, inactive ones included. */
export const StaffCategory = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  order: z.number().int(),
  /** Inactive: hidden from customers (and from new tickets) with all its answers. */
  active: z.boolean(),
  /** Answers in every state. */
  articleCount: z.number().int(),
  publishedCount: z.number().int(),
  updatedAt: Instant,
});
export type StaffCategory = z.infer<typeof StaffCategory>;
export const StaffCategoryList = z.object({ items: z.array(StaffCategory) });

export const CreateArticleRequest = z.strictObject({
  categoryId: Id,
  question: z.string().trim().min(5).max(300),
  /** Markdown; rendered with the tickets' sanitizer (no raw HTML, links only http(s) and mailto). */
  answer: Answer,
  state: ArticleState.default("draft"),
  /** Position within the category; the end when absent. */
  order: Order.optional(),
});
export type CreateArticleRequest = z.infer<typeof CreateArticleRequest>;

export const UpdateArticleRequest = z.strictObject({
  categoryId: Id.optional(),
  question: z.string().trim().min(5).max(300).optional(),
  answer: Answer.optional(),
  state: ArticleState.optional(),
  order: Order.optional(),
  /** The `updatedAt` the editor started from: a later save by someone else answers 409 instead of being overwritten. */
  updatedAt: Instant.optional(),
});
export type UpdateArticleRequest = z.infer<typeof UpdateArticleRequest>;

/** The measures of one article (or of each in the console's list). */
export const ArticleMeasures = z.object({
  /** Times customers opened it in the FAQ or the suggestions. */
  views: z.number().int(),
  /** Distinct customers who opened it. */
  readers: z.number().int(),
  /** "Isso resolveu meu problema", once per customer. */
  helpful: z.number().int(),
  /** Readers who opened a ticket in its category after first reading it. */
  readersWhoOpenedTicket: z.number().int(),
  /** Share of readers who did not open a ticket in its category afterwards (0–1); null before any reader. */
  deflectionRate: z.number().min(0).max(1).nullable(),
});
export type ArticleMeasures = z.infer<typeof ArticleMeasures>;

export const ArticleStats = ArticleMeasures.extend({
  articleId: Id,
  /** Tickets opened in its category by its readers after they first read it. */
  ticketsAfterReading: z.number().int(),
});
export type ArticleStats = z.infer<typeof ArticleStats>;

/** An article as the team edits it: any state, the Markdown, the last editor and the measures. */
export const StaffArticle = z.object({
  id: Id,
  categoryId: Id,
  categoryName: z.string(),
  question: z.string(),
  answer: z.string(),
  answerHtml: z.string(),
  state: ArticleState,
  order: z.number().int(),
  updatedAt: Instant,
  /** Null for answers that came with the seed. */
  updatedBy: z.object({ id: Id, name: z.string() }).nullable(),
  measures: ArticleMeasures,
});
export type StaffArticle = z.infer<typeof StaffArticle>;

export const StaffArticleQuery = z.strictObject({
  categoryId: Id.optional(),
  state: ArticleState.optional(),
  /** Question and answer words, as the FAQ search matches them. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type StaffArticleQuery = z.infer<typeof StaffArticleQuery>;
export const StaffArticlePage = z.object({ items: z.array(StaffArticle), nextCursor: z.string().nullable() });

export const ViewResult = z.object({ articleId: Id, views: z.number().int() });

export const MarkdownPreviewRequest = z.strictObject({ markdown: z.string().max(20_000) });
export const MarkdownPreview = z.object({ html: z.string() });

export const UnansweredSearchQuery = z.strictObject({
  /** São Paulo days, inclusive (YYYY-MM-DD); the last 30 days when absent. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type UnansweredSearchQuery = z.infer<typeof UnansweredSearchQuery>;

/** A query customers typed in the FAQ or the new-ticket form that found nothing. */
export const UnansweredSearch = z.object({
  /** Lower case, without accents or extra spaces. */
  query: z.string(),
  count: z.number().int(),
  lastSearchedAt: Instant,
});
export const UnansweredSearchPage = z.object({
  items: z.array(UnansweredSearch),
  nextCursor: z.string().nullable(),
});
