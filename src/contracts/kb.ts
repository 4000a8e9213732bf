// The knowledge base customers read before opening a ticket: categories and their FAQ answers.
import { z } from "zod";
import { Id } from "./common";

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
