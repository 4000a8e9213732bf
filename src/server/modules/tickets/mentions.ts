// The colleagues an internal note mentions: whom to notify, and how to highlight them in the note.
import { highlightMentions, mentionedMembers } from "../../../domain/tickets/mentions";
import type { Executor } from "../../db/schema";
import { listActiveStaff } from "../staff/repository";

export interface NoteMentions {
  /** Marks each mention of a team member in the rendered note. */
  highlight: (escapedText: string) => string;
  /** Mentioned colleagues, the author left out. */
  notify: string[];
}

/** Code is quoted, not addressed: a mention inside it notifies nobody (and is not highlighted). */
const withoutCode = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");

/** Undefined when the note has no "@" at all (no need to read the team). */
export async function mentionsInNote(
  trx: Executor,
  body: string,
  authorId: string,
): Promise<NoteMentions | undefined> {
  if (!body.includes("@")) return undefined;
  const team = await listActiveStaff(trx);
  return {
    highlight: (text) => highlightMentions(text, team),
    notify: mentionedMembers(withoutCode(body), team)
      .map((member) => member.id)
      .filter((id) => id !== authorId),
  };
}
